using System.ComponentModel.DataAnnotations;
using System.Net;

namespace FreelanceAggregator.Providers;

/// <summary>
/// Options every provider has: where requests go, how long they may take, how often they are retried, how much a
/// page may weigh, and how politely pages are fetched. A provider's own options derive from this class.
/// </summary>
/// <remarks>
/// Options are validated when the aggregator is created (and at host start-up); an invalid value is an error that names
/// the provider and the numbers. Where the app has an <c>IConfiguration</c> (a host's, or the environment variables
/// <see cref="GigAggregator.Create"/> reads), the section <see cref="ConfigurationSection"/> is applied after the code's
/// settings, so a deployment can set them without a change to the code.
/// </remarks>
public class GigProviderOptions
{
    /// <summary>
    /// Gets or sets where requests go: the site itself by default, or a mirror, proxy or test server. It never changes
    /// a listing's <see cref="Gig.Url"/>, which always points at the public site.
    /// </summary>
    /// <value>The default value is the site's own address, set by the provider.</value>
    [Required]
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets how long one request may take, retries included.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long one attempt of a request may take before it is retried.</summary>
    /// <value>The default value is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how many times a request that failed with 408, 429, 5xx or a network error is retried. A <c>Retry-After</c> header sets the wait.</summary>
    /// <value>The default value is 3.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first wait before a retry; later waits grow exponentially, with jitter, unless the site sends <c>Retry-After</c>.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the largest response accepted, in bytes; a larger one fails with a message instead of filling memory.</summary>
    /// <value>The default value is 8 MiB.</value>
    [Range(1_024, 268_435_456)]
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Gets or sets the most pages fetched for one search, whatever the limit asks.</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 500)]
    public int MaxPages { get; set; } = 20;

    /// <summary>Gets or sets the pause between two pages of one search, to be polite to the site.</summary>
    /// <value>The default value is zero; scraping providers set their own.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan PageDelay { get; set; }

    /// <summary>Gets or sets the User-Agent header, or <see langword="null"/> for the provider's default.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Gets or sets a proxy for this provider's requests, or <see langword="null"/> for none.</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>Gets or sets a factory for the innermost handler (e.g. a custom <see cref="SocketsHttpHandler"/>), or <see langword="null"/> for the default, which never follows redirects on its own.</summary>
    public Func<HttpMessageHandler>? PrimaryHandlerFactory { get; set; }

    /// <summary>Gets or sets how long the whole search of this provider may take, or <see langword="null"/> for <see cref="GigAggregatorOptions.ProviderTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan? SearchTimeout { get; set; }

    /// <summary>
    /// Gets the configuration section a provider's options are read from, when the app has an <see cref="Microsoft.Extensions.Configuration.IConfiguration"/>:
    /// <c>FreelanceAggregator:Providers:{name}</c>, e.g. <c>FreelanceAggregator:Providers:fiverr:BaseAddress</c> in
    /// appsettings.json, or the environment variable <c>FreelanceAggregator__Providers__fiverr__BaseAddress</c>.
    /// </summary>
    /// <param name="provider">The provider's name.</param>
    /// <returns>The section's path.</returns>
    public static string ConfigurationSection(string provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return "FreelanceAggregator:Providers:" + provider;
    }
}

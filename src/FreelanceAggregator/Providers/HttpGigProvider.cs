using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers;

/// <summary>
/// A base for providers that read a site over HTTP: it holds the provider's name and validated options, creates its
/// resilient <see cref="GigHttpClient"/>, and paces pages. Register such a provider with
/// <see cref="Microsoft.Extensions.DependencyInjection.FreelanceAggregatorBuilderExtensions.AddGigProviderHttpClient{TOptions}"/>.
/// </summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
public abstract class HttpGigProvider<TOptions> : GigProvider
    where TOptions : GigProviderOptions
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<TOptions> _options;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name; also the name of its options and its HTTP client.</param>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The provider's named options; read (and validated) here, so bad options fail at start.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>.</param>
    protected HttpGigProvider(string name, IHttpClientFactory httpClientFactory, IOptionsMonitor<TOptions> options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _httpClientFactory = httpClientFactory;
        _options = options;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Logger = loggerFactory?.CreateLogger(GetType()) ?? NullLogger.Instance;
        _ = Options;
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override TimeSpan? SearchTimeout => Options.SearchTimeout;

    /// <summary>Gets the provider's current options.</summary>
    protected TOptions Options => _options.Get(Name);

    /// <summary>Gets the clock.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>Gets the logger.</summary>
    protected ILogger Logger { get; }

    /// <summary>Creates the HTTP client for one search.</summary>
    /// <returns>The client.</returns>
    protected GigHttpClient CreateHttpClient() => new(_httpClientFactory.CreateClient(Name), Name, Options, Logger);

    /// <summary>Waits <see cref="GigProviderOptions.PageDelay"/> before every page but the first, to be polite to the site.</summary>
    /// <param name="pageIndex">The zero-based index of the page about to be fetched.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>A task that completes when the page may be fetched.</returns>
    protected Task PauseBeforePageAsync(int pageIndex, CancellationToken cancellationToken)
    {
        var delay = Options.PageDelay;
        return pageIndex == 0 || delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, TimeProvider, cancellationToken);
    }

    /// <summary>Gets how many pages to fetch at most for a query: enough for its limit at <paramref name="pageSize"/>, and never more than <see cref="GigProviderOptions.MaxPages"/>.</summary>
    /// <param name="query">The query.</param>
    /// <param name="pageSize">How many listings the site gives per page.</param>
    /// <returns>The number of pages.</returns>
    protected int PagesFor(GigQuery query, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var needed = (query.Limit + pageSize - 1) / pageSize;
        return Math.Min(needed, Options.MaxPages);
    }
}

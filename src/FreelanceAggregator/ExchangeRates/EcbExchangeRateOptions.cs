using System.ComponentModel.DataAnnotations;

namespace FreelanceAggregator.ExchangeRates;

/// <summary>Options for <see cref="EcbExchangeRateProvider"/>, the live ECB daily reference rates.</summary>
public sealed class EcbExchangeRateOptions
{
    /// <summary>The name of the <see cref="HttpClient"/> the provider uses when registered through dependency injection.</summary>
    public const string HttpClientName = "FreelanceAggregator.Ecb";

    /// <summary>Gets or sets the address of the daily file.</summary>
    /// <value>The default value is <c>https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml</c>.</value>
    [Required]
    public Uri FeedUri { get; set; } = new("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml");

    /// <summary>Gets or sets how long a read file is used before it is read again. The ECB publishes once a working day, around 16:00 CET.</summary>
    /// <value>The default value is 4 hours.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Gets or sets how long to keep using the fallback after the feed failed, before asking the feed again.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the largest response accepted; the real file is about 1.5 KB.</summary>
    /// <value>The default value is 262,144 bytes.</value>
    [Range(1_024, 16_777_216)]
    public int MaxResponseBytes { get; set; } = 262_144;
}

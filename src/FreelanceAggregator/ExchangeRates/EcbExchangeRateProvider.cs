using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FreelanceAggregator.ExchangeRates;

/// <summary>
/// The European Central Bank's daily reference rates, read live from <c>eurofxref-daily.xml</c>, cached for
/// <see cref="EcbExchangeRateOptions.CacheDuration"/>. When the feed cannot be read, the embedded snapshot
/// answers instead, and each rate's <see cref="ExchangeRate.Source"/> says so and why.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The SemaphoreSlim never allocates a wait handle (AvailableWaitHandle is not used), so there is nothing to release.")]
public sealed partial class EcbExchangeRateProvider : ExchangeRateProvider
{
    private readonly HttpClient _httpClient;
    private readonly EcbExchangeRateOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly EcbSnapshotExchangeRateProvider _fallback = EcbSnapshotExchangeRateProvider.Instance;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CacheEntry? _cache;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="httpClient">The client that reads the feed; give it resilience and a proxy as needed.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for the cache, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">A logger, or <see langword="null"/>.</param>
    public EcbExchangeRateProvider(HttpClient httpClient, EcbExchangeRateOptions? options = null, TimeProvider? timeProvider = null, ILogger<EcbExchangeRateProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _options = options ?? new EcbExchangeRateOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public override string Name => _cache switch
    {
        { Table: { } t, Failure: null } => $"ECB reference rates of {t.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (live feed)",
        _ => $"ECB reference rates (live feed, falling back to the {_fallback.Name})",
    };

    /// <inheritdoc/>
    public override async ValueTask<ExchangeRate?> FindRateAsync(Currency fromCurrency, Currency toCurrency, CancellationToken cancellationToken = default)
    {
        ValidatePair(fromCurrency, toCurrency);
        var entry = await GetEntryAsync(cancellationToken).ConfigureAwait(false);
        if (entry.Table is { } table)
        {
            return table.Find(fromCurrency, toCurrency, "ECB reference rate (live feed)");
        }

        return _fallback.Table.Find(fromCurrency, toCurrency, $"ECB reference rate (embedded snapshot; the live feed failed: {entry.Failure})");
    }

    /// <inheritdoc/>
    public override async ValueTask<IReadOnlyCollection<Currency>> GetCurrenciesAsync(CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(cancellationToken).ConfigureAwait(false);
        return (entry.Table ?? _fallback.Table).Currencies;
    }

    private async ValueTask<CacheEntry> GetEntryAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (_cache is { } cached && cached.ValidUntil > now)
        {
            return cached;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            now = _timeProvider.GetUtcNow();
            if (_cache is { } again && again.ValidUntil > now)
            {
                return again;
            }

            CacheEntry entry;
            try
            {
                var table = await DownloadAsync(cancellationToken).ConfigureAwait(false);
                entry = new CacheEntry(table, null, now + _options.CacheDuration);
                LogFeedRead(_logger, table.AsOf, table.Count);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var failure = Describe(ex);
                entry = new CacheEntry(null, failure, now + _options.RetryAfterFailure);
                LogFeedFailed(_logger, failure, _fallback.AsOf, ex);
            }

            _cache = entry;
            return entry;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<RateTable> DownloadAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _options.FeedUri);
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var uri = response.RequestMessage?.RequestUri ?? _options.FeedUri;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {uri}", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > _options.MaxResponseBytes)
        {
            throw new FormatException($"the response from {uri} is {response.Content.Headers.ContentLength} bytes, over the {_options.MaxResponseBytes}-byte cap");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = await BoundedRead.ReadAsync(stream, _options.MaxResponseBytes, null, cancellationToken).ConfigureAwait(false)
                ?? throw new FormatException($"the response from {uri} is over the {_options.MaxResponseBytes}-byte cap");
            try
            {
                using var memory = new MemoryStream(buffer, writable: false);
                return EcbReferenceRates.Parse(memory, _options.MaxResponseBytes);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{uri} is not an ECB reference rate file: {ex.Message}", ex);
            }
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "the request timed out",
        _ => ex.Message,
    };

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Read the ECB reference rates of {Day}: {Count} currencies.")]
    private static partial void LogFeedRead(ILogger logger, DateOnly day, int count);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "The ECB feed could not be read ({Failure}); using the embedded snapshot of {SnapshotDay}.")]
    private static partial void LogFeedFailed(ILogger logger, string failure, DateOnly snapshotDay, Exception exception);

    private sealed record CacheEntry(RateTable? Table, string? Failure, DateTimeOffset ValidUntil);
}

using System.Collections.Concurrent;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator;

/// <summary>
/// What one provider's run inside a search collects besides listings: warnings and the site's own exchange rates.
/// It flows to the provider's code through an <see cref="AsyncLocal{T}"/> set by the aggregator, the way
/// <c>Activity.Current</c> does, so the <see cref="GigProvider.SearchAsync"/> signature stays simple.
/// </summary>
internal sealed class GigSearchContext
{
    private const int MaxWarnings = 50;
    private static readonly AsyncLocal<GigSearchContext?> Slot = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly SiteExchangeRates _siteRates;
    private readonly Action<string>? _log;
    private int _warningCount;
    private Uri? _lastRequest;
    private int _requestsInFlight;

    public GigSearchContext(SiteExchangeRates siteRates, Action<string>? log)
    {
        _siteRates = siteRates;
        _log = log;
    }

    public static GigSearchContext? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }

    public IReadOnlyList<string> Warnings => [.. _warnings];

    /// <summary>Gets the provider's latest request and whether it is still waiting for it, so a timeout can say where it was stuck.</summary>
    public (Uri? Uri, bool InFlight) LastRequest => (Volatile.Read(ref _lastRequest), Volatile.Read(ref _requestsInFlight) > 0);

    public void RequestStarted(Uri uri)
    {
        Volatile.Write(ref _lastRequest, uri);
        Interlocked.Increment(ref _requestsInFlight);
    }

    public void RequestEnded() => Interlocked.Decrement(ref _requestsInFlight);

    public void AddWarning(GigProvider provider, string message)
    {
        _log?.Invoke(message);
        var count = Interlocked.Increment(ref _warningCount);
        if (count < MaxWarnings)
        {
            _warnings.Enqueue(message);
        }
        else if (count == MaxWarnings)
        {
            _warnings.Enqueue($"{provider.Name}: more warnings were left out; see the log.");
        }
    }

    public void AddSiteRate(GigProvider provider, ExchangeRate rate)
    {
        _siteRates.Add(rate);
        _log?.Invoke($"{provider.Name} published the rate {rate}.");
    }
}

/// <summary>Exchange rates the sites published during one search, used only where the configured source knows nothing.</summary>
internal sealed class SiteExchangeRates : ExchangeRateProvider
{
    private readonly ConcurrentDictionary<(Currency From, Currency To), ExchangeRate> _rates = new();

    public override string Name => "exchange rates published by the sites";

    public bool IsEmpty => _rates.IsEmpty;

    public void Add(ExchangeRate rate) => _rates[(rate.From, rate.To)] = rate;

    public override ValueTask<ExchangeRate?> FindRateAsync(Currency fromCurrency, Currency toCurrency, CancellationToken cancellationToken = default)
    {
        ValidatePair(fromCurrency, toCurrency);
        if (_rates.TryGetValue((fromCurrency, toCurrency), out var direct))
        {
            return ValueTask.FromResult<ExchangeRate?>(direct);
        }

        return ValueTask.FromResult(_rates.TryGetValue((toCurrency, fromCurrency), out var inverse) ? inverse.Invert() : null);
    }

    public override ValueTask<IReadOnlyCollection<Currency>> GetCurrenciesAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyCollection<Currency>>(_rates.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct().ToArray());
}

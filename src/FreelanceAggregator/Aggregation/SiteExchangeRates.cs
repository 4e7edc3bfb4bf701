using System.Collections.Concurrent;
using FreelanceAggregator.ExchangeRates;

namespace FreelanceAggregator;

/// <summary>Exchange rates the sites published during one search (<see cref="Providers.GigPage.ExchangeRates"/>), used only where the configured source knows nothing.</summary>
internal sealed class SiteExchangeRates : ExchangeRateProvider
{
    private readonly ConcurrentDictionary<(Currency From, Currency To), ExchangeRate> _rates = new();

    public override string Name => "exchange rates published by the sites";

    public bool IsEmpty => _rates.IsEmpty;

    /// <summary>Adds a rate; returns whether it was new (the pair was not known yet).</summary>
    public bool Add(ExchangeRate rate)
    {
        var known = _rates.TryGetValue((rate.From, rate.To), out var previous);
        _rates[(rate.From, rate.To)] = rate;
        return !known || !rate.Equals(previous);
    }

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

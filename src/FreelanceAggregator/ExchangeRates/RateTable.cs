using System.Collections.Frozen;

namespace FreelanceAggregator.ExchangeRates;

/// <summary>Rates quoted against one base currency (EUR for the ECB), crossed through it in both directions.</summary>
internal sealed class RateTable
{
    private readonly FrozenDictionary<Currency, decimal> _perBase;

    public RateTable(Currency baseCurrency, IReadOnlyDictionary<Currency, decimal> perBase, DateOnly asOf)
    {
        Base = baseCurrency;
        AsOf = asOf;
        _perBase = perBase.ToFrozenDictionary();
        Currencies = [baseCurrency, .. _perBase.Keys.OrderBy(c => c.Code, StringComparer.Ordinal)];
    }

    public Currency Base { get; }

    public DateOnly AsOf { get; }

    public IReadOnlyCollection<Currency> Currencies { get; }

    public int Count => _perBase.Count;

    public bool TryGetPerBase(Currency currency, out decimal rate) => _perBase.TryGetValue(currency, out rate);

    public ExchangeRate? Find(Currency from, Currency to, string source)
    {
        decimal rate;
        if (from == Base)
        {
            if (!_perBase.TryGetValue(to, out rate))
            {
                return null;
            }
        }
        else if (to == Base)
        {
            if (!_perBase.TryGetValue(from, out var fromRate))
            {
                return null;
            }

            rate = 1m / fromRate;
        }
        else
        {
            if (!_perBase.TryGetValue(from, out var fromRate) || !_perBase.TryGetValue(to, out var toRate))
            {
                return null;
            }

            // Units of 'to' per base over units of 'from' per base: one division, so A→B and B→A
            // are exact reciprocals up to decimal's 28 digits.
            rate = toRate / fromRate;
        }

        return new ExchangeRate(from, to, rate, AsOf, source);
    }
}

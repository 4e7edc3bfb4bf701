namespace FreelanceAggregator.ExchangeRates;

/// <summary>
/// Rates given by the caller, e.g. 14,400 IDR per USD to reproduce a quoted figure. Each rate works in both
/// directions, and pairs that share a currency are crossed through it (USD→IDR and USD→EUR give IDR→EUR).
/// </summary>
public sealed class FixedExchangeRateProvider : ExchangeRateProvider
{
    private readonly Dictionary<Currency, List<ExchangeRate>> _edges = [];
    private readonly IReadOnlyCollection<Currency> _currencies;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="rates">The rates. A later rate for the same pair replaces an earlier one.</param>
    /// <exception cref="ArgumentException">No rate was given.</exception>
    public FixedExchangeRateProvider(params ExchangeRate[] rates)
        : this((IEnumerable<ExchangeRate>)rates)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="rates">The rates. A later rate for the same pair replaces an earlier one.</param>
    /// <exception cref="ArgumentException">No rate was given.</exception>
    public FixedExchangeRateProvider(IEnumerable<ExchangeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var byPair = new Dictionary<(Currency, Currency), ExchangeRate>();
        foreach (var rate in rates)
        {
            ArgumentNullException.ThrowIfNull(rate, nameof(rates));
            byPair.Remove((rate.To, rate.From));
            byPair[(rate.From, rate.To)] = rate;
        }

        if (byPair.Count == 0)
        {
            throw new ArgumentException("Give at least one exchange rate.", nameof(rates));
        }

        foreach (var rate in byPair.Values)
        {
            AddEdge(rate);
            AddEdge(rate.Invert());
        }

        _currencies = _edges.Keys.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
        Name = "fixed exchange rates (" + string.Join(", ", byPair.Values.Select(r => $"{r.From}/{r.To}")) + ")";
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <summary>Creates a rate stated by the caller, with the source "fixed by the caller".</summary>
    /// <param name="from">The base currency.</param>
    /// <param name="to">The quote currency.</param>
    /// <param name="rate">Units of <paramref name="to"/> per unit of <paramref name="from"/>.</param>
    /// <param name="asOf">The day the rate is for, if it matters.</param>
    /// <returns>The rate.</returns>
    public static ExchangeRate Rate(string from, string to, decimal rate, DateOnly? asOf = null) =>
        new(Currency.FromCode(from), Currency.FromCode(to), rate, asOf, "fixed by the caller");

    /// <inheritdoc/>
    public override ValueTask<ExchangeRate?> FindRateAsync(Currency fromCurrency, Currency toCurrency, CancellationToken cancellationToken = default)
    {
        ValidatePair(fromCurrency, toCurrency);
        return ValueTask.FromResult(FindPath(fromCurrency, toCurrency));
    }

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyCollection<Currency>> GetCurrenciesAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_currencies);

    private void AddEdge(ExchangeRate rate)
    {
        if (!_edges.TryGetValue(rate.From, out var list))
        {
            _edges[rate.From] = list = [];
        }

        list.Add(rate);
    }

    // Breadth-first, so the cross rate uses the fewest hops (a direct rate always wins).
    private ExchangeRate? FindPath(Currency from, Currency to)
    {
        if (!_edges.ContainsKey(from) || !_edges.ContainsKey(to))
        {
            return null;
        }

        var via = new Dictionary<Currency, ExchangeRate> { [from] = null! };
        var queue = new Queue<Currency>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var edge in _edges[current])
            {
                if (via.ContainsKey(edge.To))
                {
                    continue;
                }

                via[edge.To] = edge;
                if (edge.To == to)
                {
                    return Assemble(via, from, to);
                }

                queue.Enqueue(edge.To);
            }
        }

        return null;
    }

    private static ExchangeRate Assemble(Dictionary<Currency, ExchangeRate> via, Currency from, Currency to)
    {
        var path = new Stack<ExchangeRate>();
        for (var c = to; c != from; c = via[c].From)
        {
            path.Push(via[c]);
        }

        var rate = path.Pop();
        while (path.Count > 0)
        {
            rate = ExchangeRate.Chain(rate, path.Pop());
        }

        return rate;
    }
}

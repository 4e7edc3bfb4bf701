namespace FreelanceAggregator.ExchangeRates;

/// <summary>
/// Where exchange rates come from. The library ships the European Central Bank's reference rates (an embedded,
/// dated snapshot by default, or the live daily feed), fixed rates given by the caller, and a way to combine sources.
/// </summary>
/// <remarks>Derive from this class to bring another source; only <see cref="Name"/> and <see cref="FindRateAsync"/> are required.</remarks>
public abstract class ExchangeRateProvider
{
    /// <summary>Initializes a new instance of the <see cref="ExchangeRateProvider"/> class.</summary>
    protected ExchangeRateProvider()
    {
    }

    /// <summary>Gets the embedded snapshot of the ECB reference rates: the default source, offline and deterministic.</summary>
    public static ExchangeRateProvider Default => EcbSnapshotExchangeRateProvider.Instance;

    /// <summary>Gets a description of the source a user can read in an error message, e.g. "ECB reference rates of 2026-09-24 (embedded snapshot)".</summary>
    public abstract string Name { get; }

    /// <summary>Finds the rate from one currency to another, crossing through a common base where the source has one.</summary>
    /// <param name="fromCurrency">The currency to convert from.</param>
    /// <param name="toCurrency">The currency to convert to; not the same as <paramref name="fromCurrency"/>.</param>
    /// <param name="cancellationToken">A token to cancel the look-up.</param>
    /// <returns>The rate, or <see langword="null"/> when the source does not know one of the currencies.</returns>
    public abstract ValueTask<ExchangeRate?> FindRateAsync(Currency fromCurrency, Currency toCurrency, CancellationToken cancellationToken = default);

    /// <summary>Gets the currencies the source can convert between, for messages and discovery.</summary>
    /// <param name="cancellationToken">A token to cancel the look-up.</param>
    /// <returns>The currencies; empty when the source cannot list them.</returns>
    public virtual ValueTask<IReadOnlyCollection<Currency>> GetCurrenciesAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyCollection<Currency>>([]);

    /// <summary>Gets the rate from one currency to another.</summary>
    /// <param name="fromCurrency">The currency to convert from.</param>
    /// <param name="toCurrency">The currency to convert to; not the same as <paramref name="fromCurrency"/>.</param>
    /// <param name="cancellationToken">A token to cancel the look-up.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ExchangeRateNotFoundException">The source does not know one of the currencies; the message names it.</exception>
    public async ValueTask<ExchangeRate> GetRateAsync(Currency fromCurrency, Currency toCurrency, CancellationToken cancellationToken = default)
    {
        var rate = await FindRateAsync(fromCurrency, toCurrency, cancellationToken).ConfigureAwait(false);
        if (rate is not null)
        {
            return rate;
        }

        var known = await GetCurrenciesAsync(cancellationToken).ConfigureAwait(false);
        var unknown = known.Count == 0
            ? $"{fromCurrency} or {toCurrency}"
            : string.Join(" and ", new[] { fromCurrency, toCurrency }.Where(c => !known.Contains(c)).Select(c => c.Code).DefaultIfEmpty($"{fromCurrency} or {toCurrency}"));
        throw new ExchangeRateNotFoundException(
            fromCurrency,
            toCurrency,
            $"No exchange rate from {fromCurrency} to {toCurrency}: {Name} does not know {unknown}. Add a rate for it (UseFixedExchangeRates) or combine another source.");
    }

    /// <summary>Converts an amount into another currency, rounded to that currency's minor unit (midpoint to even).</summary>
    /// <param name="money">The amount.</param>
    /// <param name="toCurrency">The currency to convert to.</param>
    /// <param name="cancellationToken">A token to cancel the look-up.</param>
    /// <returns>The converted amount; <paramref name="money"/> itself when it is already in <paramref name="toCurrency"/>.</returns>
    /// <exception cref="ExchangeRateNotFoundException">No rate is known; the message names the currency.</exception>
    public async ValueTask<Money> ConvertAsync(Money money, Currency toCurrency, CancellationToken cancellationToken = default)
    {
        if (money.Currency == toCurrency)
        {
            return money;
        }

        var rate = await GetRateAsync(money.Currency, toCurrency, cancellationToken).ConfigureAwait(false);
        return rate.Convert(money).Round();
    }

    /// <summary>Combines sources: the first that knows a pair wins, and a pair no single source knows is crossed through a currency two sources share.</summary>
    /// <param name="providers">The sources, most trusted first.</param>
    /// <returns>The combined source.</returns>
    public static ExchangeRateProvider Combine(params ExchangeRateProvider[] providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        if (providers.Length == 0)
        {
            throw new ArgumentException("Combine needs at least one exchange rate source.", nameof(providers));
        }

        return providers.Length == 1 ? providers[0] : new CompositeExchangeRateProvider(providers);
    }

    /// <summary>Checks the arguments every implementation receives.</summary>
    /// <param name="fromCurrency">The currency to convert from.</param>
    /// <param name="toCurrency">The currency to convert to.</param>
    /// <exception cref="ArgumentException">The two are the same.</exception>
    protected static void ValidatePair(Currency fromCurrency, Currency toCurrency)
    {
        if (fromCurrency == toCurrency)
        {
            throw new ArgumentException($"A rate needs two different currencies; both are {fromCurrency}. Same-currency amounts need no conversion.", nameof(toCurrency));
        }
    }
}

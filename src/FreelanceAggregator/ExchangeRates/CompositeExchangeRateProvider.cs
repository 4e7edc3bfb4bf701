namespace FreelanceAggregator.ExchangeRates;

/// <summary>Several sources in order of trust; a pair none knows alone is crossed through a currency two of them share.</summary>
internal sealed class CompositeExchangeRateProvider : ExchangeRateProvider
{
    private static readonly Currency[] PreferredBridges = [Currency.USD, Currency.EUR];
    private readonly ExchangeRateProvider[] _providers;

    public CompositeExchangeRateProvider(IEnumerable<ExchangeRateProvider> providers)
    {
        _providers = [.. providers];
        Name = string.Join(", then ", _providers.Select(p => p.Name));
    }

    public override string Name { get; }

    public override async ValueTask<ExchangeRate?> FindRateAsync(Currency fromCurrency, Currency toCurrency, CancellationToken cancellationToken = default)
    {
        ValidatePair(fromCurrency, toCurrency);
        foreach (var provider in _providers)
        {
            if (await provider.FindRateAsync(fromCurrency, toCurrency, cancellationToken).ConfigureAwait(false) is { } direct)
            {
                return direct;
            }
        }

        foreach (var bridge in await BridgesAsync(fromCurrency, toCurrency, cancellationToken).ConfigureAwait(false))
        {
            var first = await FindDirectAsync(fromCurrency, bridge, cancellationToken).ConfigureAwait(false);
            if (first is null)
            {
                continue;
            }

            var second = await FindDirectAsync(bridge, toCurrency, cancellationToken).ConfigureAwait(false);
            if (second is not null)
            {
                return ExchangeRate.Chain(first, second);
            }
        }

        return null;
    }

    public override async ValueTask<IReadOnlyCollection<Currency>> GetCurrenciesAsync(CancellationToken cancellationToken = default)
    {
        var all = new HashSet<Currency>();
        foreach (var provider in _providers)
        {
            all.UnionWith(await provider.GetCurrenciesAsync(cancellationToken).ConfigureAwait(false));
        }

        return all.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
    }

    private async ValueTask<ExchangeRate?> FindDirectAsync(Currency from, Currency to, CancellationToken cancellationToken)
    {
        foreach (var provider in _providers)
        {
            if (await provider.FindRateAsync(from, to, cancellationToken).ConfigureAwait(false) is { } rate)
            {
                return rate;
            }
        }

        return null;
    }

    private async ValueTask<IEnumerable<Currency>> BridgesAsync(Currency from, Currency to, CancellationToken cancellationToken)
    {
        var known = await GetCurrenciesAsync(cancellationToken).ConfigureAwait(false);
        return PreferredBridges.Concat(known).Distinct().Where(c => c != from && c != to);
    }
}

using System.Collections.Concurrent;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator;

/// <summary>
/// The stage every listing passes before the filters: its required values are checked, the provider's name is stamped
/// on it, and its budget is converted to the search's currency (with the configured rates, then the rates the sites
/// published). One per search, shared by its providers.
/// </summary>
internal sealed class ListingPreparer
{
    private readonly Currency _target;
    private readonly ExchangeRateProvider _rates;
    private readonly SiteExchangeRates _siteRates = new();
    private readonly ConcurrentDictionary<Currency, ExchangeRate> _rateCache = new();
    private readonly ConcurrentDictionary<Currency, byte> _missingRateWarned = new();

    public ListingPreparer(Currency target, ExchangeRateProvider rates)
    {
        _target = target;
        _rates = rates;
    }

    /// <summary>Takes the rates a page published; returns those that were new, for the log.</summary>
    public IEnumerable<ExchangeRate> AddSiteRates(IReadOnlyList<ExchangeRate> rates)
    {
        for (var i = 0; i < rates.Count; i++)
        {
            if (rates[i] is { } rate && _siteRates.Add(rate))
            {
                yield return rate;
            }
        }
    }

    /// <summary>Checks the listing's required values, stamps the provider, and converts its budget; <see langword="null"/> drops it (with a warning).</summary>
    public async ValueTask<Gig?> PrepareAsync(GigProvider provider, string[] siteHosts, Gig? gig, ProviderWarnings warnings, CancellationToken cancellationToken)
    {
        if (gig is null)
        {
            warnings.Add(new GigWarning(GigWarningKind.ListingSkipped, $"{provider.Name}: the provider returned a null listing; it was skipped."));
            return null;
        }

        var problem = string.IsNullOrWhiteSpace(gig.Id) ? "it has no id"
            : string.IsNullOrWhiteSpace(gig.Title) ? "it has no title"
            : gig.Url is null || !gig.Url.IsAbsoluteUri || (gig.Url.Scheme != Uri.UriSchemeHttps && gig.Url.Scheme != Uri.UriSchemeHttp) ? $"its URL '{gig.Url?.OriginalString}' is not an absolute http(s) address"
            : siteHosts.Length > 0 && !GigUrls.IsOnHost(gig.Url, siteHosts) ? $"its URL '{gig.Url.AbsoluteUri}' is not on {string.Join(" or ", siteHosts)}"
            : null;
        if (problem is not null)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, gig.Id, problem.Contains("URL", StringComparison.Ordinal) ? "url" : null, $"{provider.Name}: listing '{gig.Id}' was skipped because {problem}."));
            return null;
        }

        if (gig.Provider != provider.Name)
        {
            gig = gig with { Provider = provider.Name };
        }

        if (gig.Budget is not { } budget)
        {
            return gig.ConvertedBudget is null ? gig : gig with { ConvertedBudget = null };
        }

        if (budget.Currency == _target)
        {
            return gig with { ConvertedBudget = ConvertedBudget.From(budget, _target, null) };
        }

        ExchangeRate? rate;
        try
        {
            rate = await FindRateAsync(budget.Currency, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failing rate source costs the conversion, not the provider's listings.
            if (_missingRateWarned.TryAdd(budget.Currency, 0))
            {
                warnings.Add(GigWarning.ForListing(GigWarningKind.ExchangeRateMissing, gig.Id, "budget", $"{provider.Name}: the exchange rate source failed for {budget.Currency} to {_target} ({ex.Message}); those budgets were not converted."));
            }

            return gig with { ConvertedBudget = null };
        }

        if (rate is null)
        {
            if (_missingRateWarned.TryAdd(budget.Currency, 0))
            {
                warnings.Add(GigWarning.ForListing(GigWarningKind.ExchangeRateMissing, gig.Id, "budget", $"{provider.Name}: no exchange rate from {budget.Currency} to {_target} is known ({_rates.Name}), so budgets in {budget.Currency} were not converted and cannot pass a budget filter in {_target}."));
            }

            return gig with { ConvertedBudget = null };
        }

        return gig with { ConvertedBudget = ConvertedBudget.From(budget, _target, rate) };
    }

    private async ValueTask<ExchangeRate?> FindRateAsync(Currency from, CancellationToken cancellationToken)
    {
        if (_rateCache.TryGetValue(from, out var cached))
        {
            return cached;
        }

        var rate = await _rates.FindRateAsync(from, _target, cancellationToken).ConfigureAwait(false);
        if (rate is null && !_siteRates.IsEmpty)
        {
            rate = await ExchangeRateProvider.Combine(_rates, _siteRates).FindRateAsync(from, _target, cancellationToken).ConfigureAwait(false);
        }

        if (rate is not null)
        {
            _rateCache[from] = rate;
        }

        return rate;
    }
}

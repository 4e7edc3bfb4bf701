using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator;

/// <summary>
/// The first stage of a search: which providers are asked and which are skipped (and why), the currency budgets are
/// converted to, and the query's filters with its budget bounds in that currency.
/// </summary>
internal sealed class SearchPlan
{
    private SearchPlan(IReadOnlyList<GigProvider> asked, IReadOnlyList<(GigProvider Provider, string Reason)> skipped, GigQuery query, Currency target, GigMatcher matcher)
    {
        Asked = asked;
        Skipped = skipped;
        Query = query;
        Target = target;
        Matcher = matcher;
    }

    /// <summary>Gets the providers this search asks.</summary>
    public IReadOnlyList<GigProvider> Asked { get; }

    /// <summary>Gets the providers left out, each with the reason in words.</summary>
    public IReadOnlyList<(GigProvider Provider, string Reason)> Skipped { get; }

    /// <summary>Gets the query, its <see cref="GigQuery.TargetCurrency"/> resolved.</summary>
    public GigQuery Query { get; }

    /// <summary>Gets the currency budgets are converted to.</summary>
    public Currency Target { get; }

    /// <summary>Gets the query's filters, with its budget bounds in <see cref="Target"/>.</summary>
    public GigMatcher Matcher { get; }

    public static async Task<SearchPlan> CreateAsync(
        IReadOnlyList<GigProvider> providers,
        GigQuery query,
        Currency? configuredCurrency,
        ExchangeRateProvider rates,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var selected = providers;
        if (query.Providers is { Count: > 0 } names)
        {
            var unknown = names.Where(n => !providers.Any(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                var known = providers.Count == 0 ? "none are registered" : "registered: " + string.Join(", ", providers.Select(p => p.Name));
                throw new ArgumentException($"The query names unknown provider(s) {string.Join(", ", unknown.Select(u => "'" + u + "'"))}; {known}.", nameof(query));
            }

            selected = providers.Where(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        }

        var asked = new List<GigProvider>();
        var skipped = new List<(GigProvider, string)>();
        foreach (var provider in selected)
        {
            if (SkipReason(provider, query) is { } reason)
            {
                skipped.Add((provider, reason));
            }
            else
            {
                asked.Add(provider);
            }
        }

        var target = query.TargetCurrency ?? configuredCurrency ?? SharedDisplayCurrency(asked) ?? Currency.USD;
        var resolved = query.TargetCurrency is null ? query with { TargetCurrency = target } : query;
        var minInTarget = query.MinBudget is { } min ? await rates.ConvertAsync(min, target, cancellationToken).ConfigureAwait(false) : (Money?)null;
        var maxInTarget = query.MaxBudget is { } max ? await rates.ConvertAsync(max, target, cancellationToken).ConfigureAwait(false) : (Money?)null;
        var matcher = new GigMatcher(resolved, minInTarget, maxInTarget, time.GetUtcNow());
        return new SearchPlan(asked, skipped, resolved, target, matcher);
    }

    // The currency every asked provider's site displays, if they agree on one.
    private static Currency? SharedDisplayCurrency(List<GigProvider> providers)
    {
        var shown = providers.Select(p => p.Capabilities.DisplayCurrency).Distinct().ToList();
        return shown is [{ } only] ? only : null;
    }

    private static string? SkipReason(GigProvider provider, GigQuery query)
    {
        if (provider.UnavailableReason is { Length: > 0 } unavailable)
        {
            return unavailable;
        }

        var capabilities = provider.Capabilities;
        if (query.Kind is { } kind && !capabilities.Kinds.Contains(kind))
        {
            var has = string.Join(" and ", capabilities.Kinds.Select(k => k == GigKind.Job ? "jobs" : "services"));
            return $"{provider.Name} lists only {has}, and the query asks for {(kind == GigKind.Job ? "jobs" : "services")}.";
        }

        if (capabilities.RequiresAnyOf != GigFilters.None && (query.Filters & capabilities.RequiresAnyOf) == GigFilters.None)
        {
            return $"{provider.Name} cannot search without {Describe(capabilities.RequiresAnyOf).Replace(", ", " or ", StringComparison.Ordinal)}; add some to include {provider.Name}.";
        }

        var missing = query.Filters & ~capabilities.FilterableFields;
        if (missing != GigFilters.None)
        {
            return $"{provider.Name} listings never carry what the filter(s) {Describe(missing)} need, so none could pass; remove the filter to include {provider.Name}.";
        }

        return null;
    }

    internal static string Describe(GigFilters filters) => string.Join(
        ", ",
        Enum.GetValues<GigFilters>()
            .Where(f => f is not GigFilters.None and not GigFilters.All && filters.HasFlag(f))
            .Select(f => f switch
            {
                GigFilters.ClientCountry => "client country",
                GigFilters.PaymentVerified => "payment verified",
                GigFilters.MinRating => "minimum rating",
                GigFilters.MaxProposals => "maximum proposals",
                GigFilters.PostedWithin => "posted within",
                GigFilters.BudgetType => "budget type",
                GigFilters.ExcludedWords => "excluded words",
                _ => f.ToString().ToLowerInvariant(),
            }));
}

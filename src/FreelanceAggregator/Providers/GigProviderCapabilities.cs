namespace FreelanceAggregator.Providers;

/// <summary>What a provider's site can do, so the aggregator can push work down, and say plainly when a query cannot be met.</summary>
public sealed record GigProviderCapabilities
{
    /// <summary>Gets capabilities for a job site whose listings may carry any value and that applies only keywords itself.</summary>
    public static GigProviderCapabilities Default { get; } = new();

    /// <summary>Gets the kinds of listing the site has.</summary>
    /// <value>The default value is jobs only.</value>
    public IReadOnlyList<GigKind> Kinds { get; init; } = [GigKind.Job];

    /// <summary>Gets the filters the site applies itself (pushed down into its request). The aggregator applies all filters again either way.</summary>
    /// <value>The default value is <see cref="GigFilters.Keywords"/>.</value>
    public GigFilters ServerSideFilters { get; init; } = GigFilters.Keywords;

    /// <summary>
    /// Gets the filters whose values the site's listings can carry. A query that uses a filter outside this set can never
    /// be met by the site, so the aggregator skips the provider and says why instead of returning zero listings in silence.
    /// </summary>
    /// <value>The default value is <see cref="GigFilters.All"/>.</value>
    public GigFilters FilterableFields { get; init; } = GigFilters.All;

    /// <summary>
    /// Gets the marketplace the provider reads, for de-duplication: providers that show one marketplace through different
    /// sites (Freelancer.com and Freelancer.co.id) share it, and a listing both return is kept once. <see langword="null"/> means the provider's name.
    /// </summary>
    public string? Marketplace { get; init; }

    /// <summary>
    /// Gets the hosts a listing's <see cref="Gig.Url"/> may be on (a host also allows its subdomains, e.g. <c>fiverr.com</c>
    /// allows <c>www.fiverr.com</c>). The aggregator drops a listing whose URL is elsewhere. Empty allows any http(s) host.
    /// </summary>
    public IReadOnlyList<string> SiteHosts { get; init; } = [];

    /// <summary>
    /// Gets the filters of which a query must use at least one for the site to search at all (Fiverr's search needs
    /// words: <see cref="GigFilters.Keywords"/> or <see cref="GigFilters.Skills"/>). A query with none of them skips the
    /// provider, with the reason, instead of failing it.
    /// </summary>
    /// <value>The default value is <see cref="GigFilters.None"/>: the site can list without any filter.</value>
    public GigFilters RequiresAnyOf { get; init; }

    /// <summary>
    /// Gets the currency the site shows prices in to its users (IDR for Freelancer.co.id and the Indonesian sites), or
    /// <see langword="null"/> when it shows each listing's own. When neither the query nor
    /// <see cref="GigAggregatorOptions.Currency"/> names a target currency, and every provider asked shows the same one,
    /// budgets are converted to it; otherwise to USD.
    /// </summary>
    public Currency? DisplayCurrency { get; init; }
}

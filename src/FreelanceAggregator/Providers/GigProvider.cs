namespace FreelanceAggregator.Providers;

/// <summary>
/// The extension point: one marketplace. A provider turns a <see cref="GigQuery"/> into the site's own request,
/// pushes down what the site can apply, pages until it has <see cref="GigQuery.Limit"/> listings or the site has no
/// more, and streams them as <see cref="Gig"/>s. A page it cannot read is a <see cref="GigProviderException"/> that
/// names the site, the URL and what was wrong; a blocked site or a login wall is never zero results.
/// </summary>
/// <remarks>
/// <para>
/// The aggregator applies every filter again after conversion, catches the provider's failures, enforces its
/// timeout and limit, and de-duplicates; a provider only has to be faithful to its site.
/// </para>
/// <para>Implementations must be thread-safe: one instance serves concurrent searches.</para>
/// </remarks>
public abstract class GigProvider
{
    /// <summary>Initializes a new instance of the <see cref="GigProvider"/> class.</summary>
    protected GigProvider()
    {
    }

    /// <summary>Gets the provider's name, unique within an aggregator: lower case, e.g. <c>fiverr</c> or <c>freelancer.co.id</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets what the site can do: the kinds of listing it has, the filters it applies and the values its listings carry.</summary>
    public virtual GigProviderCapabilities Capabilities => GigProviderCapabilities.Default;

    /// <summary>
    /// Gets how long one search of this provider may take, or <see langword="null"/> for the aggregator's
    /// <see cref="GigAggregatorOptions.ProviderTimeout"/>. Providers built on <see cref="GigProviderOptions"/> return its <see cref="GigProviderOptions.SearchTimeout"/>.
    /// </summary>
    public virtual TimeSpan? SearchTimeout => null;

    /// <summary>Searches the site.</summary>
    /// <param name="query">The query. Its <see cref="GigQuery.TargetCurrency"/> is already resolved when the aggregator calls.</param>
    /// <param name="cancellationToken">A token that stops the search.</param>
    /// <returns>The listings, page by page, in the site's order.</returns>
    /// <exception cref="GigProviderException">The site could not be searched, or answered with something unreadable.</exception>
    public abstract IAsyncEnumerable<Gig> SearchAsync(GigQuery query, CancellationToken cancellationToken = default);

    /// <summary>Returns the provider's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>
    /// Records a warning in the running search's <see cref="ProviderOutcome.Warnings"/>: something the user should know
    /// that did not stop the search (a listing skipped because it lacked a title, paging refused by the site).
    /// Outside an aggregator search the warning is dropped.
    /// </summary>
    /// <param name="message">The warning, naming what and where.</param>
    protected void ReportWarning(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        GigSearchContext.Current?.AddWarning(this, message);
    }

    /// <summary>
    /// Offers an exchange rate the site itself published (e.g. the USD value of a project's currency). The aggregator
    /// uses it only for a currency its configured rate source does not know, and names it as the rate's source.
    /// </summary>
    /// <param name="rate">The rate.</param>
    protected void ReportExchangeRate(ExchangeRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        GigSearchContext.Current?.AddSiteRate(this, rate);
    }
}

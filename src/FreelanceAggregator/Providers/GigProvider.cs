using System.Runtime.CompilerServices;

namespace FreelanceAggregator.Providers;

/// <summary>
/// The extension point: one marketplace. A provider is a request builder and a parser: it turns a
/// <see cref="GigPageRequest"/> (a query, and where in the site's answer to read) into one request to the site, and
/// the answer into a <see cref="GigPage"/>. A page it cannot read is a <see cref="GigProviderException"/> that names the
/// site, the URL and what was wrong; a blocked site or a login wall is never zero listings.
/// </summary>
/// <remarks>
/// <para>
/// Everything around one page belongs to the caller: <see cref="GigAggregator"/> pages (pausing
/// <see cref="PageDelay"/> between pages, at most <see cref="MaxPages"/>), converts budgets, applies every filter of the
/// query, counts the limit after filtering, de-duplicates, and enforces the timeout. <see cref="GetPagesAsync"/> and
/// <see cref="SearchAsync"/> page the same way for a provider used alone.
/// </para>
/// <para>Implementations must be thread-safe: one instance serves concurrent searches.</para>
/// </remarks>
public abstract class GigProvider
{
    /// <summary>The most pages read for one query when the provider does not say otherwise.</summary>
    public const int DefaultMaxPages = 20;

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

    /// <summary>
    /// Gets why the provider cannot search at all right now (a credential it needs is not set), in words that say how to
    /// fix it; or <see langword="null"/> when it can. The aggregator reports such a provider as
    /// <see cref="ProviderStatus.Skipped"/> with this reason and sends it no request.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public virtual string? UnavailableReason => null;

    /// <summary>Gets the most pages read for one query, whatever its limit asks.</summary>
    /// <value>The default value is <see cref="DefaultMaxPages"/>; providers built on <see cref="GigProviderOptions"/> return its <see cref="GigProviderOptions.MaxPages"/>.</value>
    public virtual int MaxPages => DefaultMaxPages;

    /// <summary>Gets the pause between two pages of one query, to be polite to the site.</summary>
    /// <value>The default value is zero; providers built on <see cref="GigProviderOptions"/> return its <see cref="GigProviderOptions.PageDelay"/>.</value>
    public virtual TimeSpan PageDelay => TimeSpan.Zero;

    /// <summary>Gets the clock: <see cref="PageDelay"/> is waited on it, and "posted 3 hours ago" is read against it.</summary>
    /// <value>The default value is <see cref="System.TimeProvider.System"/>; providers built on <see cref="HttpGigProvider{TOptions}"/> use the one they were given.</value>
    protected virtual TimeProvider TimeProvider => System.TimeProvider.System;

    /// <summary>Fetches one page: sends one request to the site and reads its answer.</summary>
    /// <param name="request">The query, and which page of the site's answer to read.</param>
    /// <param name="cancellationToken">A token that stops the request.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">The site could not be asked, refused, or answered with something unreadable.</exception>
    public abstract ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the site's answer to a query page by page, from its first page (or from <paramref name="cursor"/>): waits
    /// <see cref="PageDelay"/> between pages and stops after the site's last page or after <see cref="MaxPages"/>
    /// pages, whichever comes first. Stop reading to stop paging.
    /// </summary>
    /// <param name="query">The query. Set its <see cref="GigQuery.TargetCurrency"/> if the site should know it.</param>
    /// <param name="cursor">A <see cref="GigPage.NextCursor"/> to resume from, or <see langword="null"/> for the first page.</param>
    /// <param name="pageSize">How many listings to ask for per page (see <see cref="GigPageRequest.PageSize"/>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that stops the paging.</param>
    /// <returns>The pages, in order. When the last page returned still has a <see cref="GigPage.NextCursor"/>, <see cref="MaxPages"/> stopped the paging.</returns>
    /// <exception cref="GigProviderException">A page could not be read.</exception>
    public async IAsyncEnumerable<GigPage> GetPagesAsync(GigQuery query, string? cursor = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (pageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page size must be positive.");
        }

        var maxPages = Math.Max(1, MaxPages);
        for (var index = 0; index < maxPages; index++)
        {
            if (index > 0 && PageDelay > TimeSpan.Zero)
            {
                await Task.Delay(PageDelay, TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            var page = await FetchPageAsync(new GigPageRequest(query) { PageIndex = index, Cursor = cursor, PageSize = pageSize }, cancellationToken).ConfigureAwait(false)
                ?? throw new GigProviderException(Name, $"the provider returned no page for {(cursor is null ? "the first page" : "cursor " + cursor)}");
            yield return page;

            // A cursor that does not move would read the same page again until MaxPages.
            if (page.NextCursor is null || page.NextCursor == cursor)
            {
                yield break;
            }

            cursor = page.NextCursor;
        }
    }

    /// <summary>
    /// Searches the site alone, without an aggregator: pages as <see cref="GetPagesAsync"/> does and returns the
    /// listings in the site's order, each once, until <see cref="GigQuery.Limit"/> of them. It applies only what the
    /// site applied: <see cref="GigAggregator"/> applies every filter of the query, converts budgets and reports warnings.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">A token that stops the search.</param>
    /// <returns>The listings.</returns>
    /// <exception cref="GigProviderException">A page could not be read.</exception>
    public async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in GetPagesAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            foreach (var gig in page.Listings)
            {
                if (gig is null || !seen.Add(gig.Id))
                {
                    continue;
                }

                yield return gig;
                if (seen.Count >= query.Limit)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Returns the provider's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

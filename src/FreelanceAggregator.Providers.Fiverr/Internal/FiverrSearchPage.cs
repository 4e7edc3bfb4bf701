namespace FreelanceAggregator.Providers.Fiverr.Internal;

/// <summary>One search page, read: its gigs in the page's order (each gig once), what could not be read, and the paging facts.</summary>
/// <param name="Gigs">The gigs, each once; a gig listed both as an ad and organically is kept as organic.</param>
/// <param name="Warnings">What the user should know: gigs skipped (<see cref="GigWarningKind.ListingSkipped"/>, naming the gig and the value it lacks), prices left out for want of a currency (<see cref="GigWarningKind.ValueUnreadable"/>).</param>
/// <param name="EntryCount">How many entries the page's gig list held, duplicates and unreadable ones included.</param>
/// <param name="Total">How many results Fiverr says the search has (<c>appData.pagination.total</c>), if it says.</param>
/// <param name="PageSize">How many entries a page holds (<c>appData.pagination.page_size</c>), if it says.</param>
/// <param name="HasMore">Whether Fiverr says more pages follow (<c>rawListingData.has_more</c>), if it says.</param>
internal sealed record FiverrSearchPage(
    IReadOnlyList<Gig> Gigs,
    IReadOnlyList<GigWarning> Warnings,
    int EntryCount,
    long? Total,
    int? PageSize,
    bool? HasMore)
{
    /// <summary>Fiverr's page size (<c>listingAttributes.pageSize</c> in real pages), for a page that does not say.</summary>
    public const int DefaultPageSize = 48;

    /// <summary>
    /// Tells whether Fiverr has a page after this one, which is page <paramref name="page"/>: not after an empty page,
    /// nor when Fiverr says there is no more, nor when the pages read so far hold its total.
    /// </summary>
    /// <param name="page">This page's number, from 1.</param>
    /// <returns><see langword="true"/> when the next page is worth asking for.</returns>
    public bool HasPageAfter(int page) =>
        EntryCount > 0 && HasMore != false && !(Total is { } total && (long)page * (PageSize ?? DefaultPageSize) >= total);
}

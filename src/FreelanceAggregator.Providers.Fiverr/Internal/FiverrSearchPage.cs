namespace FreelanceAggregator.Providers.Fiverr.Internal;

/// <summary>One search page, read: its gigs in the page's order (each gig once), what could not be read, and the paging facts.</summary>
/// <param name="Gigs">The gigs, each once; a gig listed both as an ad and organically is kept as organic.</param>
/// <param name="Warnings">What the user should know: gigs skipped (and why), prices left out for want of a currency.</param>
/// <param name="EntryCount">How many entries the page's gig list held, duplicates and unreadable ones included.</param>
/// <param name="Total">How many results Fiverr says the search has (<c>appData.pagination.total</c>), if it says.</param>
/// <param name="PageSize">How many entries a page holds (<c>appData.pagination.page_size</c>), if it says.</param>
/// <param name="HasMore">Whether Fiverr says more pages follow (<c>rawListingData.has_more</c>), if it says.</param>
internal sealed record FiverrSearchPage(
    IReadOnlyList<Gig> Gigs,
    IReadOnlyList<string> Warnings,
    int EntryCount,
    long? Total,
    int? PageSize,
    bool? HasMore);

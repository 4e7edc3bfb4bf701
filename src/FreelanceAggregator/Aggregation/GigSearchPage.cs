using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator;

/// <summary>
/// One page of one provider's answer, as <see cref="GigAggregator.ReadPagesAsync"/> reads it: its listings checked,
/// stamped with the provider's name and converted to the query's currency, but not filtered, so that the caller (a
/// watch that pages back until it meets a listing it has recorded) decides what to keep and when to stop.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record GigSearchPage
{
    /// <summary>Gets the provider's name.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the marketplace the provider reads (<see cref="Providers.GigProviderCapabilities.Marketplace"/>, or the provider's name): a listing's identity is its marketplace and site id.</summary>
    public required string Marketplace { get; init; }

    /// <summary>Gets the page's zero-based position among the pages read.</summary>
    public int PageIndex { get; init; }

    /// <summary>Gets the page's listings that could be used, in the site's order, their budgets converted to the query's currency where a rate is known.</summary>
    public required IReadOnlyList<Gig> Listings { get; init; }

    /// <summary>Gets where the next page is (pass it to <see cref="GigAggregator.ReadPagesAsync"/> to resume), or <see langword="null"/> on the site's last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>Gets how many listings the site says match in all, when it says so.</summary>
    public long? TotalCount { get; init; }

    /// <summary>Gets what the user should know about the page: listings left out, values unread, budgets without a rate.</summary>
    public IReadOnlyList<GigWarning> Warnings { get; init; } = [];

    /// <summary>Gets the address that answered, when the provider says.</summary>
    public Uri? RequestUri { get; init; }

    /// <summary>Describes the page, e.g. <c>fiverr page 2: 48 listings, more</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Provider} page {PageIndex + 1}: {Listings.Count} listings, {(NextCursor is null ? "last page" : "more")}");
}

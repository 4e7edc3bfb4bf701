using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Providers;

/// <summary>
/// One page of a site's answer, as a provider read it: its listings in the site's order, what the user should know about
/// it, the exchange rates the site published on it, and where the next page is. Nothing else travels from a provider
/// to the aggregator.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record GigPage
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="listings">The listings the page held that could be read, in the site's order.</param>
    /// <param name="nextCursor">Where the next page is (<see cref="NextCursor"/>), or <see langword="null"/> when this is the last page.</param>
    /// <exception cref="ArgumentNullException"><paramref name="listings"/> is <see langword="null"/>.</exception>
    public GigPage(IReadOnlyList<Gig> listings, string? nextCursor)
    {
        ArgumentNullException.ThrowIfNull(listings);
        Listings = listings;
        NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
    }

    /// <summary>Gets an empty last page: the site has nothing (more) for the query.</summary>
    public static GigPage Empty { get; } = new([], null);

    /// <summary>Gets the listings the page held that could be read, in the site's order.</summary>
    public IReadOnlyList<Gig> Listings { get; init; }

    /// <summary>
    /// Gets what to pass as <see cref="GigPageRequest.Cursor"/> to read the next page (an offset, a page number, the
    /// site's own cursor, as the provider chooses), or <see langword="null"/> when this is the site's last page.
    /// </summary>
    public string? NextCursor { get; init; }

    /// <summary>Gets a value indicating whether this is the site's last page for the query.</summary>
    public bool IsLastPage => NextCursor is null;

    /// <summary>Gets how many listings the site says match the query in all, when it says so; otherwise <see langword="null"/>.</summary>
    public long? TotalCount { get; init; }

    /// <summary>Gets what the user should know about the page: listings left out, values that could not be read.</summary>
    public IReadOnlyList<GigWarning> Warnings { get; init; } = [];

    /// <summary>
    /// Gets exchange rates the site itself published on the page (e.g. the USD value of a project's currency). The
    /// aggregator uses them only for a currency its configured rate source does not know, and names them as the source.
    /// </summary>
    public IReadOnlyList<ExchangeRate> ExchangeRates { get; init; } = [];

    /// <summary>Gets the address that answered, for messages; <see langword="null"/> when the provider does not say.</summary>
    public Uri? RequestUri { get; init; }

    /// <summary>Describes the page, e.g. <c>24 listings, next 24 of 130</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Listings.Count} listings, {(NextCursor is null ? "last page" : "next " + NextCursor)}{(TotalCount is { } total ? $" of {total}" : string.Empty)}{(Warnings.Count > 0 ? $", {Warnings.Count} warnings" : string.Empty)}");
}

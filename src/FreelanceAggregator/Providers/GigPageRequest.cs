using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Providers;

/// <summary>
/// What a provider is asked for: one page of the site's answer to a query. The provider turns it into one request to
/// the site and parses the answer into a <see cref="GigPage"/>; everything around the page (paging, pauses, the limit,
/// filters, conversion) belongs to whoever asks.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record GigPageRequest
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="query">The query. The aggregator resolves its <see cref="GigQuery.TargetCurrency"/> before it asks.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public GigPageRequest(GigQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Query = query;
    }

    /// <summary>Gets the query.</summary>
    public GigQuery Query { get; init; }

    /// <summary>Gets the page's zero-based position among the pages read for this query (0 for the first page read).</summary>
    public int PageIndex { get; init; }

    /// <summary>
    /// Gets the <see cref="GigPage.NextCursor"/> the previous page gave, or <see langword="null"/> for the site's first page.
    /// A provider reads its position from this alone (an offset, a page number, the site's own cursor), so paging can
    /// resume from a cursor saved earlier.
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>
    /// Gets how many listings the caller would like on the page, or <see langword="null"/> for as many as the provider
    /// normally asks for. A provider whose site lets it choose asks for this many (within the site's maximum); one whose
    /// site does not ignores it. The aggregator sets it only when the site applies every filter of the query itself,
    /// since otherwise a full page is more likely to hold what passes.
    /// </summary>
    public int? PageSize { get; init; }

    /// <summary>Describes the request, e.g. <c>page 2 (cursor 40) of logo design</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"page {PageIndex + 1}{(Cursor is null ? string.Empty : $" (cursor {Cursor})")}{(PageSize is { } size ? $", {size} wanted" : string.Empty)} of {Query}");
}

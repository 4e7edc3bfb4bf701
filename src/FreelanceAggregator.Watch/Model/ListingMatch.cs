using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>A listing a check cycle found, and the watches it matched (none is fine: it is recorded as seen on its site).</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record ListingMatch
{
    /// <summary>Initializes a match.</summary>
    /// <param name="listing">The listing.</param>
    /// <param name="watchIds">The ids of the watches it matched, of any subscribers.</param>
    /// <param name="marketplace">The marketplace its provider reads (<see cref="Providers.GigProviderCapabilities.Marketplace"/>), or <see langword="null"/> for the listing's <see cref="Gig.Provider"/>.</param>
    public ListingMatch(Gig listing, IEnumerable<Guid> watchIds, string? marketplace = null)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(watchIds);
        Listing = listing;
        WatchIds = watchIds.Distinct().ToArray();
        Key = ListingKey.For(listing, marketplace);
    }

    /// <summary>Gets the listing.</summary>
    public Gig Listing { get; }

    /// <summary>Gets the ids of the watches it matched, without repeats.</summary>
    public IReadOnlyList<Guid> WatchIds { get; }

    /// <summary>Gets the listing's identity.</summary>
    public ListingKey Key { get; }

    /// <summary>Describes the match.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key} matched {WatchIds.Count} watch(es)");
}

using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>
/// A listing that is new to a subscriber. There is one alert per subscriber per listing, naming every watch of that
/// subscriber that the listing matched; it is recorded in the store's outbox before it is handed out, and handed out
/// again (after a crash, say) until it is acknowledged.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record GigAlert
{
    /// <summary>Gets the alert's identity: the same each time the alert is handed out, so a receiver can drop repeats.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the listing as it was when first seen.</summary>
    public required Gig Listing { get; init; }

    /// <summary>Gets who the alert is for (<see cref="GigWatch.Subscriber"/>).</summary>
    public required string Subscriber { get; init; }

    /// <summary>Gets every watch of the subscriber that the listing matched when it was first seen, in the order given.</summary>
    public required IReadOnlyList<WatchReference> Watches { get; init; }

    /// <summary>Gets when the subscriber's watches first found the listing (the check cycle's time).</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>Describes the alert, e.g. <c>alice: upwork:123 "Logo design" (logo, branding)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Subscriber}: {Listing.Provider}:{Listing.Id} \"{Listing.Title}\" ({string.Join(", ", Watches.Select(w => w.Name))})");
}

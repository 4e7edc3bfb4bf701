using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>What recording a <see cref="WatchCycle"/> decided, all of it already in the store.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record WatchCycleResult
{
    /// <summary>Gets the alerts for listings new to a subscriber, already in the outbox and held for the caller for <see cref="WatchCycle.AlertLease"/>.</summary>
    public required IReadOnlyList<GigAlert> Alerts { get; init; }

    /// <summary>Gets the recorded listings seen again with another title or budget.</summary>
    public required IReadOnlyList<ListingChange> Changes { get; init; }

    /// <summary>Gets the sites that are failing or silent after this cycle, of those the cycle checked.</summary>
    public required IReadOnlyList<WatchHealth> Health { get; init; }

    /// <summary>Gets how many listings of the cycle the store had never recorded.</summary>
    public required int NewListings { get; init; }

    /// <summary>Gets how many listings of the cycle the store had recorded before.</summary>
    public required int KnownListings { get; init; }

    /// <summary>Describes the result.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{NewListings} new, {KnownListings} known, {Alerts.Count} alert(s), {Changes.Count} change(s), {Health.Count} unhealthy site(s)");
}

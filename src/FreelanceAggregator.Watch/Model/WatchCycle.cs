using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>
/// What one check cycle found, to be recorded at once by <see cref="WatchStore.RecordCycleAsync"/>: the listings and the
/// watches each matched, the watches that were checked, and how each site did.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record WatchCycle
{
    private readonly IReadOnlyList<ListingMatch> _listings = [];
    private readonly IReadOnlyList<Guid> _checkedWatches = [];
    private readonly IReadOnlyList<SiteCheck> _sites = [];
    private readonly TimeSpan _alertLease = DefaultAlertLease;

    /// <summary>Gets how long new alerts stay with the cycle's caller when <see cref="AlertLease"/> is not given: five minutes.</summary>
    public static TimeSpan DefaultAlertLease { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets when the cycle checked the sites; it becomes the new listings' first-seen time and the watches' last check.</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>Gets the listings found, each with the watches it matched.</summary>
    public IReadOnlyList<ListingMatch> Listings { get => _listings; init => _listings = CopyItems(value, nameof(Listings)); }

    /// <summary>
    /// Gets the watches whose check completed, matches or not: each gets <see cref="GigWatch.LastChecked"/> and, on its first
    /// check, its baseline. A watch named in <see cref="Listings"/> counts as checked too.
    /// </summary>
    public IReadOnlyList<Guid> CheckedWatches { get => _checkedWatches; init => _checkedWatches = (value ?? throw new ArgumentNullException(nameof(CheckedWatches))).Distinct().ToArray(); }

    /// <summary>Gets how each site did; several checks of one site in a cycle count as one (failing if any failed).</summary>
    public IReadOnlyList<SiteCheck> Sites { get => _sites; init => _sites = CopyItems(value, nameof(Sites)); }

    /// <summary>
    /// Gets how long the cycle's new alerts are held for its caller to hand out before
    /// <see cref="WatchStore.ClaimPendingAlertsAsync"/> offers them again (when they are not acknowledged by then).
    /// </summary>
    /// <value>The default value is <see cref="DefaultAlertLease"/>; zero makes them claimable at once.</value>
    /// <exception cref="ArgumentOutOfRangeException">The span is negative.</exception>
    public TimeSpan AlertLease
    {
        get => _alertLease;
        init => _alertLease = value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(AlertLease), value, "AlertLease cannot be negative.") : value;
    }

    /// <summary>Describes the cycle.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cycle at {CheckedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}: {Listings.Count} listing(s), {CheckedWatches.Count} watch(es) checked, {Sites.Count} site(s)");

    private static T[] CopyItems<T>(IReadOnlyList<T> value, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        var copy = value.ToArray();
        return Array.IndexOf(copy, null) >= 0 ? throw new ArgumentException($"{name} contains a null item.", name) : copy;
    }
}

using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator;

/// <summary>
/// One listing from one marketplace, normalised: a buyer's job or a seller's service. Only
/// <see cref="Provider"/>, <see cref="Id"/>, <see cref="Title"/> and <see cref="Url"/> are always present;
/// every other value is missing (<see langword="null"/> or empty) when the site did not give it.
/// </summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed record Gig
{
    private static readonly IReadOnlyDictionary<string, object> NoExtra = ReadOnlyDictionary<string, object>.Empty;

    /// <summary>Gets the name of the provider that found the listing, e.g. <c>upwork</c> or <c>freelancer.co.id</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the site's own id of the listing.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the title as the site shows it.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the public page of the listing: absolute, http or https, on the site's host.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets whether this is a buyer's job or a seller's service.</summary>
    public GigKind Kind { get; init; } = GigKind.Job;

    /// <summary>Gets the description as plain text (never HTML), or <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the budget in the site's own currency, exactly as the site gave it, or <see langword="null"/>.</summary>
    public Budget? Budget { get; init; }

    /// <summary>
    /// Gets the budget in the search's target currency with the rate used, or <see langword="null"/> when there is no
    /// budget or no rate is known for its currency (a rate is never guessed). Set by <see cref="GigAggregator"/>.
    /// </summary>
    public ConvertedBudget? ConvertedBudget { get; init; }

    /// <summary>Gets the skills or tags the site lists, in its order.</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Gets the site's category, or <see langword="null"/>.</summary>
    public string? Category { get; init; }

    /// <summary>Gets when the listing was posted, or <see langword="null"/>.</summary>
    public DateTimeOffset? PostedAt { get; init; }

    /// <summary>Gets how many bids or applications the listing has so far, or <see langword="null"/>.</summary>
    public int? Proposals { get; init; }

    /// <summary>Gets the buyer, for jobs, or <see langword="null"/>.</summary>
    public GigClient? Client { get; init; }

    /// <summary>Gets the seller, for services, or <see langword="null"/>.</summary>
    public GigSeller? Seller { get; init; }

    /// <summary>
    /// Gets site-specific values that are not part of the model (e.g. <c>featured</c>, <c>deliveryDays</c>), keyed by a
    /// camel-case name. Values are strings, booleans, numbers (<see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>),
    /// <see cref="Money"/>, <see cref="DateTimeOffset"/> or <see cref="Uri"/>.
    /// </summary>
    public IReadOnlyDictionary<string, object> Extra { get; init; } = NoExtra;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private string DebuggerDisplay => string.Create(CultureInfo.InvariantCulture, $"{Provider}:{Id} \"{Title}\" {Budget}");
}

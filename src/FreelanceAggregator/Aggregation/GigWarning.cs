using System.Diagnostics;

namespace FreelanceAggregator;

/// <summary>
/// Something the user should know that did not stop a provider: a listing left out, a value that could not be read,
/// paging that stopped early, a budget that could not be converted. Providers return warnings with each
/// <see cref="Providers.GigPage"/>; the aggregator adds its own and reports them all in <see cref="ProviderOutcome.Warnings"/>.
/// </summary>
/// <param name="Kind">What the warning is about; test and act on this, not on the wording.</param>
/// <param name="Message">The warning in words, naming the site, the listing and what was wrong.</param>
[DebuggerDisplay("{Kind}: {Message,nq}")]
public sealed record GigWarning(GigWarningKind Kind, string Message)
{
    /// <summary>Gets the site's id of the listing the warning is about, or <see langword="null"/> when it is about no one listing.</summary>
    public string? ListingId { get; init; }

    /// <summary>Gets the value the warning is about (e.g. <c>budget</c>, <c>postedAt</c>), or <see langword="null"/>.</summary>
    public string? Field { get; init; }

    /// <summary>Creates a warning about one listing.</summary>
    /// <param name="kind">What the warning is about.</param>
    /// <param name="listingId">The site's id of the listing, or <see langword="null"/> when it has none.</param>
    /// <param name="field">The value concerned, or <see langword="null"/>.</param>
    /// <param name="message">The warning in words.</param>
    /// <returns>The warning.</returns>
    public static GigWarning ForListing(GigWarningKind kind, string? listingId, string? field, string message) =>
        new(kind, message) { ListingId = listingId, Field = field };

    /// <summary>Returns the warning's <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator;

/// <summary>The seller behind a service, as far as the site tells.</summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed record GigSeller
{
    /// <summary>Gets the seller's display name, or <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the seller's user name on the site, or <see langword="null"/>.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the site's seller level in words (e.g. "Top Rated", "Level 2", "New"), or <see langword="null"/>.</summary>
    public string? Level { get; init; }

    /// <summary>Gets the rating on a 0–5 scale, or <see langword="null"/>.</summary>
    public decimal? Rating { get; init; }

    /// <summary>Gets how many reviews the rating rests on, or <see langword="null"/>.</summary>
    public int? Reviews { get; init; }

    /// <summary>Gets the seller's country as an upper-case ISO 3166-1 alpha-2 code, or <see langword="null"/>.</summary>
    public string? Country { get; init; }

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private string DebuggerDisplay => string.Create(CultureInfo.InvariantCulture, $"{Name ?? Username ?? "seller"} {Level} rating {Rating} ({Reviews})");
}

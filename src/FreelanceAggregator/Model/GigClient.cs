using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator;

/// <summary>The buyer behind a job, as far as the site tells.</summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed record GigClient
{
    /// <summary>Gets the buyer's display or user name, or <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the buyer's country as an upper-case ISO 3166-1 alpha-2 code (see <see cref="CountryCodes"/>), or <see langword="null"/>.</summary>
    public string? Country { get; init; }

    /// <summary>Gets whether the site has verified the buyer's payment method, or <see langword="null"/> when it does not say.</summary>
    public bool? PaymentVerified { get; init; }

    /// <summary>Gets the buyer's rating on a 0–5 scale, or <see langword="null"/>.</summary>
    public decimal? Rating { get; init; }

    /// <summary>Gets how many reviews the rating rests on, or <see langword="null"/>.</summary>
    public int? Reviews { get; init; }

    /// <summary>Gets how much the buyer has spent on the site, or <see langword="null"/>.</summary>
    public Money? TotalSpent { get; init; }

    /// <summary>Gets how many freelancers the buyer has hired, or <see langword="null"/>.</summary>
    public int? Hires { get; init; }

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private string DebuggerDisplay => string.Create(CultureInfo.InvariantCulture, $"{Name ?? "client"} {Country} rating {Rating} ({Reviews})");
}

using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>How one site did in one check cycle, for <see cref="WatchHealth"/>.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record SiteCheck
{
    private SiteCheck(string provider, int listings, string? failure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentOutOfRangeException.ThrowIfNegative(listings);
        Provider = provider.Trim().ToLowerInvariant();
        Listings = listings;
        Failure = failure;
    }

    /// <summary>Gets the provider's name.</summary>
    public string Provider { get; }

    /// <summary>Gets how many listings the site returned (before the watches' filters).</summary>
    public int Listings { get; }

    /// <summary>Gets what went wrong, or <see langword="null"/> when the site answered. Never holds secrets: pass the provider outcome's message.</summary>
    public string? Failure { get; }

    /// <summary>Creates the record of a site that answered.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="listings">How many listings it returned; zero makes the site silent.</param>
    /// <returns>The check.</returns>
    public static SiteCheck Answered(string provider, int listings) => new(provider, listings, null);

    /// <summary>Creates the record of a site that failed.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="message">What went wrong, without secrets.</param>
    /// <returns>The check.</returns>
    public static SiteCheck Failed(string provider, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(provider, 0, message);
    }

    /// <summary>Describes the check.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Failure is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Provider}: {Listings} listing(s)")
        : $"{Provider}: failed: {Failure}";
}

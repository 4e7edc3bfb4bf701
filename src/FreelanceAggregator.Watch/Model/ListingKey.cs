using System.Diagnostics;

namespace FreelanceAggregator.Watch;

/// <summary>
/// Who a listing is, for "have we seen it?": its marketplace and the site's own id, or its canonical URL. A listing found
/// again under either is the same listing, so Freelancer.com and Freelancer.co.id (one marketplace, <c>freelancer</c>)
/// showing one project, or one project under two URLs, is one listing.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record ListingKey
{
    /// <summary>Initializes a key.</summary>
    /// <param name="marketplace">The marketplace (case-insensitive; kept in lower case).</param>
    /// <param name="siteId">The site's own id of the listing (compared exactly).</param>
    /// <param name="url">The listing's public page; only its canonical form is kept.</param>
    /// <exception cref="ArgumentException">A value is blank, or the URL is not absolute.</exception>
    public ListingKey(string marketplace, string siteId, Uri url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marketplace);
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("A listing's URL must be absolute.", nameof(url));
        }

        Marketplace = marketplace.Trim().ToLowerInvariant();
        SiteId = siteId;
        CanonicalUrl = Canonicalize(url);
    }

    /// <summary>Gets the marketplace, in lower case: the provider's <see cref="Providers.GigProviderCapabilities.Marketplace"/>, or its name.</summary>
    public string Marketplace { get; }

    /// <summary>Gets the site's own id of the listing.</summary>
    public string SiteId { get; }

    /// <summary>Gets the URL's canonical form: lower-case host without <c>www.</c>, then the path without a trailing slash; no scheme, port, query or fragment.</summary>
    public string CanonicalUrl { get; }

    /// <summary>Gets the key of a listing.</summary>
    /// <param name="listing">The listing.</param>
    /// <param name="marketplace">The marketplace its provider reads (<see cref="Providers.GigProviderCapabilities.Marketplace"/>), or <see langword="null"/> for the listing's <see cref="Gig.Provider"/>.</param>
    /// <returns>The key.</returns>
    public static ListingKey For(Gig listing, string? marketplace = null)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return new ListingKey(string.IsNullOrWhiteSpace(marketplace) ? listing.Provider : marketplace, listing.Id, listing.Url);
    }

    /// <summary>Gets the canonical form of a listing's URL (see <see cref="CanonicalUrl"/>).</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>The canonical form.</returns>
    /// <remarks>
    /// The same rule as the aggregator's de-duplication (the core's <c>GigUrls.Canonical</c>), written out here so the
    /// store's keys do not move when the core's provider kit does; a test pins the rule with examples.
    /// </remarks>
    public static string Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = (IdnHost(url) ?? url.Host).ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        return host + url.AbsolutePath.TrimEnd('/');
    }

    /// <summary>Describes the key, e.g. <c>freelancer:123 (freelancer.com/projects/php/site)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Marketplace}:{SiteId} ({CanonicalUrl})";

    // Uri accepts some hosts whose IDN form it then refuses to compute; the plain host is the next best key.
    private static string? IdnHost(Uri url)
    {
        try
        {
            return url.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}

namespace FreelanceAggregator.Providers;

/// <summary>Builds the public URL of a listing safely: absolute, http or https, and on the site's own host.</summary>
public static class GigUrls
{
    /// <summary>Resolves a link a site printed against the site's public address, and keeps it only if it is safe.</summary>
    /// <param name="href">The link: absolute, root-relative (<c>/projects/x</c>) or relative.</param>
    /// <param name="site">The site's public address, e.g. <c>https://www.fiverr.com/</c>.</param>
    /// <returns>The absolute URL, or <see langword="null"/> for an empty link, a <c>javascript:</c> or <c>data:</c> link, or a link off the site's host.</returns>
    public static Uri? TryCreate(string? href, Uri site)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        if (!Uri.TryCreate(site, trimmed, out var uri) || !IsHttp(uri))
        {
            return null;
        }

        return IsOnHost(uri, site.Host) ? uri : null;
    }

    /// <summary>Checks that a URL is http or https and on one of the hosts (a host also allows its subdomains; a leading <c>www.</c> is ignored).</summary>
    /// <param name="url">The URL.</param>
    /// <param name="hosts">The allowed hosts, e.g. <c>fiverr.com</c>.</param>
    /// <returns><see langword="true"/> when the URL is safe to show as the listing's page.</returns>
    public static bool IsOnHost(Uri url, params string[] hosts)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(hosts);
        if (!IsHttp(url))
        {
            return false;
        }

        if (IdnHost(url) is not { } host)
        {
            return false;
        }

        // Spans, not substrings: the aggregator checks every listing's address, so this must not allocate.
        foreach (var allowed in hosts)
        {
            var bare = allowed.AsSpan();
            if (bare.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                bare = bare[4..];
            }

            if (host.AsSpan().Equals(bare, StringComparison.OrdinalIgnoreCase)
                || (host.Length > bare.Length && host[^(bare.Length + 1)] == '.' && host.AsSpan().EndsWith(bare, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets a form of a URL for de-duplication: lower-case host without <c>www.</c>, no query, fragment or trailing slash.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The canonical form.</returns>
    public static string Canonical(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = (IdnHost(url) ?? url.Host).AsSpan();
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            host = host[4..];
        }

        // One string for the key, built in place: the aggregator makes one for every listing it de-duplicates.
        var path = url.AbsolutePath.AsSpan().TrimEnd('/');
        var length = host.Length + path.Length;
        var buffer = length <= 512 ? stackalloc char[length] : new char[length];
        host.ToLowerInvariant(buffer);
        path.CopyTo(buffer[host.Length..]);
        return new string(buffer);
    }

    // Uri accepts some hosts (e.g. with an unassigned code point such as U+0378) whose IDN form it then refuses to compute.
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

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

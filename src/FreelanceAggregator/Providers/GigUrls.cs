namespace FreelanceAggregator;

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

        foreach (var allowed in hosts)
        {
            var bare = allowed.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? allowed[4..] : allowed;
            if (host.Equals(bare, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + bare, StringComparison.OrdinalIgnoreCase))
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
        var host = (IdnHost(url) ?? url.Host).ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        return host + url.AbsolutePath.TrimEnd('/');
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

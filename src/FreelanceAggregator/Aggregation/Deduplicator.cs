using FreelanceAggregator.Providers;

namespace FreelanceAggregator;

/// <summary>
/// The stage that keeps each listing once across a search: by marketplace and site id (Freelancer.com and
/// Freelancer.co.id show one marketplace), and by canonical URL across marketplaces. The first to arrive is kept.
/// </summary>
internal sealed class Deduplicator
{
    // Pairs rather than joined strings: remembering a listing's id then costs no new string per listing.
    private readonly HashSet<(string Marketplace, string Id)> _ids = [];
    private readonly Dictionary<string, string> _urls = new(StringComparer.Ordinal);

    /// <summary>Returns whether the listing is new to this search, and remembers it.</summary>
    /// <param name="marketplace">The provider's marketplace, or <see langword="null"/> for the provider's own name.</param>
    /// <param name="gig">The listing.</param>
    public bool IsNew(string? marketplace, Gig gig)
    {
        marketplace ??= gig.Provider;
        if (!_ids.Add((marketplace, gig.Id)))
        {
            return false;
        }

        // Within one marketplace the site's id decides: its own listings may share a page address that differs only in
        // the query (Microworkers' jobs_details.php?Id=...), which the canonical URL leaves out. Across marketplaces the
        // URL is what two providers of one listing have in common.
        var url = GigUrls.Canonical(gig.Url);
        if (_urls.TryGetValue(url, out var first))
        {
            return first == marketplace;
        }

        _urls[url] = marketplace;
        return true;
    }
}

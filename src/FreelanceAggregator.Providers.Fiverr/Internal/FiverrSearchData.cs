using System.Globalization;
using System.Net;
using System.Text.Json;
using FreelanceAggregator.Providers.Html;

namespace FreelanceAggregator.Providers.Fiverr.Internal;

/// <summary>
/// Reads the search data object (the JSON of <c>&lt;script id="perseus-initial-props"&gt;</c>) into a
/// <see cref="FiverrSearchPage"/>: which gig list to read, the page's currency, the paging facts, each gig through
/// <see cref="FiverrGigReader"/>, and a warning for each gig or value that could not be read.
/// </summary>
internal static class FiverrSearchData
{
    /// <summary>Reads the search data.</summary>
    /// <param name="root">The data, a JSON object.</param>
    /// <param name="page">The rest of the page, for the currency meta tag a page without a <c>currency</c> object may carry.</param>
    /// <param name="requestUri">The page's address, for messages.</param>
    /// <param name="provider">The provider's name.</param>
    /// <param name="statusCode">The page's HTTP status, for failures.</param>
    /// <returns>The page's gigs, warnings and paging facts.</returns>
    /// <exception cref="GigProviderException">The data has no gig list, or none of its gigs can be read (<see cref="GigProviderFailure.InvalidResponse"/>).</exception>
    public static FiverrSearchPage Read(JsonElement root, HtmlPage page, Uri requestUri, string provider, HttpStatusCode? statusCode)
    {
        var total = JsonValues.GetInt64(root, "appData", "pagination", "total") ?? JsonValues.GetInt64(root, "rawListingData", "num_found");
        var pageSize = JsonValues.GetInt32(root, "appData", "pagination", "page_size") ?? JsonValues.GetInt32(root, "listingAttributes", "pageSize");
        var hasMore = JsonValues.GetBoolean(root, "rawListingData", "has_more");
        if (total < 0)
        {
            total = null;
        }

        if (pageSize <= 0)
        {
            pageSize = null;
        }

        // The full gig objects are in listings[0].gigs; items repeats them in older flows, and rawListingData.gigs is
        // a thin list (ids and packages, no titles or links) kept as the last resort.
        JsonElement list;
        string source;
        if (JsonValues.GetArray(root, "listings", 0, "gigs") is { } listings)
        {
            (list, source) = (listings, "listings[0].gigs");
        }
        else if (JsonValues.GetArray(root, "items") is { } items)
        {
            (list, source) = (items, "items");
        }
        else if (JsonValues.GetArray(root, "rawListingData", "gigs") is { } thin)
        {
            (list, source) = (thin, "rawListingData.gigs");
        }
        else if (total == 0)
        {
            return new FiverrSearchPage([], [], 0, total, pageSize, hasMore);
        }
        else
        {
            throw new GigProviderException(provider, "the search data has no gig list (listings[0].gigs is missing, and so are items and rawListingData.gigs)", requestUri, statusCode, GigProviderFailure.InvalidResponse);
        }

        var currencyCode = JsonValues.GetString(root, "currency", "name")
            ?? JsonValues.GetString(root, "listings", 0, "context", "currency", "name")
            ?? JsonValues.GetString(root, "requestContext", "currency", "name")
            ?? page.QuerySelector("meta[name='fiverrmeta:currency']")?.GetAttribute("content");
        Currency? currency = Currency.TryFromCode(currencyCode, out var c) ? c : null;
        var showPrefix = JsonValues.GetBoolean(root, "listings", 0, "hidePrefix") != true;

        var read = new List<(Gig Gig, bool Promoted)>();
        var warnings = new List<GigWarning>();
        var entryCount = 0;
        var skipped = 0;
        string? firstProblem = null;
        var pricesDropped = false;
        foreach (var item in list.EnumerateArray())
        {
            entryCount++;
            var gig = FiverrGigReader.Read(item, provider, currency, showPrefix, out var id, out var promoted, out var problem, out var field, ref pricesDropped);
            if (gig is null)
            {
                skipped++;
                firstProblem ??= problem;
                var position = JsonValues.GetInt32(item, "pos") ?? JsonValues.GetInt32(item, "position") ?? entryCount - 1;
                var which = id is null ? string.Empty : $" (gig {id})";
                warnings.Add(GigWarning.ForListing(
                    GigWarningKind.ListingSkipped,
                    id,
                    field,
                    string.Create(CultureInfo.InvariantCulture, $"{provider}: the gig at position {position}{which} in {source} on {requestUri} {problem}; it was skipped.")));
                continue;
            }

            read.Add((gig, promoted));
        }

        if (read.Count == 0 && skipped > 0)
        {
            throw new GigProviderException(provider, string.Create(CultureInfo.InvariantCulture, $"none of the {entryCount} gigs in {source} could be read (the first {firstProblem})"), requestUri, statusCode, GigProviderFailure.InvalidResponse);
        }

        if (pricesDropped)
        {
            warnings.Add(new GigWarning(
                GigWarningKind.ValueUnreadable,
                currencyCode is null
                    ? $"{provider}: the page {requestUri} names no currency (currency.name), so its gigs' prices were left out."
                    : $"{provider}: the page {requestUri} names a currency that is not an ISO 4217 code ('{currencyCode}'), so its gigs' prices were left out.")
            {
                Field = "budget",
            });
        }

        return new FiverrSearchPage(OncePerPage(read), warnings, entryCount, total, pageSize, hasMore);
    }

    // Fiverr shows some gigs twice on a page, once as an ad and once on their own merit: keep each once, as the
    // organic entry when there is one, so that leaving ads out never loses a gig that ranks without them.
    private static List<Gig> OncePerPage(List<(Gig Gig, bool Promoted)> read)
    {
        var organic = read.Where(r => !r.Promoted).Select(r => r.Gig.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var gigs = new List<Gig>(read.Count);
        foreach (var (gig, promoted) in read)
        {
            if ((promoted && organic.Contains(gig.Id)) || !seen.Add(gig.Id))
            {
                continue;
            }

            gigs.Add(gig);
        }

        return gigs;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using FreelanceAggregator.Providers.Fiverr.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Fiverr;

/// <summary>
/// Searches Fiverr's gigs: sellers' services ("I will build your website, from $100"). It reads the search page
/// <c>https://www.fiverr.com/search/gigs?query=…&amp;page=N</c> the way a browser would and takes the gigs from the JSON
/// the page embeds for its own scripts. Register it with <c>AddFiverr()</c>.
/// </summary>
/// <remarks>
/// <para>
/// Every gig is a <see cref="GigKind.Service"/> with a fixed "From" price (a minimum only) in the page's currency, the
/// seller's name, level, rating and country, and Fiverr's specifics in <see cref="Gig.Extra"/>: <c>promoted</c>,
/// <c>pro</c>, <c>deliveryDays</c>, <c>sellerRating</c>, <c>sellerReviews</c>, <c>sellerUrl</c>, and more.
/// </para>
/// <para>
/// Fiverr's bot protection (PerimeterX) is reported as a <see cref="GigProviderFailure.Blocked"/> failure, and a page
/// without the search data as <see cref="GigProviderFailure.InvalidResponse"/> (or
/// <see cref="GigProviderFailure.JavaScriptRequired"/> for an empty app shell): never as zero results.
/// </para>
/// </remarks>
public sealed partial class FiverrProvider : HttpGigProvider<FiverrOptions>
{
    /// <summary>The provider's name when none is given at registration.</summary>
    public const string DefaultName = "fiverr";

    // Fiverr's page size (listingAttributes.pageSize in real pages), used when a page does not say.
    private const int DefaultPageSize = 48;

    private static readonly GigProviderCapabilities FiverrCapabilities = new()
    {
        Kinds = [GigKind.Service],
        ServerSideFilters = GigFilters.Keywords,

        // A gig has no buyer (client country, payment verification), no posting date, and no proposal count.
        FilterableFields = GigFilters.Keywords | GigFilters.ExcludedWords | GigFilters.Kind | GigFilters.Budget | GigFilters.BudgetType
            | GigFilters.Skills | GigFilters.MinRating,
        Marketplace = "fiverr.com",
        SiteHosts = ["fiverr.com"],

        // Fiverr's search box needs words; the aggregator skips Fiverr (saying why) for a query without any.
        RequiresAnyOf = GigFilters.Keywords | GigFilters.Skills,
    };

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name; also the name of its options and its HTTP client.</param>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The provider's named options.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>.</param>
    public FiverrProvider(string name, IHttpClientFactory httpClientFactory, IOptionsMonitor<FiverrOptions> options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(name, httpClientFactory, options, timeProvider, loggerFactory)
    {
    }

    /// <inheritdoc/>
    public override GigProviderCapabilities Capabilities => FiverrCapabilities;

    /// <inheritdoc/>
    /// <exception cref="GigProviderException">
    /// The query has no keywords or skills to search for; Fiverr's bot protection answered
    /// (<see cref="GigProviderFailure.Blocked"/>); or a page could not be fetched or read.
    /// </exception>
    public override async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searchText = SearchText(query);
        var options = Options;
        var client = CreateHttpClient();

        // seen: gigs already returned (or listed organically); leftOut: promoted gigs the options leave out.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        var yielded = 0;
        for (var page = 1; page <= options.MaxPages && yielded < query.Limit; page++)
        {
            await PauseBeforePageAsync(page - 1, cancellationToken).ConfigureAwait(false);
            var result = await FetchPageAsync(client, options, SearchPath(searchText, query.Sort, page), cancellationToken).ConfigureAwait(false);
            foreach (var warning in result.Warnings)
            {
                ReportWarning(warning);
            }

            LogPage(Logger, Name, page, result.Gigs.Count, result.EntryCount, result.Total);
            var fresh = 0;
            foreach (var gig in result.Gigs)
            {
                if (seen.Contains(gig.Id) || leftOut.Contains(gig.Id))
                {
                    continue;
                }

                fresh++;
                if (!options.IncludePromotedGigs && IsPromoted(gig))
                {
                    leftOut.Add(gig.Id);
                    continue;
                }

                seen.Add(gig.Id);
                yield return gig;
                if (++yielded >= query.Limit)
                {
                    yield break;
                }
            }

            if (page > 1 && result.Gigs.Count > 0 && fresh == 0)
            {
                // Fiverr answered a later page with gigs already seen: it ignores the page number, and asking on would loop.
                ReportWarning(string.Create(CultureInfo.InvariantCulture, $"{Name}: page {page} repeated only gigs of earlier pages, so paging stopped there."));
                yield break;
            }

            if (result.EntryCount == 0 || result.HasMore == false
                || (result.Total is { } total && (long)page * (result.PageSize ?? DefaultPageSize) >= total))
            {
                yield break;
            }
        }
    }

    /// <summary>Builds the search page's path, relative to the base address.</summary>
    internal static string SearchPath(string searchText, GigSort sort, int page)
    {
        var path = "search/gigs?query=" + Uri.EscapeDataString(searchText);

        // Fiverr's own orders (topBarSorting ids); only those that serve the requested order are asked for.
        var sortBy = sort switch
        {
            GigSort.Newest => "new",
            GigSort.BudgetLowest => "price_asc",
            GigSort.BudgetHighest => "price_desc",
            _ => null,
        };
        if (sortBy is not null)
        {
            path += "&sort_by=" + sortBy;
        }

        return page > 1 ? path + "&page=" + page.ToString(CultureInfo.InvariantCulture) : path;
    }

    private static bool IsPromoted(Gig gig) => gig.Extra.TryGetValue("promoted", out var value) && value is true;

    private string SearchText(GigQuery query)
    {
        // Fiverr's search needs words; a query of skills only searches for the skills.
        var text = query.KeywordText;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = string.Join(' ', query.Skills);
        }

        return string.IsNullOrWhiteSpace(text)
            ? throw new GigProviderException(Name, "Fiverr's search needs at least one keyword (or skill) to search for, and the query has none")
            : text;
    }

    private async Task<FiverrSearchPage> FetchPageAsync(GigHttpClient client, FiverrOptions options, string path, CancellationToken cancellationToken)
    {
        var address = client.Resolve(path);
        var response = await client.SendAsync(() => CreateRequest(address, options), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // PerimeterX answers 403 with its challenge page; say that rather than "forbidden".
            if (FiverrSearchPageParser.LooksBlocked(response.Text, response.StatusCode))
            {
                throw FiverrSearchPageParser.Blocked(Name, response.RequestUri, response.StatusCode);
            }

            response.EnsureSuccess();
        }

        return FiverrSearchPageParser.Parse(response.Text, response.RequestUri, Name, response.StatusCode);
    }

    // A browser's page request: a request without these looks scripted, and PerimeterX challenges those first.
    private static HttpRequestMessage CreateRequest(Uri address, FiverrOptions options)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.TryAddWithoutValidation("Accept", FiverrOptions.BrowserAccept);
        request.Headers.TryAddWithoutValidation("Accept-Language", options.AcceptLanguage);
        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", FiverrOptions.DefaultUserAgent);
        }

        return request;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "{Provider}: page {Page} gave {Gigs} gigs from {Entries} entries; Fiverr counts {Total} results")]
    private static partial void LogPage(ILogger logger, string provider, int page, int gigs, int entries, long? total);
}

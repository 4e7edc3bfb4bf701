using System.Globalization;
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
/// <see cref="GigProviderFailure.JavaScriptRequired"/> for an empty app shell, <see cref="GigProviderFailure.LoginRequired"/>
/// for a login page): never as zero results.
/// </para>
/// <para>
/// The provider reads one page per <see cref="FetchPageAsync"/>; paging, the pause between pages, the limit and the
/// filters are the aggregator's (or <see cref="GigProvider.SearchAsync"/>'s, for the provider used alone).
/// </para>
/// </remarks>
public sealed partial class FiverrProvider : HttpGigProvider<FiverrOptions>
{
    /// <summary>The provider's name when none is given at registration.</summary>
    public const string DefaultName = "fiverr";

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
    /// <remarks>
    /// The cursor is Fiverr's page number (<c>2</c> for <c>&amp;page=2</c>); the first page has none. The next page is
    /// asked for until a page is empty, Fiverr says there is no more, or the pages read hold its total. Fiverr's page
    /// size is its own, so <see cref="GigPageRequest.PageSize"/> is not used.
    /// </remarks>
    /// <exception cref="ArgumentException">The request's cursor is not a page number.</exception>
    /// <exception cref="GigProviderException">
    /// The query has no keywords or skills to search for; Fiverr's bot protection answered
    /// (<see cref="GigProviderFailure.Blocked"/>); or the page could not be fetched or read.
    /// </exception>
    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pageNumber = PageNumber(request);
        var searchText = SearchText(request.Query);
        var options = Options;
        var client = CreateHttpClient();
        var address = client.Resolve(SearchPath(searchText, request.Query.Sort, pageNumber));
        var response = await client.SendAsync(() => CreateRequest(address, options), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // PerimeterX answers 403 with its challenge page; say that rather than "forbidden".
            if (FiverrSearchPageParser.LooksBlocked(response.Text, response.StatusCode))
            {
                throw FiverrSearchPageParser.Blocked(Name, response.Text, response.RequestUri, response.StatusCode);
            }

            response.EnsureSuccess();
        }

        var page = FiverrSearchPageParser.Parse(response.Text, response.RequestUri, Name, response.StatusCode);
        LogPage(Logger, Name, pageNumber, page.Gigs.Count, page.EntryCount, page.Total);

        // Ads are the provider's to leave out, page by page: the parser has already kept a gig that is listed both as
        // an ad and organically as its organic entry.
        var listings = options.IncludePromotedGigs ? page.Gigs : [.. page.Gigs.Where(gig => !IsPromoted(gig))];
        return new GigPage(listings, page.HasPageAfter(pageNumber) ? (pageNumber + 1).ToString(CultureInfo.InvariantCulture) : null)
        {
            TotalCount = page.Total,
            Warnings = page.Warnings,
            RequestUri = response.RequestUri,
        };
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

    // The page a cursor names: none is page 1; anything but a page number is a caller's error.
    private static int PageNumber(GigPageRequest request)
    {
        if (request.Cursor is not { } cursor)
        {
            return 1;
        }

        return int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? page
            : throw new ArgumentException($"'{cursor}' is not a Fiverr page cursor: it should be a page number from 1, as a page's NextCursor gives.", nameof(request));
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

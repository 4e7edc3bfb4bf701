using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Sribulancer;

/// <summary>
/// Reads the public job list of Sribulancer, which has been folded into Sribu (sribu.com): by default from Sribu's
/// public GraphQL API (<c>jobsListPublic</c>, what the Sribu web app reads), or from a rendered browse-jobs page with CSS
/// selectors (<see cref="SribulancerSource.BrowsePage"/>). Budgets are in rupiah as the site gives them; dates in
/// Jakarta time.
/// </summary>
/// <remarks>
/// An empty app shell, a redirect to another host (such as sribulancer.com sending visitors to sribu.com), a login
/// page or a bot wall is a <see cref="GigProviderException"/> that says what came back and at which address, never
/// zero results. One page is one request; the cursor is the site's page number. The API takes no keywords, so the
/// aggregator matches them on what it returns and reads on until its limit passes; the browse page is sent them
/// (<see cref="SribulancerPageOptions.KeywordParameter"/>).
/// </remarks>
public sealed class SribulancerProvider : HttpGigProvider<SribulancerOptions>
{
    /// <summary>The provider's default name.</summary>
    public const string DefaultName = "sribulancer";

    private const GigFilters Filterable = GigFilters.Keywords | GigFilters.ExcludedWords | GigFilters.Kind | GigFilters.Budget
        | GigFilters.BudgetType | GigFilters.PostedWithin | GigFilters.Skills | GigFilters.MaxProposals;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name (<see cref="DefaultName"/> unless registered under another).</param>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The provider's named options.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>.</param>
    public SribulancerProvider(string name, IHttpClientFactory httpClientFactory, IOptionsMonitor<SribulancerOptions> options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(name, httpClientFactory, options, timeProvider, loggerFactory)
    {
    }

    /// <inheritdoc/>
    public override GigProviderCapabilities Capabilities
    {
        get
        {
            var options = Options;
            var siteHost = options.SiteAddress?.Host is { } host && host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : options.SiteAddress?.Host;
            return new GigProviderCapabilities
            {
                Kinds = [GigKind.Job],
                ServerSideFilters = options.Source == SribulancerSource.BrowsePage && options.Page.KeywordParameter.Length > 0 ? GigFilters.Keywords : GigFilters.None,
                FilterableFields = Filterable,
                SiteHosts = new[] { siteHost, "sribu.com", "sribulancer.com" }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                DisplayCurrency = Currency.IDR,
            };
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The request's cursor is not a page number this provider gave.</exception>
    public override ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryReadPageNumber(request.Cursor, out var page))
        {
            throw new ArgumentException($"The cursor '{request.Cursor}' is not a page number (1, 2, ...), which is what this provider's cursors are.", nameof(request));
        }

        var options = Options;
        return options.Source == SribulancerSource.BrowsePage
            ? FetchBrowsePageAsync(request, page, options, cancellationToken)
            : FetchApiPageAsync(request, page, options, cancellationToken);
    }

    // The cursor is the site's own 1-based page number, for both sources; none is the first page.
    private static bool TryReadPageNumber(string? cursor, out int page)
    {
        page = 1;
        return cursor is null || (int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1);
    }

    // The API takes no keywords: it lists every open job, newest first, and the aggregator matches the keywords and
    // reads on until its limit passes.
    private async ValueTask<GigPage> FetchApiPageAsync(GigPageRequest request, int page, SribulancerOptions options, CancellationToken cancellationToken)
    {
        var client = CreateHttpClient();
        var perPage = Math.Min(request.PageSize ?? options.Api.PageSize, options.Api.PageSize);
        var body = RequestBody(options, page, perPage);
        var response = await SendAsync(
            client,
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, client.Resolve(options.Api.Path.TrimStart('/')))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                var site = options.SiteAddress!;
                message.Headers.TryAddWithoutValidation("Origin", site.GetLeftPart(UriPartial.Authority));
                message.Headers.Referrer = site;
                return message;
            },
            cancellationToken).ConfigureAwait(false);
        var now = TimeProvider.GetUtcNow();
        var result = response.TryGetUtf8Body(out var utf8)
            ? SribuApiParser.Parse(utf8, response.RequestUri, Name, options, now)
            : SribuApiParser.Parse(response.Text, response.RequestUri, Name, options, now);

        // A short page is the last; so is the page that reaches the count the list gives.
        var last = result.Received < perPage || (result.Total is { } total && (long)page * perPage >= total);
        return new GigPage(result.Gigs, last ? null : NextPage(page))
        {
            TotalCount = result.Total,
            Warnings = result.Warnings,
            RequestUri = response.RequestUri,
        };
    }

    // The page sizes itself, and sends the keywords on when KeywordParameter is set.
    private async ValueTask<GigPage> FetchBrowsePageAsync(GigPageRequest request, int page, SribulancerOptions options, CancellationToken cancellationToken)
    {
        var client = CreateHttpClient();
        var address = PageAddress(options.Page, request.Query, page);
        var response = await SendAsync(
            client,
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Get, client.Resolve(address));
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
                return message;
            },
            cancellationToken).ConfigureAwait(false);
        var result = SribulancerPageParser.Parse(response.Text, response.RequestUri, Name, options, TimeProvider.GetUtcNow());

        // A page whose cards could all not be read says nothing about the next one, so paging ends there as it ends
        // where the page links to no next page.
        var last = result.Gigs.Count == 0 || !result.HasNextPage;
        return new GigPage(result.Gigs, last ? null : NextPage(page))
        {
            Warnings = result.Warnings,
            RequestUri = response.RequestUri,
        };
    }

    private static string NextPage(int page) => (page + 1).ToString(CultureInfo.InvariantCulture);

    // Redirects off the host are refused by GigHttpClient; for this site the usual one is Sribulancer sending visitors
    // to Sribu, so the message says so and what to do.
    private async Task<GigHttpResponse> SendAsync(GigHttpClient client, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.SendAsync(request, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        }
        catch (GigProviderException ex) when (ex.Failure == GigProviderFailure.Redirected && ex.Provider == Name && ex.Problem.Contains("sribu.com", StringComparison.OrdinalIgnoreCase))
        {
            throw new GigProviderException(
                Name,
                ex.Problem + "; Sribulancer has been folded into Sribu, and its pages now send visitors there: read Sribu's job list with Source = SribuApi (the default), or point BaseAddress and SiteAddress at https://www.sribu.com/",
                ex.RequestUri,
                ex.StatusCode,
                GigProviderFailure.Redirected,
                innerException: ex);
        }
    }

    private string RequestBody(SribulancerOptions options, int page, int perPage)
    {
        var openAfter = TimeZoneInfo.ConvertTime(TimeProvider.GetUtcNow(), DateTextPattern.Jakarta).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var query = options.Api.Query
            .Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{perPage}", perPage.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{openAfter}", openAfter, StringComparison.Ordinal)
            .Replace("{language}", GraphQlString(options.Api.Language), StringComparison.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", query);
            writer.WriteNull("variables");
            writer.WriteNull("operationName");
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string GraphQlString(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string PageAddress(SribulancerPageOptions page, GigQuery query, int number)
    {
        var path = page.Path.TrimStart('/');
        var address = new StringBuilder(path).Append(path.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        if (page.KeywordParameter.Length > 0 && query.Keywords.Count > 0)
        {
            address.Append(Uri.EscapeDataString(page.KeywordParameter)).Append('=').Append(Uri.EscapeDataString(string.Join(' ', query.Keywords))).Append('&');
        }

        return address.Append(Uri.EscapeDataString(page.PageParameter)).Append('=').Append(number.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}

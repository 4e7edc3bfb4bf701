using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
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
/// zero results. The API takes no keywords, so keywords are matched on the titles and categories it returns.
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
    public override IAsyncEnumerable<Gig> SearchAsync(GigQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Options.Source == SribulancerSource.BrowsePage ? SearchPagesAsync(query, cancellationToken) : SearchApiAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<Gig> SearchApiAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = Options;
        var client = CreateHttpClient();
        var pageSize = options.Api.PageSize;
        var pages = PagesFor(query, pageSize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var yielded = 0;

        // The API takes no keywords; with them, the limit would otherwise count jobs the aggregator then filters out.
        // Fetch up to MaxPages and keep only jobs that mention every keyword, by the aggregator's own test.
        if (query.Keywords.Count > 0)
        {
            pages = options.MaxPages;
        }

        for (var page = 1; page <= pages && yielded < query.Limit; page++)
        {
            await PauseBeforePageAsync(page - 1, cancellationToken).ConfigureAwait(false);
            var body = RequestBody(options, page);
            var response = await SendAsync(
                client,
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, client.Resolve(options.Api.Path.TrimStart('/')))
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    var site = options.SiteAddress!;
                    request.Headers.TryAddWithoutValidation("Origin", site.GetLeftPart(UriPartial.Authority));
                    request.Headers.Referrer = site;
                    return request;
                },
                cancellationToken).ConfigureAwait(false);
            var result = response.TryGetUtf8Body(out var utf8)
                ? SribuApiParser.Parse(utf8, response.RequestUri, Name, options, TimeProvider.GetUtcNow())
                : SribuApiParser.Parse(response.Text, response.RequestUri, Name, options, TimeProvider.GetUtcNow());
            foreach (var warning in result.Warnings)
            {
                ReportWarning(warning);
            }

            foreach (var gig in result.Gigs)
            {
                if (yielded < query.Limit && query.MentionsKeywords(gig) && seen.Add(gig.Id))
                {
                    yielded++;
                    yield return gig;
                }
            }

            if (result.Received < pageSize || (result.Total is { } total && page * pageSize >= total))
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<Gig> SearchPagesAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = Options;
        var client = CreateHttpClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var yielded = 0;
        var pages = options.MaxPages;
        for (var page = 1; page <= pages && yielded < query.Limit; page++)
        {
            await PauseBeforePageAsync(page - 1, cancellationToken).ConfigureAwait(false);
            var address = PageAddress(options.Page, query, page);
            var response = await SendAsync(
                client,
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, client.Resolve(address));
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
                    return request;
                },
                cancellationToken).ConfigureAwait(false);
            var result = SribulancerPageParser.Parse(response.Text, response.RequestUri, Name, options, TimeProvider.GetUtcNow());
            foreach (var warning in result.Warnings)
            {
                ReportWarning(warning);
            }

            if (page == 1 && result.Gigs.Count > 0)
            {
                pages = PagesFor(query, result.Gigs.Count);
            }

            foreach (var gig in result.Gigs)
            {
                if (yielded < query.Limit && seen.Add(gig.Id))
                {
                    yielded++;
                    yield return gig;
                }
            }

            if (result.Gigs.Count == 0 || !result.HasNextPage)
            {
                yield break;
            }
        }
    }

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

    private string RequestBody(SribulancerOptions options, int page)
    {
        var openAfter = TimeZoneInfo.ConvertTime(TimeProvider.GetUtcNow(), DateTextPattern.Jakarta).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var query = options.Api.Query
            .Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{perPage}", options.Api.PageSize.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
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

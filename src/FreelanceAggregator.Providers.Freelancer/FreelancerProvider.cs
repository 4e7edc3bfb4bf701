using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Freelancer;

/// <summary>
/// Searches Freelancer's active projects through its public REST API
/// (<c>GET /api/projects/0.1/projects/active/</c>), which needs no token. One class serves both registrations:
/// Freelancer.com (<c>freelancer</c>) and Freelancer.co.id (<c>freelancer.co.id</c>), which show one marketplace,
/// share <see cref="GigProviderCapabilities.Marketplace"/> <c>freelancer</c>, and differ only in their options.
/// </summary>
/// <remarks>
/// <para>
/// Pushed down to the site: keywords (<c>query</c>), fixed or hourly (<c>project_types[]</c>), posted within
/// (<c>from_time</c>), and the registration's <see cref="FreelancerOptions.Languages"/>. Budgets are not pushed down:
/// the API's price filters have no documented currency or range semantics, so the aggregator filters budgets after
/// conversion. Skills, buyer country, payment verification, rating and proposals are filtered by the aggregator too.
/// </para>
/// <para>
/// Each project's <c>currency.exchange_rate</c> (USD per unit) is offered to the aggregator as a dated rate whose source
/// is <c>Freelancer.com currency.exchange_rate</c>; it is used only for a currency the configured rate source lacks.
/// </para>
/// </remarks>
public sealed class FreelancerProvider : HttpGigProvider<FreelancerOptions>
{
    /// <summary>The marketplace both registrations read; a project both return is kept once.</summary>
    public const string MarketplaceName = "freelancer";

    /// <summary>The <see cref="ExchangeRate.Source"/> of the rates this provider reports from the projects' currency objects.</summary>
    public const string ExchangeRateSource = FreelancerResponseParser.ExchangeRateSource;

    /// <summary>The name of the header that carries the OAuth token.</summary>
    internal const string TokenHeader = "freelancer-oauth-v1";

    private const string SearchPath = "api/projects/0.1/projects/active/";

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name (<c>freelancer</c>, <c>freelancer.co.id</c>, or your own); also the name of its options and HTTP client.</param>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The named options (a monitor of <see cref="FreelancerIndonesiaOptions"/> is one of <see cref="FreelancerOptions"/>).</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names the provider and the values.</exception>
    public FreelancerProvider(string name, IHttpClientFactory httpClientFactory, IOptionsMonitor<FreelancerOptions> options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(name, httpClientFactory, options, timeProvider, loggerFactory)
    {
        var hosts = new List<string> { "freelancer.com", "freelancer.co.id" };
        if (Options.PublicSite is { IsAbsoluteUri: true } site && !GigUrls.IsOnHost(site, [.. hosts]))
        {
            hosts.Add(site.IdnHost);
        }

        Capabilities = new GigProviderCapabilities
        {
            Kinds = [GigKind.Job],
            ServerSideFilters = GigFilters.Keywords | GigFilters.BudgetType | GigFilters.PostedWithin,
            FilterableFields = GigFilters.All,
            Marketplace = MarketplaceName,
            SiteHosts = hosts,
            DisplayCurrency = Options.DisplayCurrency is { } code && Currency.TryFromCode(code, out var shown) ? shown : null,
        };
    }

    /// <inheritdoc/>
    public override GigProviderCapabilities Capabilities { get; }

    /// <inheritdoc/>
    /// <remarks>
    /// The cursor is the offset of the page's first project (<c>offset</c>), as a decimal number. The page asks for
    /// <see cref="GigPageRequest.PageSize"/> projects, at most <see cref="FreelancerOptions.PageSize"/>; the next page
    /// starts after the projects this one held, and there is none when <c>total_count</c> says so, or, without a
    /// total, when the page came back short. A page shorter than asked while <c>total_count</c> says there is more (a
    /// lowered cap) is followed by another one.
    /// </remarks>
    /// <exception cref="ArgumentException">The request's cursor is not an offset this provider gave.</exception>
    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = Options;
        var offset = ReadOffset(request.Cursor);
        var limit = Math.Min(request.PageSize ?? options.PageSize, options.PageSize);
        var site = options.PublicSite ?? new Uri("https://www.freelancer.com/");
        var token = string.IsNullOrEmpty(options.OAuthToken) ? null : options.OAuthToken;
        var path = BuildPath(request.Query, options, limit, offset);
        var response = await CreateHttpClient().SendAsync(() => CreateRequest(path, token), cancellationToken).ConfigureAwait(false);
        var settings = new FreelancerParseSettings(
            Name,
            site,
            response.RequestUri,
            response.StatusCode,
            DateOnly.FromDateTime(TimeProvider.GetUtcNow().UtcDateTime),
            token is not null,
            token is null ? null : text => text.Replace(token, "[redacted]", StringComparison.Ordinal));
        if (!response.IsSuccessStatusCode)
        {
            // The site's own error envelope says more than the status does (e.g. 401 NOT_AUTHENTICATED).
            FreelancerResponseParser.ThrowIfSiteError(response.Text, settings);
            response.EnsureSuccess();
        }

        var read = response.TryGetUtf8Body(out var utf8)
            ? FreelancerResponseParser.Parse(utf8, settings)
            : FreelancerResponseParser.Parse(response.Text, settings);
        return new GigPage(read.Gigs, NextCursor(offset, limit, read))
        {
            TotalCount = read.TotalCount,
            Warnings = read.Warnings,
            ExchangeRates = read.ExchangeRates,
            RequestUri = response.RequestUri,
        };
    }

    // The offset advances by what the page held, readable or not, so that an unreadable project is not asked for again.
    private static string? NextCursor(long offset, int limit, FreelancerPage page)
    {
        var next = offset + page.ProjectCount;
        var more = page.ProjectCount > 0 && (page.TotalCount is { } total ? next < total : page.ProjectCount >= limit);
        return more ? next.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static long ReadOffset(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        return long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new ArgumentException($"The cursor '{cursor}' is not a Freelancer page cursor (an offset such as '100').", nameof(cursor));
    }

    private string BuildPath(GigQuery query, FreelancerOptions options, int limit, long offset)
    {
        var path = new StringBuilder(SearchPath).Append('?');
        if (query.Keywords.Count > 0)
        {
            // Words, not quoted phrases: the site matches every word, and the aggregator checks phrases afterwards.
            Add("query", string.Join(' ', query.Keywords));
        }

        if (query.BudgetType is { } type)
        {
            Add("project_types[]", type == BudgetType.Hourly ? "hourly" : "fixed");
        }

        if (query.PostedWithin is { } within)
        {
            Add("from_time", (TimeProvider.GetUtcNow() - within).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        foreach (var language in options.Languages ?? [])
        {
            Add("languages[]", language.Trim().ToLowerInvariant());
        }

        // The projections that give descriptions, skills, upgrades, and the owner's country, payment verification and
        // reputation as a buyer (result.users).
        foreach (var flag in (string[])["full_description", "job_details", "upgrade_details", "user_details", "user_display_info", "user_country_details", "user_status", "user_employer_reputation"])
        {
            Add(flag, "true");
        }

        Add("limit", limit.ToString(CultureInfo.InvariantCulture));
        Add("offset", offset.ToString(CultureInfo.InvariantCulture));
        return path.ToString(0, path.Length - 1);

        void Add(string key, string value) => path.Append(key).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
    }

    private static HttpRequestMessage CreateRequest(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, token);
        }

        return request;
    }
}

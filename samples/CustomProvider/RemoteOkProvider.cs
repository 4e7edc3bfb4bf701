#region Snippet:RemoteOkProvider
using System.Net.Http.Headers;
using FreelanceAggregator;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk;

/// <summary>
/// Searches Remote OK (remoteok.com), a board of remote jobs, through its public JSON feed (<c>GET /api</c>), which
/// needs no key. The feed is one JSON array: a legal notice first, then the newest postings, with no paging: every
/// search is one page (<see cref="GigPage.NextCursor"/> is always <see langword="null"/>).
/// </summary>
/// <remarks>
/// <para>
/// Pushed down to the site: one skill, as Remote OK's <c>tag</c> (see <see cref="RemoteOkOptions.PushDownSkillAsTag"/>).
/// Keywords, excluded words and the posted-within filter are applied by the aggregator to what the feed returns.
/// </para>
/// <para>
/// Remote OK states salaries as a yearly range in USD. A <see cref="Budget"/> is a fixed price or an hourly rate, so a
/// salary is neither: it is kept in <see cref="Gig.Extra"/> (<c>salaryMin</c>, <c>salaryMax</c>, <c>salaryPeriod</c>)
/// and the budget stays empty. Budget filters therefore skip this provider with a reason instead of comparing a yearly
/// salary with a project price.
/// </para>
/// <para>Remote OK's terms ask whoever shows its jobs to link back to each job's page and to name Remote OK as the source; <see cref="Gig.Url"/> is that page.</para>
/// </remarks>
public sealed class RemoteOkProvider : HttpGigProvider<RemoteOkOptions>
{
    /// <summary>The provider's name when it is registered without one.</summary>
    public const string DefaultName = "remoteok";

    /// <summary>The public site: every listing's <see cref="Gig.Url"/> is on it, whatever <see cref="GigProviderOptions.BaseAddress"/> says.</summary>
    public static readonly Uri PublicSite = new("https://remoteok.com/");

    /// <summary>
    /// Initializes a new instance. Every parameter but <paramref name="name"/> is a service, so dependency injection can
    /// call this constructor by itself: that is what <c>AddProvider&lt;RemoteOkProvider&gt;()</c> does.
    /// </summary>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The provider's named options.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>.</param>
    /// <param name="name">The provider's name, also the name of its options and HTTP client; last and optional so that dependency injection leaves it at <see cref="DefaultName"/>.</param>
    public RemoteOkProvider(IHttpClientFactory httpClientFactory, IOptionsMonitor<RemoteOkOptions> options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, string name = DefaultName)
        : base(name, httpClientFactory, options, timeProvider, loggerFactory)
    {
        Capabilities = new GigProviderCapabilities
        {
            Kinds = [GigKind.Job],
            ServerSideFilters = Options.PushDownSkillAsTag ? GigFilters.Skills : GigFilters.None,

            // What a Remote OK job can carry. No budget (see the remarks), no proposals, and no buyer country, rating
            // or payment check: a query that needs one of them skips this provider and says why.
            FilterableFields = GigFilters.Keywords | GigFilters.ExcludedWords | GigFilters.Kind | GigFilters.PostedWithin | GigFilters.Skills,
            SiteHosts = [PublicSite.Host],
        };
    }

    /// <inheritdoc/>
    public override GigProviderCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // This provider never gives a cursor (the feed is one page), so one it is handed was made elsewhere; answering it
        // with the feed again would give the same jobs as a "next" page.
        if (request.Cursor is not null)
        {
            throw new ArgumentException($"The cursor '{request.Cursor}' is not Remote OK's: its feed is one page, and this provider gives no cursors.", nameof(request));
        }

        var query = request.Query;
        var path = query.Skills is [var skill] && Options.PushDownSkillAsTag ? "api?tag=" + Uri.EscapeDataString(skill.ToLowerInvariant()) : "api";
        var response = await CreateHttpClient().SendAsync(() => CreateRequest(path), cancellationToken).ConfigureAwait(false);
        ThrowIfBotWall(response);
        response.EnsureSuccess();

        // One request returns every posting there is (page, offset and limit are ignored by the site), so there is no
        // next page; the aggregator applies the limit and the filters to this one.
        var feed = RemoteOkFeedParser.Parse(response.Text, new RemoteOkParseSettings(Name, response.RequestUri, response.StatusCode));
        return new GigPage(feed.Gigs, nextCursor: null)
        {
            Warnings = feed.Warnings,
            RequestUri = response.RequestUri,
        };
    }

    private static HttpRequestMessage CreateRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    // Remote OK sits behind Cloudflare, whose bot check answers with an HTML challenge page (usually 403 or 503) that a
    // program cannot pass. Saying "blocked" tells the user to slow down or use another network; "HTTP 403" would not.
    // Only an answer that is markup is searched for the marks, so a job description in the JSON feed that happens to
    // mention a captcha is never taken for a wall.
    private static void ThrowIfBotWall(GigHttpResponse response)
    {
        if (response.Text.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal) && PageChecks.FindBotWall(response.Text) is { } wall)
        {
            throw response.Fail($"{wall}'s bot check blocked the request (a challenge page came back instead of the feed); try again later, less often, or through another network", GigProviderFailure.Blocked);
        }
    }
}
#endregion

using System.Globalization;
using System.Net;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.Microworkers;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FreelanceAggregator.TestSites;

/// <summary>
/// Microworkers as the tests, the offline demo and the benchmarks see it: the worker's job list
/// (<c>GET /jobs.php?page=N</c>, a logged-in page) answered only with the stand-in session cookie, two recorded pages of
/// 8 and 5 rows (page 1 links to page 2; page 2 repeats page 1's last row, as the site's pages overlap), and a redirect
/// to <c>/login.php</c> for a request without the session, as the site answers an expired one.
/// </summary>
/// <remarks>
/// The list is every job the worker may take: the site applies no filter, so the stubs match the page number only and
/// the aggregator filters what they give.
/// </remarks>
public sealed class MicroworkersTestSite : ProviderTestSite
{
    /// <summary>The job list's path.</summary>
    public const string JobsPath = "/jobs.php";

    /// <summary>The login page's path, where the site sends a request without a valid session.</summary>
    public const string LoginPath = "/login.php";

    /// <summary>
    /// The session the test server (and GigSearch's offline bundle) accepts: a stand-in shaped like a PHPSESSID, never a
    /// real worker's session.
    /// </summary>
    public const string StandInSession = "0ff11ne5e5510n0ff11ne5e551";

    /// <summary>The id of page 1's first job, whose link <see cref="ResultsWith"/> replaces.</summary>
    public const string FirstJobId = "3f9a1c27b0de";

    private const string FirstLink = "jobs_details.php?Id=c93f5a1q8k2e7d4b6a0f31";

    /// <inheritdoc/>
    public override string ProviderName => MicroworkersProvider.DefaultName;

    /// <inheritdoc/>
    public override Type ProviderType => typeof(MicroworkersProvider);

    /// <inheritdoc/>
    public override IReadOnlyList<string> SiteHosts => ["www.microworkers.com", "ttv.microworkers.com"];

    /// <inheritdoc/>
    public override string SearchPath => JobsPath;

    /// <inheritdoc/>
    /// <remarks>Every job: the list is not about one keyword.</remarks>
    public override GigQuery Query => new();

    /// <inheritdoc/>
    public override string ResultsFixture => "jobs-page1.html";

    /// <inheritdoc/>
    /// <remarks>The job list shows titles only; there is no description to carry markup.</remarks>
    public override bool HasDescriptions => false;

    /// <inheritdoc/>
    /// <remarks>The only YouTube job is the fourth row of page 1.</remarks>
    public override ProviderTestCase SmallLimitFurtherDownThePage =>
        new("the only YouTube job, fourth on page 1", GigQuery.Parse("youtube site:microworkers limit:1")) { ExpectedIds = ["9c0e51b7d2aa"] };

    /// <inheritdoc/>
    /// <remarks>Instagram is only on page 2.</remarks>
    public override ProviderTestCase SmallLimitOnPageTwo =>
        new("the only Instagram job, second on page 2", GigQuery.Parse("instagram site:microworkers limit:1")) { ExpectedIds = ["61e2a7c0f3b8"] };

    /// <inheritdoc/>
    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("paying at least a dollar a task", GigQuery.Parse("budget:>=1USD")) { ExpectedIds = ["22d8586c4f01"] },
        new("TTV jobs by their title, on their own task pages", GigQuery.Parse("ttv")) { ExpectedIds = ["7b21e04c9a13", "a803d26f1c57"] },
        new("the only job paying 45 cents, on Android", GigQuery.Parse("android budget:<=0.45USD")) { ExpectedIds = ["5e7f30a9b418"] },

        // Basic jobs all share jobs_details.php (and Hire Group jobs hm_jobs_details.php), told apart only by ?Id=: each
        // is still one listing of its own.
        new("every job of the two pages once, in the site's order (page 2 repeats page 1's last row)", new GigQuery { Limit = GigQuery.MaxLimit })
        {
            ExpectedIds = ["3f9a1c27b0de", "7b21e04c9a13", "22d8586c4f01", "9c0e51b7d2aa", "5e7f30a9b418", "a803d26f1c57", "4d6b19e83f20", "b17c44e0d952", "61e2a7c0f3b8", "c4f90d1e6a27", "08a3b5f2e7d1", "d92e6b4a1c03"],
        },
        new("paying at least 50 cents a task", GigQuery.Parse("budget:>=0.5USD")) { ExpectedIds = ["22d8586c4f01", "4d6b19e83f20", "c4f90d1e6a27"] },
        new("a screenshot, but not on Android", GigQuery.Parse("screenshot -android")) { ExpectedIds = ["3f9a1c27b0de", "61e2a7c0f3b8", "d92e6b4a1c03"] },
        new("Hire Group jobs by their title", GigQuery.Parse("\"hire group\"")) { ExpectedIds = ["22d8586c4f01", "c4f90d1e6a27"] },
    ];

    /// <inheritdoc/>
    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        builder.AddMicroworkers(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            o.SessionCookie = StandInSession;
            configure?.Invoke(o);
        });

    /// <inheritdoc/>
    public override string ReadFixture(string name) => ReadEmbedded(typeof(MicroworkersTestSite).Assembly, "FreelanceAggregator.TestSites.Microworkers.Fixtures." + name);

    /// <inheritdoc/>
    /// <remarks>
    /// Pages 1 and 2 by <c>page</c> for a request with the stand-in session; any other page the empty list; without the
    /// session, a redirect to the login page.
    /// </remarks>
    public override void StubResults(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        for (var page = 1; page <= 2; page++)
        {
            server.Given(SearchRequest().WithParam("page", page.ToString(CultureInfo.InvariantCulture)).WithCookie(MicroworkersOptions.DefaultSessionCookieName, StandInSession))
                .AtPriority(10)
                .RespondWith(Answer($"jobs-page{page}.html"));
        }

        server.Given(SearchRequest().WithCookie(MicroworkersOptions.DefaultSessionCookieName, StandInSession)).AtPriority(50).RespondWith(Answer("jobs-empty.html"));
        StubLogin(server);
    }

    /// <inheritdoc/>
    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest().WithCookie(MicroworkersOptions.DefaultSessionCookieName, StandInSession)).AtPriority(10).RespondWith(Answer("jobs-empty.html"));
        StubLogin(server);
        return new GigQuery("zzzz");
    }

    /// <summary>Answers like the site without a valid session: the job list redirects to the login page, which answers with its form.</summary>
    /// <param name="server">The server.</param>
    public void StubLogin(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest()).AtPriority(100).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", LoginPath));
        server.Given(Request.Create().WithPath(LoginPath).UsingGet()).RespondWith(Answer("login.html"));
    }

    /// <inheritdoc/>
    /// <remarks>The list has no descriptions, so <paramref name="description"/> is not placed; the link replaces the first job's.</remarks>
    public override string ResultsWith(string? description, string? link, out string id)
    {
        var page = ReadFixture(ResultsFixture);
        if (link is not null)
        {
            page = ReplaceOnce(page, $"<a href=\"{FirstLink}\">", $"<a href=\"{WebUtility.HtmlEncode(link)}\">");
        }

        id = FirstJobId;
        return page;
    }

    /// <inheritdoc/>
    /// <remarks>Page 1 with new job ids on every page (<c>p2x3f9a1c27b0de</c>, ...), linking to the page after it.</remarks>
    public override string EndlessPage(int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var html = ReadFixture(ResultsFixture).Replace("id=\"campaign", $"id=\"campaignp{number}x", StringComparison.Ordinal);
        return html.Replace("jobs.php?page=2", "jobs.php?page=" + (page + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidOperationException($"The fixture no longer holds '{old}'.")
            : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}

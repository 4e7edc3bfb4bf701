using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace FreelanceAggregator.Benchmarks.Support;

/// <summary>
/// The five built-in marketplaces served on loopback by WireMock.Net, one server each (each site is its own host), each
/// answering every page after the same delay with the providers' own two-page test fixtures.
/// </summary>
internal sealed class HttpSites : IDisposable
{
    public const string Fiverr = "fiverr";
    public const string Freelancer = "freelancer";
    public const string ProjectsCoId = "projects.co.id";
    public const string Sribulancer = "sribulancer";
    public const string Upwork = "upwork";

    public static readonly string[] Names = [Fiverr, Freelancer, ProjectsCoId, Sribulancer, Upwork];

    private readonly Dictionary<string, WireMockServer> _servers = [];

    public HttpSites(TimeSpan delay)
    {
        var fiverr = Start(Fiverr);
        fiverr.Given(Request.Create().WithPath("/search/gigs").UsingGet()).AtPriority(10)
            .RespondWith(Html(FixtureFiles.Read("Fiverr", "search-page1.html"), delay));
        fiverr.Given(Request.Create().WithPath("/search/gigs").UsingGet().WithParam("page", "2")).AtPriority(1)
            .RespondWith(Html(FixtureFiles.Read("Fiverr", "search-page2.html"), delay));

        var freelancer = Start(Freelancer);
        const string FreelancerPath = "/api/projects/0.1/projects/active/";
        freelancer.Given(Request.Create().WithPath(FreelancerPath).UsingGet().WithParam("offset", "0"))
            .RespondWith(Json(FixtureFiles.Read("Freelancer", "projects-page1.json"), delay));
        freelancer.Given(Request.Create().WithPath(FreelancerPath).UsingGet().WithParam("offset", "6"))
            .RespondWith(Json(FixtureFiles.Read("Freelancer", "projects-page2.json"), delay));

        var projects = Start(ProjectsCoId);
        for (var page = 1; page <= 2; page++)
        {
            projects.Given(Request.Create().WithPath("/public/browse_projects/listing").WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .RespondWith(Html(FixtureFiles.Read("ProjectsCoId", $"listing-page{page}.html"), delay));
        }

        // Sribu's page number is inside the GraphQL text of the POST body.
        var sribu = Start(Sribulancer);
        for (var page = 1; page <= 2; page++)
        {
            sribu.Given(Request.Create().WithPath("/public").UsingPost().WithBody(new RegexMatcher($@"jobsListPublic\(page: {page},")))
                .RespondWith(Json(FixtureFiles.Read("Sribulancer", $"sribu-jobs-page{page}.json"), delay));
        }

        // Upwork's second page is asked for with the first page's end cursor ("5").
        var upwork = Start(Upwork);
        upwork.Given(Request.Create().WithPath("/graphql").UsingPost()).AtPriority(10)
            .RespondWith(Json(FixtureFiles.Read("Upwork", "search-page1.json"), delay));
        upwork.Given(Request.Create().WithPath("/graphql").UsingPost().WithBody((string? b) => b is not null && b.Contains("\"after\":\"5\"", StringComparison.Ordinal))).AtPriority(1)
            .RespondWith(Json(FixtureFiles.Read("Upwork", "search-page2.json"), delay));
    }

    /// <summary>Gets how many requests a site has answered (its log keeps the last 16).</summary>
    public int Requests(string site) => _servers[site].LogEntries.Count;

    public Uri BaseAddress(string site) => new(_servers[site].Url!.TrimEnd('/') + "/");

    /// <summary>Registers the real HTTP providers, each pointed at its own server, two pages at most, no pause between pages.</summary>
    public void AddProviders(IFreelanceAggregatorBuilder builder)
    {
        builder
            .AddFiverr(o => UseServer(o, Fiverr))
            .AddFreelancer(o => UseServer(o, Freelancer))
            .AddProjectsCoId(o => UseServer(o, ProjectsCoId))
            .AddSribulancer(o => UseServer(o, Sribulancer))
            .AddUpwork(o =>
            {
                UseServer(o, Upwork);
                o.TokenEndpoint = new Uri(BaseAddress(Upwork), "api/v3/oauth2/token");
                o.AccessToken = "oauth2v2_0a1b2c3d4e5f60718293a4b5c6d7e8f9";
            });
    }

    public void Dispose()
    {
        foreach (var server in _servers.Values)
        {
            server.Stop();
            server.Dispose();
        }
    }

    private static IResponseBuilder Html(byte[] body, TimeSpan delay) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody(body).WithDelay(delay);

    private static IResponseBuilder Json(byte[] body, TimeSpan delay) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body).WithDelay(delay);

    // The pause between pages is the provider's politeness, not its speed: with it at zero, two pages cost two answers.
    private void UseServer(GigProviderOptions options, string site)
    {
        options.BaseAddress = BaseAddress(site);
        options.MaxPages = 2;
        options.PageDelay = TimeSpan.Zero;
        options.MaxRetries = 1;
        options.RetryDelay = TimeSpan.Zero;
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.RequestTimeout = TimeSpan.FromSeconds(10);
    }

    private WireMockServer Start(string site)
    {
        var server = WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = false, MaxRequestLogCount = 16 });
        _servers[site] = server;
        return server;
    }
}

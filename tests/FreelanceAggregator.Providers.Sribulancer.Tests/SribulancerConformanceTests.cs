using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>The shared provider invariants, run against the default source (Sribu's public API) served by WireMock.</summary>
public sealed class SribulancerConformanceTests : GigProviderConformanceTests
{
    protected override string ProviderName => SribulancerProvider.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["www.sribu.com"];

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress) =>
        builder.AddSribulancer(o => ProviderTestOptions.UseTestServer(o, baseAddress));

    protected override GigQuery StubResults()
    {
        SribulancerStubs.StubApiPages(Server);
        return new GigQuery();
    }

    protected override GigQuery StubEmptyResults()
    {
        Server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath).UsingPost()).RespondWith(SribulancerStubs.Json("sribu-jobs-empty.json"));
        return new GigQuery("zzzz");
    }
}

/// <summary>Stubs shared by the Sribulancer tests.</summary>
internal static class SribulancerStubs
{
    public const string ApiPath = "/public";

    public const string BrowsePath = "/id/browse-jobs";

    public static IResponseBuilder Json(string fixture) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(Fixtures.Read(fixture));

    public static IResponseBuilder Html(string fixture) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody(Fixtures.Read(fixture));

    // The page number is inside the GraphQL text of the POST body.
    public static void StubApiPages(WireMockTestServer server)
    {
        for (var page = 1; page <= 3; page++)
        {
            server.Server.Given(Request.Create().WithPath(ApiPath).UsingPost().WithBody(new RegexMatcher($@"jobsListPublic\(page: {page},")))
                .RespondWith(Json($"sribu-jobs-page{page}.json"));
        }
    }
}

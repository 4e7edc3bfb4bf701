using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The shared provider invariants, run against Projects.co.id listing pages served by WireMock.</summary>
public sealed class ProjectsCoIdConformanceTests : GigProviderConformanceTests
{
    protected override string ProviderName => ProjectsCoIdProvider.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["projects.co.id"];

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress) =>
        builder.AddProjectsCoId(o => ProviderTestOptions.UseTestServer(o, baseAddress));

    protected override GigQuery StubResults()
    {
        ProjectsCoIdStubs.StubListing(Server);
        return new GigQuery();
    }

    protected override GigQuery StubEmptyResults()
    {
        Server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath))
            .RespondWith(ProjectsCoIdStubs.Html("search-empty.html"));
        return new GigQuery("zzzz");
    }
}

/// <summary>Stubs shared by the Projects.co.id tests.</summary>
internal static class ProjectsCoIdStubs
{
    public const string ListingPath = "/public/browse_projects/listing";

    public static IResponseBuilder Html(string fixture) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=UTF-8").WithBody(Fixtures.Read(fixture));

    public static void StubListing(WireMockTestServer server)
    {
        for (var page = 1; page <= 3; page++)
        {
            server.Server.Given(Request.Create().WithPath(ListingPath).WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .RespondWith(Html($"listing-page{page}.html"));
        }
    }
}

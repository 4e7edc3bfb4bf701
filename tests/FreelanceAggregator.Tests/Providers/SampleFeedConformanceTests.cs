using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Tests.Providers;

/// <summary>Runs the shared conformance suite against the sample feed provider, which proves the kit and the HTTP plumbing.</summary>
public sealed class SampleFeedConformanceTests : GigProviderConformanceTests
{
    protected override string ProviderName => SampleFeedOptions.Name;

    protected override IReadOnlyList<string> SiteHosts => ["jobs.example.org"];

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress) =>
        builder.AddSampleFeed(o => ProviderTestOptions.UseTestServer(o, baseAddress));

    protected override GigQuery StubResults()
    {
        Server.Server.Given(Request.Create().WithPath("/feed").WithParam("page", "1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                """{"jobs":[{"id":"j1","title":"Logo for a bakery","path":"/jobs/j1","budget":150,"currency":"USD"},{"id":"j2","title":"Logo refresh","path":"https://jobs.example.org/jobs/j2"}]}"""));
        Server.Server.Given(Request.Create().WithPath("/feed").WithParam("page", "2"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"jobs":[]}"""));
        return new GigQuery("logo");
    }

    protected override GigQuery StubEmptyResults()
    {
        Server.Server.Given(Request.Create().WithPath("/feed")).RespondWith(Response.Create().WithBody("""{"jobs":[]}"""));
        return new GigQuery("zzzz");
    }
}

using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The shared conformance suite against Freelancer.com.</summary>
public sealed class FreelancerConformanceTests : GigProviderConformanceTests
{
    protected override string ProviderName => "freelancer";

    protected override IReadOnlyList<string> SiteHosts => ["www.freelancer.com"];

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress) =>
        builder.AddFreelancer(o => ProviderTestOptions.UseTestServer(o, baseAddress));

    protected override GigQuery StubResults()
    {
        Server.StubTwoPages();
        return new GigQuery();
    }

    protected override GigQuery StubEmptyResults()
    {
        Server.StubSearch("projects-empty.json");
        return new GigQuery("zzzz");
    }
}

/// <summary>The shared conformance suite against Freelancer.co.id.</summary>
public sealed class FreelancerIndonesiaConformanceTests : GigProviderConformanceTests
{
    protected override string ProviderName => "freelancer.co.id";

    protected override IReadOnlyList<string> SiteHosts => ["www.freelancer.co.id"];

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress) =>
        builder.AddFreelancerIndonesia(o => ProviderTestOptions.UseTestServer(o, baseAddress));

    protected override GigQuery StubResults()
    {
        Server.StubSearch("projects-id.json", language: "id");
        return new GigQuery();
    }

    protected override GigQuery StubEmptyResults()
    {
        Server.StubSearch("projects-empty.json", language: "id");
        return new GigQuery("zzzz");
    }
}

using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The shared fault matrix against Freelancer.com's active-projects API.</summary>
public sealed class FreelancerFaultTests : GigProviderFaultTests
{
    protected override string ProviderName => "freelancer";

    protected override string SearchPath => FreelancerTestServer.SearchPath;

    protected override string ResultsFixture => "projects-page1.json";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddFreelancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });
}

/// <summary>The shared fault matrix against Freelancer.co.id, the same API asked for Indonesian projects.</summary>
public sealed class FreelancerIndonesiaFaultTests : GigProviderFaultTests
{
    protected override string ProviderName => "freelancer.co.id";

    protected override string SearchPath => FreelancerTestServer.SearchPath;

    protected override string ResultsFixture => "projects-id.json";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddFreelancerIndonesia(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });
}

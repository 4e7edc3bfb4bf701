using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>The shared fault matrix against the default source, Sribu's public GraphQL API.</summary>
public sealed class SribulancerFaultTests : GigProviderFaultTests
{
    protected override string ProviderName => SribulancerProvider.DefaultName;

    protected override string SearchPath => SribulancerStubs.ApiPath;

    protected override bool SearchIsPost => true;

    protected override string ResultsFixture => "sribu-jobs-page1.json";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddSribulancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });
}

/// <summary>The shared fault matrix against the other source, a rendered browse-jobs page read with CSS selectors.</summary>
public sealed class SribulancerBrowsePageFaultTests : GigProviderFaultTests
{
    protected override string ProviderName => SribulancerProvider.DefaultName;

    protected override string SearchPath => SribulancerStubs.BrowsePath;

    protected override string ResultsFixture => "browse-jobs.html";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddSribulancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            o.Source = SribulancerSource.BrowsePage;
            configure(o);
        });
}

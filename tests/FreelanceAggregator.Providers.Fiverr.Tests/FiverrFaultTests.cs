using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>The shared fault matrix against Fiverr's search page.</summary>
public sealed class FiverrFaultTests : GigProviderFaultTests
{
    protected override string ProviderName => FiverrProvider.DefaultName;

    protected override string SearchPath => "/search/gigs";

    protected override string ResultsFixture => "search-page1.html";

    protected override GigQuery Query => new(FiverrStubs.Query);

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddFiverr(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });
}

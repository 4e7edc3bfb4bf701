using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The shared fault matrix against Upwork's GraphQL endpoint, with a fixed test token.</summary>
public sealed class UpworkFaultTests : GigProviderFaultTests
{
    protected override string ProviderName => UpworkOptions.DefaultName;

    protected override string SearchPath => UpworkStubs.GraphQlPath;

    protected override bool SearchIsPost => true;

    protected override string ResultsFixture => "search-page1.json";

    protected override GigQuery Query => new("lead capture");

    // A first page that fails with a server error is asked for once more without pagination_eq, which Upwork is
    // reported to refuse (see UpworkProvider), so a page that always fails costs two rounds of retries.
    protected override int SearchesPerFailedPage => 2;

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddUpwork(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            o.TokenEndpoint = new Uri(baseAddress, UpworkStubs.TokenPath.TrimStart('/'));
            o.AccessToken = TestTokens.Access;
            configure(o);
        });
}

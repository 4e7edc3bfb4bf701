using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The shared provider invariants, run against the Upwork provider with a test token.</summary>
public sealed class UpworkConformanceTests : GigProviderConformanceTests
{
    protected override string ProviderName => UpworkOptions.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["www.upwork.com"];

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress) =>
        builder.AddUpwork(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            o.TokenEndpoint = new Uri(baseAddress, "api/v3/oauth2/token");
            o.AccessToken = TestTokens.Access;
        });

    protected override GigQuery StubResults()
    {
        Server.Server.StubSearch("search-page1.json", body: b => !UpworkStubs.After(b, "5"));
        Server.Server.StubSearch("search-page2.json", body: b => UpworkStubs.After(b, "5"), priority: 1);
        return new GigQuery("lead capture");
    }

    protected override GigQuery StubEmptyResults()
    {
        Server.Server.StubSearch("search-empty.json");
        return new GigQuery("zzzz qqqq");
    }
}

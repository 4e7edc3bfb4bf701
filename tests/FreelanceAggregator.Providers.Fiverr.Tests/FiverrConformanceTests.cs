using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>Runs the shared provider conformance suite against the Fiverr provider and its recorded-format pages.</summary>
public sealed class FiverrConformanceTests : GigProviderConformanceTests
{
    protected override string ProviderName => FiverrProvider.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["www.fiverr.com"];

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress) =>
        builder.AddFiverr(o => ProviderTestOptions.UseTestServer(o, baseAddress));

    protected override GigQuery StubResults()
    {
        FiverrStubs.SearchPages(Server, "search-page1.html", "search-page2.html");
        return new GigQuery(FiverrStubs.Query);
    }

    protected override GigQuery StubEmptyResults()
    {
        FiverrStubs.Page(Server, "search-no-results.html");
        return new GigQuery("zzqxv vbnmk");
    }
}

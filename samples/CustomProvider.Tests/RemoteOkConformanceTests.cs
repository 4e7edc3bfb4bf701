using FreelanceAggregator;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

#region Snippet:RemoteOkConformanceTests
/// <summary>The invariants every provider keeps (required fields, URLs on the site, cancellation, empty results, server errors), run against Remote OK.</summary>
public sealed class RemoteOkConformanceTests : GigProviderConformanceTests
{
    protected override string ProviderName => RemoteOkProvider.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["remoteok.com"];

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress) =>
        builder.AddRemoteOk(o => ProviderTestOptions.UseTestServer(o, baseAddress));

    protected override GigQuery StubResults()
    {
        Server.StubFeed("remoteok-api.json");
        return new GigQuery();
    }

    // Remote OK answers a tag nobody uses with the legal notice alone.
    protected override GigQuery StubEmptyResults()
    {
        Server.StubFeed("remoteok-api-legal-only.json", tag: "cobol");
        return new GigQuery { Skills = ["cobol"] };
    }
}
#endregion

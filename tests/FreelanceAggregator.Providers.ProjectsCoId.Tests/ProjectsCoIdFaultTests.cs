using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The shared fault matrix against the Projects.co.id listing.</summary>
public sealed class ProjectsCoIdFaultTests : GigProviderFaultTests
{
    protected override string ProviderName => ProjectsCoIdProvider.DefaultName;

    protected override string SearchPath => ProjectsCoIdStubs.ListingPath;

    protected override string ResultsFixture => "listing-page1.html";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddProjectsCoId(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });
}

using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The registration, the options and the capabilities of the Projects.co.id provider.</summary>
public sealed class ProjectsCoIdRegistrationTests : ProjectsCoIdServerTests
{
    [Fact]
    public async Task QueriesForValuesTheListingLacksSkipTheProviderWithAReason()
    {
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery("logo") { ClientCountries = ["ID"] }, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Skipped, outcome.Status);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public async Task AddingTheProviderTwiceRegistersItOnce()
    {
        await using var aggregator = GigAggregator.Create(b => b.AddProjectsCoId().AddProjectsCoId(o => o.MaxPages = 3));

        var provider = Assert.Single(aggregator.Providers);
        Assert.Equal("projects.co.id", provider.Name);
    }

    [Fact]
    public void TheOptionsDefaultToTheSite()
    {
        var options = new ProjectsCoIdOptions();

        Assert.Equal(new Uri("https://projects.co.id/"), options.BaseAddress);
        Assert.Equal("public/browse_projects/listing", options.ListingPath);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PageDelay);
        Assert.Equal(ProjectsCoIdOptions.DefaultUserAgent, options.UserAgent);
    }
}

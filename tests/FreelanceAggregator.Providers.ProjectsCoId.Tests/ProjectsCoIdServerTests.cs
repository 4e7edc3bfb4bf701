using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>A base for the provider's own tests: a WireMock.Net server per test, the site description, and aggregators pointed at it.</summary>
public abstract class ProjectsCoIdServerTests : IDisposable
{
    /// <summary>Western Indonesian Time, in which the site prints its dates.</summary>
    protected static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>The site's routes and recorded pages.</summary>
    protected static readonly ProjectsCoIdTestSite Site = new();

    /// <summary>Gets this test's server.</summary>
    protected WireMockTestServer Server { get; } = WireMockTestServer.Start();

    public void Dispose()
    {
        Server.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads a parameter of a request's query string.</summary>
    protected static string? Query(Uri uri, string name) =>
        System.Web.HttpUtility.ParseQueryString(uri.Query)[name];

    /// <summary>Creates an aggregator with the provider pointed at this test's server.</summary>
    protected GigAggregator CreateAggregator(Action<ProjectsCoIdOptions>? configure = null, TimeProvider? clock = null) =>
        GigAggregator.Create(b =>
        {
            if (clock is not null)
            {
                b.Services.AddSingleton(clock);
            }

            Site.AddProvider(b, Server.BaseAddress, o => configure?.Invoke((ProjectsCoIdOptions)o));
        });

    /// <summary>Searches with the provider alone, as <see cref="GigProvider.SearchAsync"/> does.</summary>
    protected async Task<List<Gig>> SearchAsync(GigQuery query, Action<ProjectsCoIdOptions>? configure = null, TimeProvider? clock = null)
    {
        await using var aggregator = CreateAggregator(configure, clock);
        var provider = Assert.Single(aggregator.Providers);
        var gigs = new List<Gig>();
        await foreach (var gig in provider.SearchAsync(query with { TargetCurrency = Currency.IDR }, TestContext.Current.CancellationToken))
        {
            gigs.Add(gig);
        }

        return gigs;
    }

    /// <summary>Searches through the aggregator and checks that the provider failed with a message naming it.</summary>
    protected async Task<ProviderOutcome> FailAsync()
    {
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(new GigQuery(), TestContext.Current.CancellationToken);
        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.NotNull(outcome.Message);
        Assert.Contains("projects.co.id", outcome.Message, StringComparison.Ordinal);
        return outcome;
    }
}

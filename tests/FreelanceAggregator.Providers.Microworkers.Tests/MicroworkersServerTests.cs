using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>A base for the provider's own tests: a WireMock.Net server per test, the site description, and aggregators pointed at it.</summary>
public abstract class MicroworkersServerTests : IDisposable
{
    /// <summary>The site's routes and recorded pages.</summary>
    protected static readonly MicroworkersTestSite Site = new();

    /// <summary>Gets this test's server.</summary>
    protected WireMockTestServer Server { get; } = WireMockTestServer.Start();

    /// <summary>Gets every log record of the aggregators this test created, at every level.</summary>
    protected FakeLogCollector Logs { get; } = new();

    public void Dispose()
    {
        Server.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates an aggregator with the provider pointed at this test's server, with the stand-in session unless <paramref name="configure"/> changes it, logging at Trace into <see cref="Logs"/>.</summary>
    protected GigAggregator CreateAggregator(Action<MicroworkersOptions>? configure = null) =>
        GigAggregator.Create(b =>
        {
            b.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
            Site.AddProvider(b, Server.BaseAddress, o => configure?.Invoke((MicroworkersOptions)o));
        });

    /// <summary>Searches through the aggregator and returns the result and the provider's outcome.</summary>
    protected async Task<(GigSearchResult Result, ProviderOutcome Outcome)> SearchAsync(GigQuery? query = null, Action<MicroworkersOptions>? configure = null)
    {
        await using var aggregator = CreateAggregator(configure);
        var result = await aggregator.SearchAllAsync(query ?? new GigQuery { Limit = GigQuery.MaxLimit }, TestContext.Current.CancellationToken);
        return (result, Assert.Single(result.Outcomes));
    }

    /// <summary>Fetches one page through the page contract directly.</summary>
    protected async Task<GigPage> FetchPageAsync(string? cursor = null, Action<MicroworkersOptions>? configure = null)
    {
        await using var aggregator = CreateAggregator(configure);
        var provider = Assert.Single(aggregator.Providers);
        return await provider.FetchPageAsync(new GigPageRequest(new GigQuery()) { Cursor = cursor }, TestContext.Current.CancellationToken);
    }

    /// <summary>Searches through the aggregator and checks that the provider failed with a message naming it.</summary>
    protected async Task<ProviderOutcome> FailAsync(Action<MicroworkersOptions>? configure = null)
    {
        var (result, outcome) = await SearchAsync(configure: configure);
        Assert.Empty(result.Gigs);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.NotNull(outcome.Message);
        Assert.StartsWith("microworkers: ", outcome.Message, StringComparison.Ordinal);
        return outcome;
    }

    /// <summary>Serves a body for every job-list request.</summary>
    protected void Serve(string body, int status = 200) =>
        Server.Server.Given(Site.SearchRequest()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody(body));
}

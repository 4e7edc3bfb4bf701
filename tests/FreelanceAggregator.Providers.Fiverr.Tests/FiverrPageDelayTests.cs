using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>The pause between pages is taken from the options and measured on the injected clock.</summary>
public sealed class FiverrPageDelayTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task TheNextPageWaitsForThePageDelay()
    {
        new FiverrTestSite().StubPages(_server.Server, "search-page1.html", "search-page2.html");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 13, 40, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddFreelanceAggregator().AddFiverr(o =>
        {
            ProviderTestOptions.UseTestServer(o, _server.BaseAddress);
            o.PageDelay = TimeSpan.FromSeconds(3);
        });
        await using var serviceProvider = services.BuildServiceProvider();
        var provider = Assert.Single(serviceProvider.GetRequiredService<GigAggregator>().Providers);

        await using var gigs = provider.SearchAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 100 }, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        for (var i = 0; i < 6; i++)
        {
            Assert.True(await gigs.MoveNextAsync());
        }

        // The iterator runs up to the pause synchronously, so the wait is registered on the clock once this returns.
        var next = gigs.MoveNextAsync().AsTask();
        clock.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(next.IsCompleted);
        Assert.Single(_server.Requests());

        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal(2, _server.Requests().Count);
        Assert.Equal("398877665", gigs.Current.Id);
    }
}

using FreelanceAggregator;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>
/// Sample 2: register the provider with the core's plain <c>AddProvider&lt;T&gt;()</c>, which builds it from its
/// constructor with services from dependency injection. The README quotes the region.
/// </summary>
public sealed class Sample2_AddProviderOfT : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task AddProviderOfTBuildsTheProviderFromServicesInDependencyInjection()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _server.StubFeed("remoteok-api.json");
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());

        #region Snippet:Sample2_AddProviderOfT
        services.AddFreelanceAggregator()
                .AddGigProviderHttpClient<RemoteOkOptions>(RemoteOkProvider.DefaultName)   // the named options and HttpClient its constructor asks for
                .AddProvider<RemoteOkProvider>();                                          // built from that constructor by dependency injection
        #endregion

        // The test's stand-in for remoteok.com.
        var testServer = _server.BaseAddress;
        services.Configure<RemoteOkOptions>(RemoteOkProvider.DefaultName, o => ProviderTestOptions.UseTestServer(o, testServer));

        await using var serviceProvider = services.BuildServiceProvider();
        var aggregator = serviceProvider.GetRequiredService<GigAggregator>();
        var result = await aggregator.SearchAllAsync(new GigQuery(), cancellationToken);

        var provider = Assert.IsType<RemoteOkProvider>(Assert.Single(aggregator.Providers));
        Assert.Equal(RemoteOkProvider.DefaultName, provider.Name);
        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        Assert.Equal(4, result.Gigs.Count);

        // Each dependency came from the container: the factory's named client and the named options reached the test
        // server, and the container's logger factory received the provider's own request log.
        Assert.Single(_server.Requests());
        var log = serviceProvider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(log, r => r.Category == typeof(RemoteOkProvider).FullName && r.Message == $"remoteok: GET {testServer}api");
    }
}

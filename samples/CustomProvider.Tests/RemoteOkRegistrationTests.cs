using FreelanceAggregator;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>The registration routes, and the mistakes a reader of the samples could make with them.</summary>
public sealed class RemoteOkRegistrationTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task AddRemoteOkTwiceRegistersOneProviderWithBothConfigurations()
    {
        await using var aggregator = GigAggregator.Create(b => b
            .AddRemoteOk(o => o.PushDownSkillAsTag = false)
            .AddRemoteOk(o => o.MaxRetries = 1));

        var provider = Assert.Single(aggregator.Providers);
        Assert.Equal("remoteok", provider.Name);
        Assert.Equal(GigFilters.None, provider.Capabilities.ServerSideFilters);
    }

    [Fact]
    public async Task AddRemoteOkUnderAnotherNameUsesThatNameForTheProviderAndItsOptions()
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = GigAggregator.Create(b => b
            .AddRemoteOk("remoteok-mirror", o => ProviderTestOptions.UseTestServer(o, _server.BaseAddress))
            .AddRemoteOk(o => o.BaseAddress = new Uri("https://remoteok.com/")));

        var result = await aggregator.SearchAllAsync(new GigQuery { Providers = ["remoteok-mirror"] }, TestContext.Current.CancellationToken);

        Assert.Equal(["remoteok", "remoteok-mirror"], aggregator.Providers.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, result.Gigs.Count);
        Assert.All(result.Gigs, g => Assert.Equal("remoteok-mirror", g.Provider));
    }

    [Fact]
    public void AddProviderOfTWithoutTheHttpClientFailsAtStartNamingWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddFreelanceAggregator().AddProvider<RemoteOkProvider>();
        using var serviceProvider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(serviceProvider.GetRequiredService<GigAggregator>);

        Assert.Contains("IHttpClientFactory", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RemoteOkProvider), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BothRoutesAtOnceAreTwoProvidersWithOneNameAndRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => GigAggregator.Create(b => b
            .AddRemoteOk()
            .AddProvider<RemoteOkProvider>()));

        Assert.Contains("Two providers are named 'remoteok'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultOptionsPointAtRemoteOkAndAreValid()
    {
        var services = new ServiceCollection();
        services.AddFreelanceAggregator().AddRemoteOk();
        using var serviceProvider = services.BuildServiceProvider();

        var options = serviceProvider.GetRequiredService<IOptionsMonitor<RemoteOkOptions>>().Get(RemoteOkProvider.DefaultName);

        Assert.Equal(new Uri("https://remoteok.com/"), options.BaseAddress);
        Assert.True(options.PushDownSkillAsTag);
        Assert.StartsWith("Contoso.FreelanceAggregator.Providers.RemoteOk/", options.UserAgent, StringComparison.Ordinal);
        Assert.NotNull(serviceProvider.GetRequiredService<GigAggregator>());
    }
}

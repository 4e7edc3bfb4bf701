using FreelanceAggregator.Providers;
using FreelanceAggregator.Testing;
using FreelanceAggregator.Tests.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Tests.DependencyInjection;

/// <summary>A provider's options come from configuration too, after the code's: a deployment can redirect a provider.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public ConfigurationTests()
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).RespondWith(Response.Create()
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"jobs":[{"id":"j1","title":"Logo for a bakery","path":"/jobs/j1"}]}"""));
    }

    [Fact]
    public void TheSectionIsNamedAfterTheProvider() =>
        Assert.Equal("FreelanceAggregator:Providers:fiverr", GigProviderOptions.ConfigurationSection("fiverr"));

    [Fact]
    public async Task TheAppsConfigurationSetsAProvidersOptionsAfterTheCode()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FreelanceAggregator:Providers:samplefeed:BaseAddress"] = _server.BaseAddress.AbsoluteUri,
            ["FreelanceAggregator:Providers:samplefeed:MaxPages"] = "1",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddFreelanceAggregator().AddSampleFeed(o => o.BaseAddress = new Uri("https://unreachable.example.invalid/"));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<GigAggregator>().SearchAllAsync(new GigQuery("logo"), Ct);

        Assert.Equal(["j1"], result.Gigs.Select(g => g.Id));
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(1, outcome.PageCount);
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task WithoutAHostTheEnvironmentSetsThem()
    {
        // A provider name of this test's own, so that no other test reads the variable while it is set.
        const string Name = "envfeed";
        var variable = "FreelanceAggregator__Providers__" + Name + "__BaseAddress";
        Environment.SetEnvironmentVariable(variable, _server.BaseAddress.AbsoluteUri);
        try
        {
            await using var aggregator = GigAggregator.Create(b => b.AddSampleFeed(name: Name));

            var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

            Assert.Equal(["j1"], result.Gigs.Select(g => g.Id));
            Assert.NotEmpty(_server.Requests());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    public void Dispose() => _server.Dispose();
}

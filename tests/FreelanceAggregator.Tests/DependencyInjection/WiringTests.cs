using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Tests.Aggregation;
using FreelanceAggregator.Tests.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Tests;

public sealed class WiringTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddFreelanceAggregatorIsIdempotentAndRegistersOneAggregator()
    {
        var services = new ServiceCollection();
        services.AddFreelanceAggregator().AddProvider<EmptyProvider>();
        services.AddFreelanceAggregator(o => o.Currency = "IDR").AddProvider<EmptyProvider>();
        await using var provider = services.BuildServiceProvider();

        var aggregator = provider.GetRequiredService<GigAggregator>();
        Assert.Same(aggregator, provider.GetRequiredService<GigAggregator>());
        Assert.Single(aggregator.Providers);
        Assert.Single(services, d => d.ServiceType == typeof(GigAggregator));
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);
        Assert.Equal(Currency.IDR, result.Currency);
    }

    [Fact]
    public async Task AddingAProviderTwiceRegistersItOnce()
    {
        await using var aggregator = GigAggregator.Create(b => b
            .AddSampleFeed()
            .AddSampleFeed(o => o.MaxPages = 3)
            .AddProvider(new ScriptedProvider("scripted", []))
            .AddProvider(new ScriptedProvider("scripted", [])));

        Assert.Equal(["samplefeed", "scripted"], aggregator.Providers.Select(p => p.Name));
    }

    [Fact]
    public void InvalidProviderOptionsFailAtCreationWithTheProviderAndTheNumbers()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddSampleFeed(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(40);
            o.RequestTimeout = TimeSpan.FromSeconds(30);
        })));

        Assert.Contains("AttemptTimeout (40s) exceeds RequestTimeout (30s) for provider 'samplefeed'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APageDelayThatCannotFitTheSearchTimeoutIsReported()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddSampleFeed(o =>
        {
            o.MaxPages = 10;
            o.PageDelay = TimeSpan.FromSeconds(5);
            o.SearchTimeout = TimeSpan.FromSeconds(30);
        })));

        Assert.Contains("10 × 5s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("30s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonHttpBaseAddressIsRejected()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddSampleFeed(o => o.BaseAddress = new Uri("ftp://mirror.example.org/"))));

        Assert.Contains("ftp://mirror.example.org/", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTargetCurrencyIsRejectedAtCreation()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddProvider<EmptyProvider>(), o => o.Currency = "RUPIAH"));

        Assert.Contains("'RUPIAH'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixedRatesAreUsedFirstAndTheSnapshotForTheRest()
    {
        await using var aggregator = GigAggregator.Create(
            b => b.AddProvider(new ScriptedProvider("p", [TestProviders.Job("p", "1", 5m, "USD"), TestProviders.Job("p", "2", 100m, "EUR")]))
                  .UseFixedExchangeRates(FixedExchangeRateProvider.Rate("USD", "IDR", 14_400m)),
            o => o.Currency = "IDR");

        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        Assert.Equal(new Money(72_000m, Currency.IDR), result.Gigs.Single(g => g.Id == "1").ConvertedBudget!.Min);
        Assert.StartsWith("ECB", result.Gigs.Single(g => g.Id == "2").ConvertedBudget!.Rate!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCreatedAggregatorOwnsAndDisposesItsServices()
    {
        var aggregator = GigAggregator.Create(b =>
        {
            b.Services.AddSingleton<DisposalProbe>();
            b.AddProvider("probe", sp => new ScriptedProvider("probe", [TestProviders.Job("probe", "1")]) { Tag = sp.GetRequiredService<DisposalProbe>() });
        });
        var probe = (DisposalProbe)((ScriptedProvider)Assert.Single(aggregator.Providers)).Tag!;
        Assert.False(probe.Disposed);

        await aggregator.DisposeAsync();
        Assert.True(probe.Disposed, "the service provider the aggregator created was not disposed with it");

        // A second dispose, of either kind, is harmless.
        aggregator.Dispose();
        await aggregator.DisposeAsync();
    }

    [Fact]
    public async Task AnAggregatorGivenItsProvidersDisposesNothingOfTheCallers()
    {
        using var services = new ServiceCollection().AddSingleton<DisposalProbe>().BuildServiceProvider();
        var probe = services.GetRequiredService<DisposalProbe>();

        await new GigAggregator([new ScriptedProvider("p", []) { Tag = probe }]).DisposeAsync();

        Assert.False(probe.Disposed);
    }

    private sealed class DisposalProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void TwoProvidersWithOneNameAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GigAggregator([new ScriptedProvider("same", []), new ScriptedProvider("SAME", [])]));
        Assert.Contains("'same'", ex.Message, StringComparison.Ordinal);
    }

    private sealed class EmptyProvider : GigProvider
    {
        public override string Name => "empty";

        public override ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(GigPage.Empty);
    }
}

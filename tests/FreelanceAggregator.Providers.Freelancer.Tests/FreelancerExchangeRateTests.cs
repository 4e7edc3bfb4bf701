using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Testing;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The rates Freelancer.com publishes on each project's currency, and when the aggregator uses them.</summary>
public sealed class FreelancerExchangeRateTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task AnIdrProjectIsConvertedToUsdWithTheSitesOwnRateWhenTheRateSourceLacksIdr()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        var clock = FreelancerTestAggregators.NewClock();
        var eurOnly = new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("EUR", "USD", 1.1367m));
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, time: clock, rates: eurOnly);
        var result = await aggregator.SearchAllAsync(new GigQuery { TargetCurrency = Currency.USD }, Ct);

        var logo = Assert.Single(result.Gigs, g => g.Id == "38412577");
        var converted = Assert.IsType<ConvertedBudget>(logo.ConvertedBudget);
        Assert.Equal(new Money(45.90m, Currency.USD), converted.Min);
        Assert.Equal(new Money(91.80m, Currency.USD), converted.Max);
        var rate = Assert.IsType<ExchangeRate>(converted.Rate);
        Assert.Equal(Currency.IDR, rate.From);
        Assert.Equal(Currency.USD, rate.To);
        Assert.Equal(0.0000612m, rate.Rate);
        Assert.Equal(new DateOnly(2026, 11, 23), rate.AsOf);
        Assert.Equal("Freelancer.com currency.exchange_rate", rate.Source);
        Assert.Equal(FreelancerProvider.ExchangeRateSource, rate.Source);

        var inr = Assert.Single(result.Gigs, g => g.Id == "31555987");
        Assert.Equal(new Money(509.10m, Currency.USD), inr.ConvertedBudget?.Min);
        Assert.Equal(new Money(1018.20m, Currency.USD), inr.ConvertedBudget?.Max);
        Assert.Equal(0.013576m, inr.ConvertedBudget?.Rate?.Rate);
    }

    [Fact]
    public async Task TheConfiguredRateSourceWinsWhereItKnowsTheCurrency()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery { TargetCurrency = Currency.USD }, Ct);

        var logo = Assert.Single(result.Gigs, g => g.Id == "38412577");
        Assert.StartsWith("ECB reference rate", logo.ConvertedBudget?.Rate?.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteRatesAlsoGiveIdrForAnIndonesianDisplay()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        var eurOnly = new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("EUR", "USD", 1.1367m));
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, time: FreelancerTestAggregators.NewClock(), rates: eurOnly);
        var result = await aggregator.SearchAllAsync(new GigQuery { TargetCurrency = Currency.IDR }, Ct);

        var magento = Assert.Single(result.Gigs, g => g.Id == "31556945");
        Assert.Equal(new Money(4_084_967.32m, Currency.IDR), magento.ConvertedBudget?.Min);
        Assert.Equal("Freelancer.com currency.exchange_rate", magento.ConvertedBudget?.Rate?.Source);

        // INR to IDR crosses through USD with two of the site's rates.
        var inr = Assert.Single(result.Gigs, g => g.Id == "31555987");
        Assert.Equal(Currency.IDR, inr.ConvertedBudget?.Currency);
        Assert.Equal(Math.Round(37_500m * 0.013576m / 0.0000612m, 2), inr.ConvertedBudget?.Min?.Amount);
    }
}

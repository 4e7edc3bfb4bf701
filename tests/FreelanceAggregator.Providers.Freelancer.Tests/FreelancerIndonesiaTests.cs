using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>Freelancer.co.id on its own and next to Freelancer.com.</summary>
public sealed class FreelancerIndonesiaTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ItAsksForIndonesianProjectsAndLinksToTheIndonesianSiteWhateverTheBaseAddress()
    {
        FreelancerTestAggregators.IndonesiaSite.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateIndonesia(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("desain"), Ct);

        Assert.Equal(2, _server.Queries().Count);
        Assert.All(_server.Queries(), q => Assert.Contains("languages[]=id&", q, StringComparison.Ordinal));
        var logo = Assert.Single(result.Gigs);
        Assert.Equal("freelancer.co.id", logo.Provider);
        Assert.Equal("38412577", logo.Id);
        Assert.Equal(new Uri("https://www.freelancer.co.id/projects/logo-design/Desain-logo-untuk-kedai-kopi"), logo.Url);
        Assert.Equal(Budget.Fixed(new Money(750_000m, Currency.IDR), new Money(1_500_000m, Currency.IDR)), logo.Budget);
    }

    [Fact]
    public async Task OwnerInfoGivesTheBuyerWhenUsersDoesNotAndAnUnratedBuyerHasNoRating()
    {
        FreelancerTestAggregators.IndonesiaSite.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateIndonesia(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var kasir = Assert.Single(result.Gigs, g => g.Id == "38412603");
        Assert.Equal(new Uri("https://www.freelancer.co.id/projects/android/Aplikasi-kasir-Android-untuk-toko-kelontong-38412603"), kasir.Url);
        Assert.Equal(Budget.Fixed(new Money(250m, Currency.USD), new Money(750m, Currency.USD)), kasir.Budget);
        Assert.Equal(new GigClient { Name = "Budi H.", Country = "ID", PaymentVerified = false, Rating = 4.5m, Reviews = 2 }, kasir.Client);

        var artikel = Assert.Single(result.Gigs, g => g.Id == "38412590");
        Assert.Equal(Budget.Hourly(new Money(50_000m, Currency.IDR), new Money(100_000m, Currency.IDR)), artikel.Budget);
        Assert.Equal(new GigClient { Name = "Dewi A.", Country = "ID", PaymentVerified = true, Rating = null, Reviews = 0 }, artikel.Client);
        Assert.Equal(["Article Writing", "SEO Writing"], artikel.Skills);

        // Page 2: a buyer in Singapore who has not been rated as an employer yet.
        var legal = Assert.Single(result.Gigs, g => g.Id == "38412625");
        Assert.Equal(new Uri("https://www.freelancer.co.id/projects/translation/Terjemahan-dokumen-legal-Inggris-ke-Indonesia"), legal.Url);
        Assert.Equal(Budget.Fixed(new Money(1_000_000m, Currency.IDR), new Money(2_500_000m, Currency.IDR)), legal.Budget);
        Assert.Equal(new GigClient { Name = "Daniel T.", Country = "SG", PaymentVerified = false, Rating = null, Reviews = 0 }, legal.Client);
    }

    [Fact]
    public async Task BothRegistrationsTogetherGiveEachProjectOnce()
    {
        FreelancerTestAggregators.IndonesiaSite.StubResults(_server.Server);
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateAggregator(b =>
        {
            FreelancerTestAggregators.Site.AddProvider(b, _server.BaseAddress);
            FreelancerTestAggregators.IndonesiaSite.AddProvider(b, _server.BaseAddress);
        });
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        // 9 projects from Freelancer.com and 5 from Freelancer.co.id, one of which (38412577) both list.
        Assert.Equal(13, result.Gigs.Count);
        Assert.Equal(result.Gigs.Count, result.Gigs.Select(g => g.Id).Distinct().Count());
        Assert.Single(result.Gigs, g => g.Id == "38412577");
        Assert.All(result.Outcomes, o => Assert.Equal(ProviderStatus.Succeeded, o.Status));
        Assert.All(result.Outcomes, o => Assert.Equal(2, o.PageCount));
        Assert.Equal(1, result.Outcomes.Sum(o => o.DuplicateCount));
        Assert.Equal(14, result.Outcomes.Sum(o => o.ReceivedCount));
        Assert.Contains(result.Gigs, g => g.Provider == "freelancer.co.id" && g.Url.Host == "www.freelancer.co.id");
        Assert.Contains(result.Gigs, g => g.Provider == "freelancer" && g.Url.Host == "www.freelancer.com");
    }

    [Fact]
    public async Task TheIndonesianDefaultsAreItsSiteLanguageAndDisplayCurrencyWithTheApiOnFreelancerCom()
    {
        var options = new FreelancerIndonesiaOptions();
        Assert.Equal(new Uri("https://www.freelancer.com/"), options.BaseAddress);
        Assert.Equal(new Uri("https://www.freelancer.co.id/"), options.PublicSite);
        Assert.Equal(["id"], options.Languages);
        Assert.Equal("IDR", options.DisplayCurrency);

        var com = new FreelancerOptions();
        Assert.Equal(new Uri("https://www.freelancer.com/"), com.PublicSite);
        Assert.Empty(com.Languages);
        Assert.Null(com.DisplayCurrency);
        Assert.Equal(100, com.PageSize);
        Assert.Null(com.OAuthToken);

        await using var aggregator = GigAggregator.Create(b => b.AddFreelancerIndonesia(o => o.DisplayCurrency = "SGD"));
        Assert.Equal(Currency.FromCode("SGD"), Assert.Single(aggregator.Providers).Capabilities.DisplayCurrency);
    }

    [Fact]
    public async Task AloneItShowsBudgetsInIdrWithoutAskingForACurrency()
    {
        FreelancerTestAggregators.IndonesiaSite.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateIndonesia(_server, FreelancerTestAggregators.NewClock());
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        Assert.Equal(Currency.IDR, result.Currency);
        var kasir = Assert.Single(result.Gigs, g => g.Id == "38412603");
        Assert.Equal(Currency.IDR, kasir.ConvertedBudget?.Currency);
        Assert.NotNull(kasir.ConvertedBudget?.Rate);
    }
}

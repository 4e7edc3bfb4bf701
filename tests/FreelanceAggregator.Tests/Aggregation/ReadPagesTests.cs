using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;
using static FreelanceAggregator.Tests.Aggregation.TestProviders;

namespace FreelanceAggregator.Tests.Aggregation;

/// <summary>Page-level reading and the public filter, for callers (a watch) that decide themselves when to stop.</summary>
public sealed class ReadPagesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task PagesComeCheckedAndConvertedButNotFiltered()
    {
        var provider = new ScriptedProvider("site", [Job("site", "a", budget: 5m), Job("site", "b", budget: 1_000m) with { Url = new Uri("javascript:alert(1)") }, Job("site", "c", budget: 10m)])
        {
            PageSize = 2,
            CapabilitiesOverride = new GigProviderCapabilities { Marketplace = "market" },
        };
        var aggregator = new GigAggregator([provider], exchangeRates: new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("USD", "IDR", 14_400m)));

        var pages = new List<GigSearchPage>();
        await foreach (var page in aggregator.ReadPagesAsync("site", GigQuery.Parse("zzz budget:>=1000000IDR currency:IDR"), cancellationToken: Ct))
        {
            pages.Add(page);
        }

        Assert.Equal(2, pages.Count);
        Assert.Equal(["a"], pages[0].Listings.Select(g => g.Id));
        Assert.Equal(new Money(72_000m, Currency.IDR), pages[0].Listings[0].ConvertedBudget!.Min);
        Assert.Equal(GigWarningKind.ListingSkipped, Assert.Single(pages[0].Warnings).Kind);
        Assert.Equal("2", pages[0].NextCursor);
        Assert.Equal(["c"], pages[1].Listings.Select(g => g.Id));
        Assert.Null(pages[1].NextCursor);
        Assert.All(pages, p => Assert.Equal("market", p.Marketplace));
    }

    [Fact]
    public async Task StoppingReadingStopsPaging()
    {
        var provider = new ScriptedProvider("site", Enumerable.Range(0, 50).Select(i => Job("site", $"{i}"))) { PageSize = 5 };
        var aggregator = new GigAggregator([provider]);

        await foreach (var page in aggregator.ReadPagesAsync("site", new GigQuery(), cancellationToken: Ct))
        {
            if (page.PageIndex == 1)
            {
                break;
            }
        }

        Assert.Equal(2, provider.PagesFetched);
    }

    [Fact]
    public async Task AnUnknownProviderIsRefusedWithTheRegisteredNames()
    {
        var aggregator = new GigAggregator([new ScriptedProvider("site", [])]);

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in aggregator.ReadPagesAsync("other", new GigQuery(), cancellationToken: Ct))
            {
            }
        });

        Assert.Contains("'other'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("site", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMatcherAppliesTheQueryAsASearchDoes()
    {
        var aggregator = new GigAggregator([], exchangeRates: new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("USD", "IDR", 14_400m)));
        var matcher = await aggregator.CreateMatcherAsync(GigQuery.Parse("logo budget:>=1000000IDR currency:USD"), Ct);
        static Gig Priced(string title, decimal usd) =>
            Job("p", title, budget: usd, title: title) with { ConvertedBudget = new ConvertedBudget(new Money(usd, "USD"), null, BudgetType.Fixed, null) };

        Assert.Equal(Currency.USD, matcher.Currency);
        Assert.True(matcher.Matches(Priced("Logo design", 100m)));
        Assert.Equal(GigFilters.Budget, matcher.FirstFailure(Priced("Logo design", 50m)));
        Assert.Equal(GigFilters.Keywords, matcher.FirstFailure(Priced("Banner", 100m)));
    }
}

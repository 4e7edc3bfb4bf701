using System.Diagnostics;
using FreelanceAggregator.Providers;
using static FreelanceAggregator.Tests.Aggregation.TestProviders;

namespace FreelanceAggregator.Tests.Aggregation;

/// <summary>The aggregator owns the page loop: the limit counts what passes, paging stops where it should and says why.</summary>
public sealed class PagingTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // Five listings a page, three pages: only "p1-4" (page 1, fifth) and "p2-2" (page 2, third) are from USD 1000.
    private static ScriptedProvider ThreePages(string name = "site") => new(
        name,
        Enumerable.Range(0, 15).Select(i => Job(name, $"p{i / 5}-{i % 5}", budget: i is 4 or 7 ? 1_000m : 50m, title: $"Automation job {i}")))
    {
        PageSize = 5,
    };

    [Fact]
    public async Task ALimitCountsListingsThatPassTheFiltersNotListingsReceived()
    {
        var provider = ThreePages();

        var result = await new GigAggregator([provider]).SearchAllAsync(GigQuery.Parse("automation budget:>=900USD limit:2"), Ct);

        Assert.Equal(["p0-4", "p1-2"], result.Gigs.Select(g => g.Id));
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(2, outcome.PageCount);
        Assert.Equal(10, outcome.ReceivedCount);

        // The listings after the second match were received but not looked at: the limit had been met.
        Assert.Equal(6, outcome.FilteredOutCount);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public async Task PagingStopsOnceTheLimitHasPassed()
    {
        var provider = ThreePages();

        var result = await new GigAggregator([provider]).SearchAllAsync(GigQuery.Parse("automation limit:3"), Ct);

        Assert.Equal(["p0-0", "p0-1", "p0-2"], result.Gigs.Select(g => g.Id));
        Assert.Equal(1, provider.PagesFetched);
    }

    [Fact]
    public async Task ReadingEveryPageWithoutEnoughMatchesSucceedsWithoutAWarning()
    {
        var provider = ThreePages();

        var result = await new GigAggregator([provider]).SearchAllAsync(GigQuery.Parse("automation budget:>=900USD limit:5"), Ct);

        Assert.Equal(2, result.Gigs.Count);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(3, outcome.PageCount);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public async Task MaxPagesEndsPagingWithAWarningThatMoreMayMatch()
    {
        var provider = new ScriptedProvider("site", Enumerable.Range(0, 15).Select(i => Job("site", $"x{i}", budget: 50m))) { PageSize = 5, MaxPagesOverride = 2 };

        var result = await new GigAggregator([provider]).SearchAllAsync(GigQuery.Parse("budget:>=900USD limit:1"), Ct);

        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(2, outcome.PageCount);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(GigWarningKind.PagingStopped, warning.Kind);
        Assert.Contains("2 pages (MaxPages)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, provider.PagesFetched);
    }

    [Fact]
    public async Task APageThatRepeatsOnlyEarlierListingsEndsPagingAndCountsThemAsDuplicates()
    {
        var provider = new ScriptedProvider("site", Enumerable.Range(0, 15).Select(i => Job("site", $"r{i}"))) { PageSize = 5, RepeatFirstPageAt = 2 };

        var result = await new GigAggregator([provider]).SearchAllAsync(new GigQuery(), Ct);

        Assert.Equal(5, result.Gigs.Count);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(2, outcome.PageCount);
        Assert.Equal(5, outcome.DuplicateCount);
        Assert.Equal(GigWarningKind.PagingStopped, Assert.Single(outcome.Warnings).Kind);
    }

    [Fact]
    public async Task AListingRepeatedOnALaterPageComesOnceAndDoesNotCountTowardsTheLimit()
    {
        var gigs = new[] { Job("site", "a"), Job("site", "b"), Job("site", "a"), Job("site", "c") };
        var provider = new ScriptedProvider("site", gigs) { PageSize = 2 };

        var result = await new GigAggregator([provider]).SearchAllAsync(new GigQuery { Limit = 3 }, Ct);

        Assert.Equal(["a", "b", "c"], result.Gigs.Select(g => g.Id));
        Assert.Equal(1, Assert.Single(result.Outcomes).DuplicateCount);
    }

    [Fact]
    public async Task TheSiteIsAskedForJustTheLimitOnlyWhenItAppliesEveryFilterItself()
    {
        var pushesEverything = new ScriptedProvider("all", [Job("all", "1")]) { CapabilitiesOverride = new GigProviderCapabilities { ServerSideFilters = GigFilters.Keywords | GigFilters.PostedWithin } };
        var pushesKeywords = new ScriptedProvider("words", [Job("words", "1")]) { CapabilitiesOverride = new GigProviderCapabilities { ServerSideFilters = GigFilters.Keywords } };
        var aggregator = new GigAggregator([pushesEverything, pushesKeywords]);

        await aggregator.SearchAllAsync(GigQuery.Parse("job posted:<2d limit:7"), Ct);

        Assert.Equal(7, Assert.Single(pushesEverything.Requests).PageSize);
        Assert.Null(Assert.Single(pushesKeywords.Requests).PageSize);
    }

    [Fact]
    public async Task EachRequestCarriesTheCursorThePreviousPageGaveAndTheResolvedCurrency()
    {
        var provider = ThreePages();

        await new GigAggregator([provider]).SearchAllAsync(GigQuery.Parse("automation currency:IDR"), Ct);

        Assert.Equal([null, "5", "10"], provider.Requests.Select(r => r.Cursor));
        Assert.Equal([0, 1, 2], provider.Requests.Select(r => r.PageIndex));
        Assert.All(provider.Requests, r => Assert.Equal(Currency.IDR, r.Query.TargetCurrency));
    }

    [Fact]
    public async Task TheProvidersPageDelayIsKeptBetweenPagesButNotBeforeTheFirst()
    {
        var provider = new ScriptedProvider("polite", Enumerable.Range(0, 3).Select(i => Job("polite", $"{i}"))) { PageDelayOverride = TimeSpan.FromMilliseconds(150) };
        var clock = Stopwatch.StartNew();

        var result = await new GigAggregator([provider]).SearchAllAsync(new GigQuery(), Ct);

        Assert.Equal(3, result.Gigs.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"three pages took {clock.ElapsedMilliseconds} ms, less than the two 150 ms pauses between them");
    }

    [Fact]
    public async Task ARateASitePublishesOnPageTwoConvertsThatPagesBudgets()
    {
        // The embedded ECB snapshot has no rate for the Vietnamese dong; the site publishes one with its second page.
        var gigs = new[] { Job("site", "usd", budget: 10m), Job("site", "vnd", budget: 2_500_000m, currency: "VND") };
        var rate = new ExchangeRate(Currency.FromCode("VND"), Currency.USD, 0.00004m, new DateOnly(2026, 11, 20), "the site");
        var provider = new ScriptedProvider("site", gigs) { RatesAt = new Dictionary<int, IReadOnlyList<ExchangeRate>> { [1] = [rate] } };

        var result = await new GigAggregator([provider]).SearchAllAsync(GigQuery.Parse("currency:USD"), Ct);

        var vnd = Assert.Single(result.Gigs, g => g.Id == "vnd");
        Assert.Equal(new Money(100m, "USD"), vnd.ConvertedBudget!.Min);
        Assert.Equal("the site", vnd.ConvertedBudget.Rate!.Source);
    }

    [Fact]
    public async Task AProviderUsedAloneStillPagesAndGivesEachListingOnceUpToTheLimit()
    {
        var provider = new ScriptedProvider("site", [Job("site", "a"), Job("site", "b"), Job("site", "a"), Job("site", "c"), Job("site", "d")]) { PageSize = 2 };

        var ids = new List<string>();
        await foreach (var gig in provider.SearchAsync(new GigQuery { Limit = 3 }, Ct))
        {
            ids.Add(gig.Id);
        }

        Assert.Equal(["a", "b", "c"], ids);
        Assert.Equal(2, provider.PagesFetched);
    }

    [Fact]
    public async Task GetPagesAsyncResumesFromACursor()
    {
        var provider = ThreePages();

        var pages = new List<GigPage>();
        await foreach (var page in provider.GetPagesAsync(new GigQuery(), cursor: "10", cancellationToken: Ct))
        {
            pages.Add(page);
        }

        var only = Assert.Single(pages);
        Assert.True(only.IsLastPage);
        Assert.Equal("p2-0", only.Listings[0].Id);
    }
}

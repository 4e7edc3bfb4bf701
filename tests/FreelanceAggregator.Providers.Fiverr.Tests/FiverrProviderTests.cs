using System.Net;
using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>What a user of the Fiverr provider sees: the values of real gigs, paging, the promoted-gigs option, and failures.</summary>
public sealed class FiverrProviderTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();
    private readonly FiverrTestSite _site = new();

    public void Dispose() => _server.Dispose();

    private GigAggregator CreateAggregator(Action<FiverrOptions>? configure = null) =>
        GigAggregator.Create(b => FiverrTestSite.AddFiverr(b, _server.BaseAddress, configure));

    private async Task<GigSearchResult> SearchAsync(GigQuery query, Action<FiverrOptions>? configure = null)
    {
        await using var aggregator = CreateAggregator(configure);
        return await aggregator.SearchAllAsync(query, TestContext.Current.CancellationToken);
    }

    // The provider used alone, before the aggregator applies the query's filters again: Fiverr matches words loosely
    // ("develop" for "development"), so the aggregator keeps fewer of its gigs than the page shows.
    private async Task<List<Gig>> SearchProviderAsync(GigQuery query, Action<FiverrOptions>? configure = null)
    {
        await using var aggregator = CreateAggregator(configure);
        var provider = Assert.Single(aggregator.Providers);
        var gigs = new List<Gig>();
        await foreach (var gig in provider.SearchAsync(query with { TargetCurrency = Currency.USD }, TestContext.Current.CancellationToken))
        {
            gigs.Add(gig);
        }

        return gigs;
    }

    // One page, as the provider reads it: no paging, no filters, no de-duplication across pages.
    private async Task<GigPage> FetchPageAsync(GigQuery query, string? cursor = null, Action<FiverrOptions>? configure = null)
    {
        await using var aggregator = CreateAggregator(configure);
        var provider = Assert.Single(aggregator.Providers);
        return await provider.FetchPageAsync(new GigPageRequest(query with { TargetCurrency = Currency.USD }) { Cursor = cursor }, TestContext.Current.CancellationToken);
    }

    private static ProviderOutcome Succeeded(GigSearchResult result)
    {
        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        return outcome;
    }

    [Fact]
    public async Task APromotedGigHasTheValuesTheCardShows()
    {
        _site.StubPages(_server.Server, "search-page1.html");
        var result = await SearchAsync(new GigQuery("website") { Limit = 6 });
        Succeeded(result);
        Assert.Equal(6, result.Gigs.Count);

        var gig = result.Gigs.Single(g => g.Id == "384419107");
        Assert.Equal("fiverr", gig.Provider);
        Assert.Equal(GigKind.Service, gig.Kind);
        Assert.Equal("I will build custom website as full stack website developer, website development", gig.Title);
        Assert.Equal(new Uri("https://www.fiverr.com/code_minds/rebuild-website-development-website-builder-full-stack-front-end-web-developer"), gig.Url);
        Assert.Null(gig.Description);
        Assert.NotNull(gig.Budget);
        Assert.Equal(new Money(100m, Currency.USD), gig.Budget.Min);
        Assert.Null(gig.Budget.Max);
        Assert.Equal(BudgetType.Fixed, gig.Budget.Type);
        Assert.Equal(new Money(100m, Currency.USD), gig.ConvertedBudget?.Min);
        Assert.Null(gig.PostedAt);
        Assert.Null(gig.Proposals);
        Assert.Null(gig.Client);
        Assert.Equal(["html_css", "javascript", "php", "typescript", "react"], gig.Skills);
        Assert.Equal(new GigSeller { Name = "Sahinur", Username = "code_minds", Level = "Top Rated", Rating = 5m, Reviews = 618, Country = "BD" }, gig.Seller);
        Assert.Equal(true, gig.Extra["promoted"]);
        Assert.Equal(false, gig.Extra["pro"]);
        Assert.Equal(false, gig.Extra["fiverrChoice"]);
        Assert.Equal(3, gig.Extra["deliveryDays"]);
        Assert.Equal(3, gig.Extra["packageCount"]);
        Assert.Equal(5m, gig.Extra["sellerRating"]);
        Assert.Equal(619, gig.Extra["sellerReviews"]);
        Assert.Equal("https://www.fiverr.com/code_minds", gig.Extra["sellerUrl"]);
        Assert.Equal(true, gig.Extra["sellerOnline"]);
        Assert.Equal(0, gig.Extra["position"]);
        Assert.Equal("https://fiverr-res.cloudinary.com/t_main1,q_auto,f_auto/gigs/384419107/original/93994d2db348da052e7af6321c84f12bee2b4dd6.png", gig.Extra["imageUrl"]);
        Assert.Equal(10, gig.Extra["categoryId"]);
        Assert.Equal(514, gig.Extra["subCategoryId"]);
        Assert.Equal(2617, gig.Extra["nestedSubCategoryId"]);
        Assert.False(gig.Extra.ContainsKey("agency"));
    }

    [Fact]
    public async Task AProGigOfAnAgencyHasTheValuesTheCardShows()
    {
        _site.StubPages(_server.Server, "search-page1.html");
        var gigs = await SearchProviderAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 6 });

        var gig = gigs.Single(g => g.Id == "155121960");
        Assert.Equal("I will do custom website development using laravel", gig.Title);
        Assert.Equal(new Uri("https://www.fiverr.com/gisdataanalysis/do-web-development-using-laravel"), gig.Url);
        Assert.Equal(Budget.Fixed(new Money(900m, Currency.USD)), gig.Budget);
        Assert.Equal(["html_css", "javascript", "php", "jquery", "vue_js"], gig.Skills);
        Assert.Equal(new GigSeller { Name = "DevioTech", Username = "gisdataanalysis", Level = "Level 2", Rating = 4.8m, Reviews = 112, Country = "PK" }, gig.Seller);
        Assert.Equal(true, gig.Extra["pro"]);
        Assert.Equal(false, gig.Extra["promoted"]);
        Assert.Equal(14, gig.Extra["deliveryDays"]);
        Assert.Equal(4.9099097m, gig.Extra["sellerRating"]);
        Assert.Equal(443, gig.Extra["sellerReviews"]);
        Assert.Equal(false, gig.Extra["sellerOnline"]);
        Assert.Equal("DEVIOTECH", gig.Extra["agency"]);
        Assert.Equal(4, gig.Extra["position"]);
    }

    [Fact]
    public async Task AnOrganicGigHasTheValuesTheCardShows()
    {
        _site.StubPages(_server.Server, "search-page1.html");
        var gigs = await SearchProviderAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 6 });

        var gig = gigs.Single(g => g.Id == "431643922");
        Assert.Equal("I will design and develop a custom wordpress website for your business", gig.Title);
        Assert.Equal(new Uri("https://www.fiverr.com/ayazparacha1/design-and-develop-a-custom-wordpress-website-for-your-business"), gig.Url);
        Assert.Equal(Budget.Fixed(new Money(110m, Currency.USD)), gig.Budget);
        Assert.Empty(gig.Skills); // its metadata names website features and plugins, no programming language
        Assert.Equal(new GigSeller { Name = "Ayaz Paracha", Username = "ayazparacha1", Level = "Level 2", Rating = 5m, Reviews = 51, Country = "PK" }, gig.Seller);
        Assert.Equal(false, gig.Extra["promoted"]);
        Assert.Equal(false, gig.Extra["pro"]);
        Assert.Equal(3, gig.Extra["deliveryDays"]);
        Assert.Equal(2609, gig.Extra["nestedSubCategoryId"]);
    }

    [Fact]
    public async Task ANewSellersGigSaysNewAndTrimsTheName()
    {
        _site.StubPages(_server.Server, "search-page1.html");
        var gigs = await SearchProviderAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 6 });

        var gig = gigs.Single(g => g.Id == "402233119");
        Assert.Equal("I will do odoo website development, customization, and API integration", gig.Title);
        Assert.Equal(Budget.Fixed(new Money(80m, Currency.USD)), gig.Budget);
        Assert.Equal(["python", "javascript"], gig.Skills);
        Assert.Equal(new GigSeller { Name = "Haider", Username = "haider_odoo", Level = "New", Rating = 5m, Reviews = 3, Country = "PK" }, gig.Seller);
        Assert.Equal(2, gig.Extra["deliveryDays"]);
    }

    [Fact]
    public async Task AGigShownAsAnAdAndOrganicallyIsReturnedOnceAsOrganic()
    {
        _site.StubPages(_server.Server, "search-page1.html");
        var page = await FetchPageAsync(new GigQuery(FiverrTestSite.SearchText));

        // Page order: the ad at position 1 gives way to the same gig's organic entry at position 5.
        Assert.Equal(["384419107", "409876543", "155121960", "414925957", "431643922", "402233119"], page.Listings.Select(g => g.Id));
        var gig = Assert.Single(page.Listings, g => g.Id == "414925957");
        Assert.Equal(false, gig.Extra["promoted"]);
        Assert.Equal(5, gig.Extra["position"]);
        Assert.Equal(4, gig.Extra["deliveryDays"]);
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public async Task PromotedGigsAreMarkedAndTheOptionLeavesThemOut()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-page2.html");

        var all = await SearchProviderAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 100 });
        Assert.Equal(["384419107", "409876543", "398877665"], all.Where(g => g.Extra["promoted"] is true).Select(g => g.Id));

        var organic = await SearchProviderAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 100 }, o => o.IncludePromotedGigs = false);
        Assert.Equal(["155121960", "414925957", "431643922", "402233119", "420011223", "388800112"], organic.Select(g => g.Id));
        Assert.All(organic, g => Assert.Equal(false, g.Extra["promoted"]));
    }

    [Fact]
    public async Task LeavingAdsOutOfAPageStillLeadsToTheNextPage()
    {
        _site.StubPages(_server.Server, "search-page1.html");
        var page = await FetchPageAsync(new GigQuery(FiverrTestSite.SearchText), configure: o => o.IncludePromotedGigs = false);

        Assert.Equal(["155121960", "414925957", "431643922", "402233119"], page.Listings.Select(g => g.Id));
        Assert.Equal("2", page.NextCursor);
        Assert.Equal(60, page.TotalCount);
    }

    [Fact]
    public async Task PagesAreFetchedWithPageNumbersUntilTheTotalIsReached()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-page2.html", "search-page2.html");
        var gigs = await SearchProviderAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 100 });

        // 48 a page and 60 in all: page 2 is the last, and page 3 is never asked for.
        Assert.Equal(
            ["?query=custom%20website%20development", "?query=custom%20website%20development&page=2"],
            _server.Requests().Select(u => u.Query));
        Assert.Equal(["384419107", "409876543", "155121960", "414925957", "431643922", "402233119", "398877665", "420011223", "388800112"], gigs.Select(g => g.Id));
    }

    [Fact]
    public async Task EachPageSaysWhereTheNextIsAndWhatAnsweredIt()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-page2.html");
        await using var aggregator = CreateAggregator();
        var provider = Assert.Single(aggregator.Providers);
        var pages = new List<GigPage>();
        await foreach (var page in provider.GetPagesAsync(new GigQuery(FiverrTestSite.SearchText), cancellationToken: TestContext.Current.CancellationToken))
        {
            pages.Add(page);
        }

        // Page 1 of 60 at 48 a page leads to page 2; page 2 holds the rest (and says has_more: false).
        Assert.Equal(["2", null], pages.Select(p => p.NextCursor));
        Assert.Equal([60L, 60L], pages.Select(p => p.TotalCount));
        Assert.Equal([6, 4], pages.Select(p => p.Listings.Count));
        Assert.Equal(_server.Requests(), pages.Select(p => p.RequestUri));
    }

    [Fact]
    public async Task ACursorResumesAtItsPage()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-page2.html");
        var page = await FetchPageAsync(new GigQuery(FiverrTestSite.SearchText), cursor: "2");

        Assert.Equal("?query=custom%20website%20development&page=2", Assert.Single(_server.Requests()).Query);
        Assert.Equal(["398877665", "431643922", "420011223", "388800112"], page.Listings.Select(g => g.Id));
        Assert.True(page.IsLastPage);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("2.0")]
    [InlineData(" 2")]
    public async Task ACursorThatIsNotAPageNumberIsRefusedNamingIt(string cursor)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => FetchPageAsync(new GigQuery(FiverrTestSite.SearchText), cursor));

        Assert.Contains($"'{cursor}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests());
    }

    [Fact]
    public async Task AGigOfAnEarlierPageIsReturnedOnceByTheAggregator()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-page2.html");
        var result = await SearchAsync(new GigQuery("website") { Limit = 100 });

        // Page 2 repeats 431643922 of page 1; the provider reads each page as it is, and the aggregator keeps it once.
        var outcome = Succeeded(result);
        Assert.Single(result.Gigs, g => g.Id == "431643922");
        Assert.Equal(1, outcome.DuplicateCount);
        Assert.Equal(10, outcome.ReceivedCount);
        Assert.Equal(2, outcome.PageCount);
        var gig = result.Gigs.Single(g => g.Id == "388800112");
        Assert.Equal(new GigSeller { Name = "Ada", Username = "ada_builds", Level = "New", Rating = null, Reviews = 0, Country = "NG" }, gig.Seller);
        Assert.False(gig.Extra.ContainsKey("sellerRating"));
        Assert.Equal("ID", result.Gigs.Single(g => g.Id == "420011223").Seller?.Country);

        Assert.Contains(
            (await FetchPageAsync(new GigQuery("website"), cursor: "2")).Listings,
            g => g.Id == "431643922");
    }

    [Fact]
    public async Task TheAggregatorStopsAtTheLimitWithoutAskingForMorePages()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-page2.html");
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 3 });

        var outcome = Succeeded(result);
        Assert.Equal(["384419107", "409876543", "155121960"], result.Gigs.Select(g => g.Id));
        Assert.Single(_server.Requests());
        Assert.Equal(1, outcome.PageCount);
    }

    [Fact]
    public async Task TheLimitCountsGigsThatPassTheFiltersSoTheAggregatorReadsOn()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-page2.html");
        var result = await SearchAsync(GigQuery.Parse("website budget:<=50USD limit:2"));

        // Page 1's six gigs are all above USD 50: the two that pass are on page 2.
        var outcome = Succeeded(result);
        Assert.Equal(["420011223", "388800112"], result.Gigs.Select(g => g.Id));
        Assert.Equal(2, _server.Requests().Count);
        Assert.Equal(2, outcome.PageCount);
    }

    [Fact]
    public async Task PagingStopsAtAnEmptyPage()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-no-results.html", "search-page2.html");
        var result = await SearchAsync(new GigQuery("website") { Limit = 100 });

        var outcome = Succeeded(result);
        Assert.Equal(6, result.Gigs.Count);
        Assert.Equal(2, _server.Requests().Count);
        Assert.Equal(2, outcome.PageCount);
        Assert.DoesNotContain(outcome.Warnings, w => w.Kind == GigWarningKind.PagingStopped);
    }

    [Fact]
    public async Task PagingStopsWithAWarningWhenFiverrRepeatsAPage()
    {
        // Fiverr answers every page number with page 1, whose total says many more pages follow: the provider asks for
        // page 2 as the total allows, and the aggregator stops at the page of repeats rather than read to MaxPages.
        var repeated = _site.EditData("search-page1.html", root => root["appData"]!["pagination"]!["total"] = 100_000);
        _server.Server.Given(_site.SearchRequest()).RespondWith(_site.AnswerWith(repeated));
        var result = await SearchAsync(new GigQuery("website") { Limit = 100 });

        var outcome = Succeeded(result);
        Assert.Equal(6, result.Gigs.Count);
        Assert.Equal(2, _server.Requests().Count);
        Assert.Equal(6, outcome.DuplicateCount);
        Assert.Equal(GigWarningKind.PagingStopped, Assert.Single(outcome.Warnings).Kind);
    }

    [Fact]
    public async Task PagingStopsAtMaxPagesWithAWarning()
    {
        _site.StubPages(_server.Server, "search-page1.html", "search-page2.html");
        var result = await SearchAsync(new GigQuery("website") { Limit = 100 }, o => o.MaxPages = 1);

        var outcome = Succeeded(result);
        Assert.Equal(6, result.Gigs.Count);
        Assert.Single(_server.Requests());
        Assert.Equal(GigWarningKind.PagingStopped, Assert.Single(outcome.Warnings).Kind);
    }

    [Theory]
    [InlineData(GigSort.BudgetLowest, "&sort_by=price_asc")]
    [InlineData(GigSort.BudgetHighest, "&sort_by=price_desc")]
    [InlineData(GigSort.Newest, "&sort_by=new")]
    public async Task ABudgetOrDateOrderIsAskedOfFiverr(GigSort sort, string expected)
    {
        _site.StubPage(_server.Server, "search-no-results.html");
        await SearchAsync(new GigQuery("logo design") { Sort = sort });

        Assert.Equal("?query=logo%20design" + expected, Assert.Single(_server.Requests()).Query);
    }

    [Fact]
    public async Task RequestsCarryABrowsersHeaders()
    {
        _site.StubPage(_server.Server, "search-no-results.html");
        await SearchAsync(new GigQuery("logo design"));

        var headers = Assert.Single(_server.Server.LogEntries).RequestMessage.Headers!;
        Assert.Equal(FiverrOptions.DefaultUserAgent, string.Join(' ', headers["User-Agent"]));
        Assert.StartsWith("text/html,", string.Join(',', headers["Accept"]), StringComparison.Ordinal);
        Assert.Equal("en-US,en;q=0.5", string.Join(',', headers["Accept-Language"]));
    }

    [Fact]
    public async Task TheHeadersCanBeChanged()
    {
        _site.StubPage(_server.Server, "search-no-results.html");
        await SearchAsync(new GigQuery("logo design"), o =>
        {
            o.UserAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
            o.AcceptLanguage = "id-ID,id;q=0.9";
        });

        var headers = Assert.Single(_server.Server.LogEntries).RequestMessage.Headers!;
        Assert.Contains("Safari/605.1.15", string.Join(' ', headers["User-Agent"]), StringComparison.Ordinal);
        Assert.Equal("id-ID,id;q=0.9", string.Join(',', headers["Accept-Language"]));
    }

    [Fact]
    public async Task WithoutAUserAgentOptionTheBrowserOneIsStillSent()
    {
        _site.StubPage(_server.Server, "search-no-results.html");
        await SearchAsync(new GigQuery("logo design"), o => o.UserAgent = null);

        var headers = Assert.Single(_server.Server.LogEntries).RequestMessage.Headers!;
        Assert.Equal(FiverrOptions.DefaultUserAgent, string.Join(' ', headers["User-Agent"]));
    }

    [Fact]
    public async Task ABlockPageWithStatus403IsReportedAsBlocked()
    {
        _site.StubPage(_server.Server, "blocked-perimeterx.html", status: 403);
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText));

        AssertFailed(result, GigProviderFailure.Blocked, "blocked by Fiverr's bot protection", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheOlderBlockPageIsReportedAsBlockedWhateverItsStatus()
    {
        _site.StubPage(_server.Server, "blocked-one-small-step.html", status: 200);
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText));

        AssertFailed(result, GigProviderFailure.Blocked, "blocked by Fiverr's bot protection", HttpStatusCode.OK);
    }

    [Fact]
    public async Task ABare403IsReportedAsBlocked()
    {
        _server.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(403));
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText));

        AssertFailed(result, GigProviderFailure.Blocked, "blocked by Fiverr's bot protection", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherBotWallInFrontOfFiverrIsBlockedAndNamed()
    {
        // Made up: a Cloudflare challenge (its title and challenge-platform script, as PageChecks knows them) answering
        // for the search page. Fiverr itself is behind PerimeterX; this stands for a CDN or proxy in between.
        _server.Server.Given(_site.SearchRequest()).RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "text/html; charset=utf-8")
            .WithBody("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>"));
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText));

        AssertFailed(result, GigProviderFailure.Blocked, "a Cloudflare challenge answered instead of Fiverr's search page", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ALoginPageIsReportedAsLoginRequired()
    {
        // Made up: Fiverr's search needs no account, so no real login answer was captured; this is the shape any login
        // form has (a password field) where the search page should be.
        _server.Server.Given(_site.SearchRequest()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=utf-8")
            .WithBody("<!DOCTYPE html><html><head><title>Sign In | Fiverr</title></head><body><form method=\"post\"><input name=\"username\"><input type=\"password\" name=\"password\"><button>Continue</button></form></body></html>"));
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText));

        AssertFailed(result, GigProviderFailure.LoginRequired, "the site answered with a login page (titled 'Sign In | Fiverr')", HttpStatusCode.OK);
    }

    [Fact]
    public async Task APageWithoutTheDataScriptIsReportedAsChanged()
    {
        _site.StubPage(_server.Server, "missing-script.html");
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText));

        AssertFailed(result, GigProviderFailure.InvalidResponse, "the page no longer holds the search data", HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnEmptyAppShellIsReportedAsNeedingJavaScript()
    {
        _site.StubPage(_server.Server, "app-shell.html");
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText));

        AssertFailed(result, GigProviderFailure.JavaScriptRequired, "the page no longer holds the search data", HttpStatusCode.OK);
    }

    [Fact]
    public async Task SearchDataOfAnotherShapeIsReportedNamingWhatIsMissing()
    {
        _site.StubPage(_server.Server, "wrong-shape.html");
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText));

        AssertFailed(result, GigProviderFailure.InvalidResponse, "listings[0].gigs is missing", HttpStatusCode.OK);
    }

    [Fact]
    public async Task ABlockOnALaterPageKeepsTheEarlierGigsAndFails()
    {
        _site.StubPages(_server.Server, "search-page1.html", "blocked-perimeterx.html");
        await using var aggregator = CreateAggregator();
        var gigs = new List<Gig>();
        var outcomes = new List<ProviderOutcome>();
        await foreach (var gig in aggregator.SearchAsync(new GigQuery("website") { Limit = 100 }, new SyncProgress(outcomes), TestContext.Current.CancellationToken))
        {
            gigs.Add(gig);
        }

        Assert.Equal(6, gigs.Count);
        var outcome = Assert.Single(outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("page=2", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableGigsAreSkippedWithAWarningNamingWhatTheyLack()
    {
        _site.StubPage(_server.Server, "search-malformed-gigs.html");
        var result = await SearchAsync(new GigQuery("website") { Limit = 10 }, o => o.MaxPages = 1);

        var outcome = Succeeded(result);
        var gig = Assert.Single(result.Gigs);
        Assert.Equal("431643922", gig.Id);
        Assert.Null(gig.Budget); // the page names no currency, and a currency is never guessed
        Assert.Equal(
            [
                (GigWarningKind.ListingSkipped, "402233119", "title"),
                (GigWarningKind.ListingSkipped, "409876543", "url"),
                (GigWarningKind.ListingSkipped, "420011223", "url"), // a gig_url on another host
                (GigWarningKind.ListingSkipped, null, "id"),
                (GigWarningKind.ListingSkipped, null, null), // a null entry
                (GigWarningKind.ValueUnreadable, null, "budget"), // no currency on the page
                (GigWarningKind.PagingStopped, null, null), // the aggregator's: MaxPages is 1 and the page says there is more
            ],
            outcome.Warnings.Select(w => (w.Kind, w.ListingId, w.Field)));
        Assert.All(outcome.Warnings, w => Assert.StartsWith("fiverr: ", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAggregatorKeepsOnlyTheGigsThatHaveEveryWord()
    {
        _site.StubPages(_server.Server, "search-page1.html");
        var result = await SearchAsync(new GigQuery(FiverrTestSite.SearchText) { Limit = 5 });

        // The limit counts gigs that pass, and the fifth to pass is page 1's last, so page 2 is not asked for.
        // The aggregator filters Fiverr's results again, the same way as every site's: "development" also matches
        // "develop" by its stem, but the gig that never mentions developing at all is left out.
        var outcome = Succeeded(result);
        Assert.Equal(["384419107", "409876543", "155121960", "431643922", "402233119"], result.Gigs.Select(g => g.Id));
        Assert.Equal(6, outcome.ReceivedCount);
        Assert.Equal(1, outcome.FilteredOutCount);
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task AQueryWithoutWordsSkipsFiverrAndSaysWhy()
    {
        var result = await SearchAsync(new GigQuery { MinRating = 4m });

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Skipped, outcome.Status);
        Assert.Equal("fiverr cannot search without keywords or skills; add some to include fiverr.", outcome.Message);
        Assert.Empty(_server.Requests());
    }

    [Fact]
    public async Task AQueryOfSkillsOnlySearchesForTheSkills()
    {
        _site.StubPage(_server.Server, "search-no-results.html");
        await SearchAsync(new GigQuery { Skills = ["laravel"] });

        Assert.Equal("?query=laravel", Assert.Single(_server.Requests()).Query);
    }

    private void AssertFailed(GigSearchResult result, GigProviderFailure failure, string problem, HttpStatusCode status)
    {
        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(failure, outcome.Failure);
        Assert.Equal(status, outcome.StatusCode);
        Assert.NotNull(outcome.Message);
        Assert.Contains(problem, outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + "/search/gigs?query=custom%20website%20development", outcome.Message, StringComparison.Ordinal);
        Assert.StartsWith("fiverr: ", outcome.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(List<ProviderOutcome> outcomes) : IProgress<GigSearchProgress>
    {
        public void Report(GigSearchProgress value)
        {
            if (value.Outcome is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }
    }
}

using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>What a user of Freelancer.com sees: exact values, the request, paging, the site's rates, and its errors.</summary>
public sealed class FreelancerProviderTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task AUsdFixedProjectKeepsEveryValueTheSiteGave()
    {
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var gig = Assert.Single(result.Gigs, g => g.Id == "31556945");
        Assert.Equal("freelancer", gig.Provider);
        Assert.Equal(GigKind.Job, gig.Kind);
        Assert.Equal("Magento 2 Infinite Scroll on Category pages", gig.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/magento/Magento-Infinite-Scroll-Category-pages"), gig.Url);
        Assert.Equal("Magento 2 Infinite Scroll on Category pages", gig.Description);
        Assert.Equal(Budget.Fixed(new Money(250m, Currency.USD), new Money(750m, Currency.USD)), gig.Budget);
        Assert.Equal(new DateTimeOffset(2021, 9, 20, 8, 48, 8, TimeSpan.Zero), gig.PostedAt);
        Assert.Equal(35, gig.Proposals);
        Assert.Equal(["PHP", "JavaScript", "Magento", "HTML"], gig.Skills);
        Assert.Equal("Websites, IT & Software", gig.Category);

        // The owner's employer reputation is all zeros: not rated yet, which is not a rating of 0.
        Assert.Equal(new GigClient { Name = "Justin G.", Country = "ZA", PaymentVerified = true, Rating = null, Reviews = 0 }, gig.Client);
        Assert.Equal(new Money(422.42857142857144m, Currency.USD), gig.Extra["bidAverage"]);
        Assert.Equal(false, gig.Extra["featured"]);
        Assert.Equal(false, gig.Extra["nda"]);
        Assert.Equal(7, gig.Extra["bidPeriodDays"]);
        Assert.Equal("en", gig.Extra["language"]);
        Assert.Equal(1411374L, gig.Extra["ownerId"]);
        Assert.Equal(new DateTimeOffset(2021, 9, 20, 8, 48, 8, TimeSpan.Zero), gig.Extra["updatedAt"]);
        Assert.Null(gig.ConvertedBudget?.Rate);
    }

    [Fact]
    public async Task AnInrFixedProjectKeepsRupeesAndIgnoresTheOwnersFreelancerReputation()
    {
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var gig = Assert.Single(result.Gigs, g => g.Id == "31555987");
        Assert.Equal("Dynamic Game Development", gig.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/javascript/Dynamic-Game-Development"), gig.Url);
        Assert.Equal(Budget.Fixed(new Money(37_500m, Currency.INR), new Money(75_000m, Currency.INR)), gig.Budget);
        Assert.Equal(new DateTimeOffset(2021, 9, 20, 8, 47, 17, TimeSpan.Zero), gig.PostedAt);
        Assert.Equal(4, gig.Proposals);
        Assert.Equal(["JavaScript", "CSS", "HTML5", "Game Development", "AngularJS"], gig.Skills);
        Assert.StartsWith("We are looking for an expert web-based game developer to develop the front-end of our game.\n\nTechnology preference: AngularJS,", gig.Description, StringComparison.Ordinal);
        Assert.EndsWith("configurable colors, images, etc.", gig.Description, StringComparison.Ordinal);

        // The capture holds only the user's reputation as a freelancer ("role": "freelancer"): no buyer rating.
        Assert.Equal(new GigClient { Name = "MuktaSadana", Country = "IN", PaymentVerified = true }, gig.Client);
        Assert.Equal(new Money(53_812.5m, Currency.INR), gig.Extra["bidAverage"]);
    }

    [Fact]
    public async Task HourlyProjectsCarryTheRatePerHourUpgradesAndTheBuyersRating()
    {
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var django = Assert.Single(result.Gigs, g => g.Id == "31556868");
        Assert.Equal("python django backend apis work", django.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/python/python-django-backend-apis-work"), django.Url);
        Assert.Equal(Budget.Hourly(new Money(2m, Currency.USD), new Money(8m, Currency.USD)), django.Budget);
        Assert.Equal("I have flutter app which has its backend apis already completed but there are some fixes required in some apis. I will provide you project details in pm.", django.Description);
        Assert.Equal(new DateTimeOffset(2021, 9, 20, 8, 37, 1, TimeSpan.Zero), django.PostedAt);
        Assert.Equal(5, django.Proposals);
        Assert.Equal(new GigClient { Name = "stepinnsolution", Country = "PK", PaymentVerified = true, Rating = 4.855098225828568m, Reviews = 69 }, django.Client);
        Assert.Equal(true, django.Extra["sealed"]);
        Assert.Equal(true, django.Extra["nda"]);
        Assert.Equal(true, django.Extra["bidsHidden"]);
        Assert.Equal(40, django.Extra["hourlyCommitmentHours"]);
        Assert.Equal("week", django.Extra["hourlyCommitmentInterval"]);
        Assert.Equal(new Money(6.6m, Currency.USD), django.Extra["bidAverage"]);

        var meteor = Assert.Single(result.Gigs, g => g.Id == "31556918");
        Assert.Equal("Radio Meteor Detection", meteor.Title);
        Assert.Equal(Budget.Hourly(new Money(10m, Currency.GBP), new Money(15m, Currency.GBP)), meteor.Budget);
        Assert.Equal(new GigClient { Name = "Jberman44", Country = "GB", PaymentVerified = false }, meteor.Client);
        Assert.Equal(["PHP", "JavaScript", "MySQL", "Web Hosting"], meteor.Skills);
    }

    [Fact]
    public async Task AnIdrProjectAndAProjectWhoseOwnerIsMissingFromUsersAreRead()
    {
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var logo = Assert.Single(result.Gigs, g => g.Id == "38412577");
        Assert.Equal("Desain logo untuk kedai kopi", logo.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/logo-design/Desain-logo-untuk-kedai-kopi"), logo.Url);
        Assert.Equal(Budget.Fixed(new Money(750_000m, Currency.IDR), new Money(1_500_000m, Currency.IDR)), logo.Budget);
        Assert.Equal("Kami butuh logo baru untuk kedai kopi di Bandung.\nFile akhir: AI dan PNG transparan.", logo.Description);
        Assert.Equal(new GigClient { Name = "Rina S.", Country = "ID", PaymentVerified = true, Rating = 4.8m, Reviews = 5 }, logo.Client);
        Assert.Equal("id", logo.Extra["language"]);
        Assert.Equal("Design, Media & Architecture", logo.Category);

        // The recorded 2019 body: floats for amounts, no bid_avg at zero bids, and an owner the users map lacks.
        var aud = Assert.Single(result.Gigs, g => g.Id == "15663823");
        Assert.Equal(Budget.Fixed(new Money(250m, Currency.AUD), new Money(750m, Currency.AUD)), aud.Budget);
        Assert.Equal(0, aud.Proposals);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 1, 15, 29, TimeSpan.Zero), aud.PostedAt);
        Assert.Null(aud.Client);
        Assert.Empty(aud.Skills);
        Assert.False(aud.Extra.ContainsKey("bidAverage"));
        Assert.Equal(25832131L, aud.Extra["ownerId"]);
    }

    [Fact]
    public async Task TheRequestAsksForDetailsAndPushesDownKeywordsTypeAndAge()
    {
        _server.StubSearch("projects-empty.json");
        var clock = FreelancerTestServer.NewClock();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server, time: clock);
        var query = GigQuery.Parse("logo \"brand kit\" -wordpress type:hourly posted:<2d budget:<=500USD limit:30");
        var result = await aggregator.SearchAllAsync(query, Ct);

        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        var request = Assert.Single(_server.Requests());
        Assert.Equal(FreelancerTestServer.SearchPath, request.AbsolutePath);
        var parameters = Uri.UnescapeDataString(request.Query).TrimStart('?').Split('&');
        var from = clock.GetUtcNow().AddDays(-2).ToUnixTimeSeconds();
        Assert.Equal(
            [
                "query=logo brand kit", "project_types[]=hourly", $"from_time={from}",
                "full_description=true", "job_details=true", "upgrade_details=true", "user_details=true", "user_display_info=true",
                "user_country_details=true", "user_status=true", "user_employer_reputation=true", "limit=30", "offset=0",
            ],
            parameters);

        // Budgets are never pushed down: the API's price filters have no certain currency or range meaning.
        Assert.DoesNotContain(parameters, p => p.Contains("price", StringComparison.Ordinal) || p.Contains("languages", StringComparison.Ordinal));
        var capabilities = aggregator.Providers.Single().Capabilities;
        Assert.Equal(GigFilters.Keywords | GigFilters.BudgetType | GigFilters.PostedWithin, capabilities.ServerSideFilters);
        Assert.False(capabilities.ServerSideFilters.HasFlag(GigFilters.Budget));
    }

    [Fact]
    public async Task PagingAsksForTwoPagesAndStopsAtTheQueryLimit()
    {
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server, o => o.PageSize = 6);
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 8 }, Ct);

        Assert.Equal(8, result.Gigs.Count);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(8, outcome.ReceivedCount);
        var queries = _server.Queries();
        Assert.Equal(2, queries.Count);
        Assert.EndsWith("limit=6&offset=0", queries[0], StringComparison.Ordinal);
        Assert.EndsWith("limit=2&offset=6", queries[1], StringComparison.Ordinal);
        Assert.Equal(
            ["31556945", "31555987", "31556918", "31556868", "38412577", "15663823", "31556826", "31556928"],
            result.Gigs.Select(g => g.Id));
    }

    [Fact]
    public async Task PagingStopsAtTheSitesTotalCount()
    {
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server, o => o.PageSize = 6);
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 50 }, Ct);

        Assert.Equal(9, result.Gigs.Count);
        var queries = _server.Queries();
        Assert.Equal(2, queries.Count);
        Assert.EndsWith("limit=6&offset=6", queries[1], StringComparison.Ordinal);
        Assert.Empty(Assert.Single(result.Outcomes).Warnings);
    }

    [Fact]
    public async Task AShortPageIsFollowedWhileTotalCountSaysThereIsMore()
    {
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 50 }, Ct);

        Assert.Equal(9, result.Gigs.Count);
        var queries = _server.Queries();
        Assert.Equal(2, queries.Count);
        Assert.EndsWith("limit=50&offset=0", queries[0], StringComparison.Ordinal);
        Assert.EndsWith("limit=44&offset=6", queries[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTotalCountAShortPageIsTheLast()
    {
        var page = Fixtures.Read("projects-page2.json").Replace("\"total_count\": 9,", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("total_count", page, StringComparison.Ordinal);
        _server.StubBody(page);
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 50 }, Ct);

        Assert.Equal(3, result.Gigs.Count);
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task PagingNeverAsksForMoreThanMaxPagesAndSaysSo()
    {
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server, o => (o.PageSize, o.MaxPages) = (6, 1));
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 50 }, Ct);

        Assert.Equal(6, result.Gigs.Count);
        Assert.Single(_server.Requests());
        var warning = Assert.Single(Assert.Single(result.Outcomes).Warnings);
        Assert.Contains("stopped after 1 pages (MaxPages)", warning, StringComparison.Ordinal);
        Assert.Contains("the site has 3 more", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultPageSizeIsTheApisCapOfOneHundred()
    {
        _server.StubSearch("projects-empty.json");
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        await aggregator.SearchAllAsync(new GigQuery { Limit = 250 }, Ct);

        Assert.EndsWith("limit=100&offset=0", Assert.Single(_server.Queries()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdrProjectIsConvertedToUsdWithTheSitesOwnRateWhenTheRateSourceLacksIdr()
    {
        _server.StubTwoPages();
        var clock = FreelancerTestServer.NewClock();
        var eurOnly = new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("EUR", "USD", 1.1367m));
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server, time: clock, rates: eurOnly);
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
        _server.StubTwoPages();
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery { TargetCurrency = Currency.USD }, Ct);

        var logo = Assert.Single(result.Gigs, g => g.Id == "38412577");
        Assert.StartsWith("ECB reference rate", logo.ConvertedBudget?.Rate?.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteRatesAlsoGiveIdrForAnIndonesianDisplay()
    {
        _server.StubTwoPages();
        var eurOnly = new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("EUR", "USD", 1.1367m));
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server, time: FreelancerTestServer.NewClock(), rates: eurOnly);
        var result = await aggregator.SearchAllAsync(new GigQuery { TargetCurrency = Currency.IDR }, Ct);

        var magento = Assert.Single(result.Gigs, g => g.Id == "31556945");
        Assert.Equal(new Money(4_084_967.32m, Currency.IDR), magento.ConvertedBudget?.Min);
        Assert.Equal("Freelancer.com currency.exchange_rate", magento.ConvertedBudget?.Rate?.Source);

        // INR to IDR crosses through USD with two of the site's rates.
        var inr = Assert.Single(result.Gigs, g => g.Id == "31555987");
        Assert.Equal(Currency.IDR, inr.ConvertedBudget?.Currency);
        Assert.Equal(Math.Round(37_500m * 0.013576m / 0.0000612m, 2), inr.ConvertedBudget?.Min?.Amount);
    }

    [Fact]
    public async Task TheErrorEnvelopeWithStatus401IsUnauthorizedAndCarriesTheSitesMessageAndCode()
    {
        _server.StubSearch("error-not-authenticated.json", status: 401);
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Unauthorized, outcome.Failure);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, outcome.StatusCode);
        Assert.Contains("You must be logged in to perform this request", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("set OAuthToken", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + FreelancerTestServer.SearchPath, outcome.Message, StringComparison.Ordinal);
        var exception = Assert.IsType<GigProviderException>(outcome.Exception);
        Assert.Equal("RestExceptionCodes.NOT_AUTHENTICATED", exception.SiteErrorCode);
        Assert.Equal("freelancer", exception.Provider);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(200)]
    public async Task TheErrorEnvelopeIsASiteErrorWhateverTheStatus(int status)
    {
        _server.StubSearch("error-envelope.json", status: status);
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.SiteError, outcome.Failure);
        Assert.Contains("\"You have already bid on that project.\"", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("site code ProjectExceptionCodes.DUPLICATE_BID", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
        Assert.Equal("ProjectExceptionCodes.DUPLICATE_BID", Assert.IsType<GigProviderException>(outcome.Exception).SiteErrorCode);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(200)]
    public async Task ABotProtectionPageIsBlockedNotZeroResults(int status)
    {
        _server.StubSearch("blocked.html", status: status);
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("bot protection", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body><h1>Freelancer</h1><p>Projects</p></body></html>", "HTML page where the API's JSON was expected")]
    [InlineData("{\"status\":\"success\",\"result\":{\"total_count\":3}}", "no 'projects' list")]
    [InlineData("{\"status\":\"success\",\"request_id\":\"x\"}", "no 'result' object")]
    [InlineData("{\"status\":\"success\",\"result\":{\"projects\":[{\"id\":1", "not valid JSON")]
    [InlineData("[]", "not an object")]
    public async Task AnAnswerThatIsNotTheApisIsAnInvalidResponse(string body, string problem)
    {
        _server.StubBody(body);
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains(problem, outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectsWithNullsAndEmptyObjectsKeepWhatTheyHaveAndSkipOnlyWhatLacksAPage()
    {
        _server.StubSearch("projects-nulls.json");
        await using var aggregator = FreelancerTestServer.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(["40100001", "40100002"], result.Gigs.Select(g => g.Id));

        // owner_id, location, description and most flags null; budget without maximum; empty bid_stats and upgrades.
        var woo = result.Gigs[0];
        Assert.Equal("Fix WooCommerce checkout", woo.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/wordpress/Fix-WooCommerce-checkout"), woo.Url);
        Assert.Equal("Checkout page shows a blank screen after the last plugin update.", woo.Description);
        Assert.Equal(Budget.Fixed(new Money(30m, Currency.USD)), woo.Budget);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), woo.PostedAt);
        Assert.Null(woo.Proposals);
        Assert.Null(woo.Client);
        Assert.Null(woo.Category);
        Assert.Empty(woo.Skills);
        Assert.Empty(woo.Extra);

        // Strings where numbers are usual, an empty currency object, a users map without the owner, odd white space.
        var translate = result.Gigs[1];
        Assert.Equal("Translate product sheets EN to ID", translate.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/translation/Translate-product-sheets-EN-to-ID"), translate.Url);
        Assert.Null(translate.Budget);
        Assert.Equal(3, translate.Proposals);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero), translate.PostedAt);
        Assert.Equal(["Translation"], translate.Skills);
        Assert.Null(translate.Client);
        Assert.Equal(true, translate.Extra["featured"]);
        Assert.Equal(70000001L, translate.Extra["ownerId"]);

        Assert.Contains(outcome.Warnings, w => w.Contains("project 40100002 names no currency code; its budget was left out", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("project 40100003 was skipped because it has no usable seo_url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRegistrationsShareOneMarketplaceAndDifferInSiteLanguageAndDisplayCurrency()
    {
        await using var aggregator = GigAggregator.Create(b => b.AddFreelancer().AddFreelancerIndonesia().AddFreelancer());

        Assert.Equal(["freelancer", "freelancer.co.id"], aggregator.Providers.Select(p => p.Name));
        var com = Assert.IsType<FreelancerProvider>(aggregator.Providers[0]);
        var id = Assert.IsType<FreelancerProvider>(aggregator.Providers[1]);
        Assert.Equal("freelancer", com.Capabilities.Marketplace);
        Assert.Equal("freelancer", id.Capabilities.Marketplace);
        Assert.Equal(["freelancer.com", "freelancer.co.id"], com.Capabilities.SiteHosts);
        Assert.Equal(com.Capabilities.SiteHosts, id.Capabilities.SiteHosts);
        Assert.Equal(GigFilters.All, id.Capabilities.FilterableFields);
        Assert.Null(com.Capabilities.DisplayCurrency);
        Assert.Equal(Currency.IDR, id.Capabilities.DisplayCurrency);
        Assert.Equal([GigKind.Job], com.Capabilities.Kinds);
    }
}

using System.Net;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>Searches through the aggregator against Upwork's GraphQL API on WireMock: mapping, the request, and the answers that are failures.</summary>
public sealed class UpworkProviderTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task MapsTheRealJobsExactly()
    {
        UpworkStubs.Site.StubResults(_server.Server);
        await using var upwork = UpworkHarness.Create(_server, o => { o.AccessToken = TestTokens.Access; o.PageSize = 5; });

        var result = await upwork.SearchAsync(new GigQuery { Limit = 5 });

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.Empty(outcome.Warnings);
        Assert.Equal(1, outcome.PageCount);
        Assert.Single(_server.Server.Requests(UpworkStubs.GraphQlPath));
        var gigs = result.Gigs.ToDictionary(g => g.Id);
        Assert.Equal(5, gigs.Count);

        // Real node: hourly (amount "0.0", Money hourly range), Canada, verified, no reviews yet.
        var hourly = gigs["1978704153911649005"];
        Assert.Equal("upwork", hourly.Provider);
        Assert.Equal(GigKind.Job, hourly.Kind);
        Assert.Equal("Website Redesign for Lead Capture and SEO", hourly.Title);
        Assert.Equal(new Uri("https://www.upwork.com/jobs/~021978704153911649005"), hourly.Url);
        Assert.Equal("We are seeking a skilled web designer...", hourly.Description);
        Assert.Equal(Budget.Hourly(new Money(5m, "USD"), new Money(15m, "USD")), hourly.Budget);
        Assert.Equal(new DateTimeOffset(2025, 10, 16, 6, 6, 48, TimeSpan.Zero), hourly.PostedAt);
        Assert.Equal(12, hourly.Proposals);
        Assert.Equal(["Web Design", "Search Engine Optimization"], hourly.Skills);
        Assert.Equal("Web, Mobile & Software Dev", hourly.Category);
        Assert.Equal(new GigClient { Country = "CA", PaymentVerified = true, Rating = null, Reviews = 0, TotalSpent = new Money(72.11m, "USD"), Hires = 2 }, hourly.Client);
        Assert.Equal("web_mobile_software_dev", hourly.Extra["category"]);
        Assert.Equal("web_mobile_design", hourly.Extra["subcategory"]);
        Assert.Equal("INTERMEDIATE", hourly.Extra["experienceLevel"]);
        Assert.Equal("WEEK", hourly.Extra["duration"]);
        Assert.Equal("Less than 1 month", hourly.Extra["durationLabel"]);
        Assert.Equal("Less than 30 hrs/week", hourly.Extra["engagement"]);
        Assert.Equal(1, hourly.Extra["freelancersToHire"]);
        Assert.Equal(false, hourly.Extra["filled"]);
        Assert.Equal("~021978704153911649005", hourly.Extra["ciphertext"]);
        Assert.Equal(new DateTimeOffset(2025, 10, 16, 6, 6, 47, TimeSpan.Zero), hourly.Extra["createdAt"]);

        // Real node: fixed price, already filled (freelancersToHire 0), hourly fields null, engagement null, US.
        var filled = gigs["1978367816874720900"];
        Assert.Equal("HubSpot Automation Setup for Lead Capture & Follow-Up System", filled.Title);
        Assert.Equal(new Uri("https://www.upwork.com/jobs/~021978367816874720900"), filled.Url);
        Assert.Equal(Budget.Fixed(new Money(10m, "USD"), new Money(10m, "USD")), filled.Budget);
        Assert.Equal(BudgetType.Fixed, filled.Budget!.Type);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 7, 50, 18, TimeSpan.Zero), filled.PostedAt);
        Assert.Equal(4, filled.Proposals);
        Assert.Equal(["HubSpot", "Marketing Automation"], filled.Skills);
        Assert.Equal("Sales & Marketing", filled.Category);
        Assert.Equal(new GigClient { Country = "US", PaymentVerified = true, Rating = 5m, Reviews = 67, TotalSpent = new Money(1085m, "USD"), Hires = 82 }, filled.Client);
        Assert.Equal(0, filled.Extra["freelancersToHire"]);
        Assert.Equal(true, filled.Extra["filled"]);
        Assert.False(filled.Extra.ContainsKey("engagement"));

        // Real node: fixed price, UK client with an empty state and a fractional rating.
        var uk = gigs["1973763184780620813"];
        Assert.Equal("AI Chatbot Bug Fix for Lead Capture", uk.Title);
        Assert.Equal(Budget.Fixed(new Money(30m, "USD"), new Money(30m, "USD")), uk.Budget);
        Assert.Equal(new DateTimeOffset(2025, 10, 2, 14, 53, 9, TimeSpan.Zero), uk.PostedAt);
        Assert.Equal(3, uk.Proposals);
        Assert.Equal(new GigClient { Country = "GB", PaymentVerified = true, Rating = 4.99m, Reviews = 248, TotalSpent = new Money(23420.42m, "USD"), Hires = 272 }, uk.Client);
        Assert.Equal("web_development", uk.Extra["subcategory"]);

        // Invented node: ISO-3 country, verificationStatus null, hourly minimum only, 7.0 applicants, a duplicate skill.
        var iso3 = gigs["2049488018911397244"];
        Assert.Equal(new Uri("https://www.upwork.com/jobs/~022049488018911397244"), iso3.Url);
        Assert.Equal(Budget.Hourly(new Money(25m, "USD")), iso3.Budget);
        Assert.Null(iso3.Budget!.Max);
        Assert.Equal(7, iso3.Proposals);
        Assert.Equal(["Shopify", "Page Speed Optimization"], iso3.Skills);
        Assert.Equal(new GigClient { Country = "GB", PaymentVerified = false, Rating = 4.7m, Reviews = 6, TotalSpent = new Money(4310.5m, "USD"), Hires = 9 }, iso3.Client);
        Assert.Contains("PageSpeed & we need it above 80.", iso3.Description, StringComparison.Ordinal);
        Assert.Equal("EXPERT", iso3.Extra["experienceLevel"]);

        // Invented node: an open budget (every amount "0.0") has no budget, not a budget of zero; "AUS" is AU.
        var open = gigs["2049501135840121856"];
        Assert.Null(open.Budget);
        Assert.Equal("AU", open.Client!.Country);
        Assert.Null(open.Client.Rating);
        Assert.Equal(0, open.Proposals);
        Assert.Empty(open.Skills);
    }

    [Fact]
    public async Task SendsTheFilterForKeywordsTypeAndBudgetInTheRequestBody()
    {
        UpworkStubs.Site.StubEmpty(_server.Server);
        await using var upwork = UpworkHarness.Create(
            _server,
            o => { o.AccessToken = TestTokens.Access; o.PageSize = 20; o.TenantId = "424242"; },
            more: b => b.UseFixedExchangeRates(FixedExchangeRateProvider.Rate("USD", "IDR", 14_400m)));

        var query = new GigQuery("react \"design system\"")
        {
            BudgetType = BudgetType.Hourly,
            MinBudget = new Money(20.75m, "USD"),
            MaxBudget = new Money(1_440_000m, "IDR"),
            PaymentVerifiedOnly = true,
            Limit = 10,
        };
        var result = await upwork.SearchAsync(query);

        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        var request = Assert.Single(_server.Server.Requests(UpworkStubs.GraphQlPath));
        Assert.Equal("Bearer " + TestTokens.Access, request.Bearer());
        Assert.Equal("424242", request.RequestMessage.Headers!["X-Upwork-API-TenantId"].Single());
        var body = request.JsonBody();
        Assert.Contains("marketplaceJobPostingsSearch(marketPlaceJobFilter: $marketPlaceJobFilter", body.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal("USER_JOBS_SEARCH", body.GetProperty("variables").GetProperty("searchType").GetString());
        Assert.Equal("RECENCY", body.GetProperty("variables").GetProperty("sortAttributes")[0].GetProperty("field").GetString());

        var filter = request.Filter();
        Assert.Equal("react \"design system\"", filter.GetProperty("searchExpression_eq").GetString());
        Assert.Equal("HOURLY", filter.GetProperty("jobType_eq").GetString());
        Assert.True(filter.GetProperty("verifiedPaymentOnly_eq").GetBoolean());

        // USD 20.75 rounds down, IDR 1,440,000 at 14,400 is USD 100 and rounds up: the site never drops a job the aggregator keeps.
        Assert.Equal(20, filter.GetProperty("hourlyRate_eq").GetProperty("rangeStart").GetInt32());
        Assert.Equal(100, filter.GetProperty("hourlyRate_eq").GetProperty("rangeEnd").GetInt32());
        Assert.False(filter.TryGetProperty("budgetRange_eq", out _));

        // A budget reaches Upwork only with its type, so the capabilities do not claim budgets, and the aggregator,
        // which applies them itself, asks for a full page (the options' PageSize of 20) rather than just the limit.
        Assert.Equal(20, filter.GetProperty("pagination_eq").GetProperty("first").GetInt32());
        Assert.False(filter.GetProperty("pagination_eq").TryGetProperty("after", out _));
    }

    [Fact]
    public async Task SendsBudgetRangeForFixedPriceAndNoBudgetWithoutAType()
    {
        _server.Server.StubSearch("search-empty.json");
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        await upwork.SearchAsync(new GigQuery("logo") { BudgetType = BudgetType.Fixed, MinBudget = new Money(250.5m, "USD"), MaxBudget = new Money(999.2m, "USD") });
        await upwork.SearchAsync(new GigQuery("logo") { MinBudget = new Money(250m, "USD") });

        var requests = _server.Server.Requests(UpworkStubs.GraphQlPath);
        Assert.Equal(2, requests.Count);
        var fixedFilter = requests[0].Filter();
        Assert.Equal("FIXED", fixedFilter.GetProperty("jobType_eq").GetString());
        Assert.Equal(250, fixedFilter.GetProperty("budgetRange_eq").GetProperty("rangeStart").GetInt32());
        Assert.Equal(1000, fixedFilter.GetProperty("budgetRange_eq").GetProperty("rangeEnd").GetInt32());
        Assert.False(fixedFilter.TryGetProperty("hourlyRate_eq", out _));
        Assert.False(fixedFilter.TryGetProperty("verifiedPaymentOnly_eq", out _));

        // Without a budget type one range key would drop the other kind of job, so the aggregator filters alone.
        var untyped = requests[1].Filter();
        Assert.Equal(["searchExpression_eq", "pagination_eq"], untyped.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AnEmptyResultIsZeroJobsAndOneRequest()
    {
        _server.Server.StubSearch("search-empty.json");
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("zzzz qqqq"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Empty(result.Gigs);
        Assert.Empty(outcome.Warnings);
        Assert.Single(_server.Server.Requests(UpworkStubs.GraphQlPath));
    }

    [Fact]
    public async Task AGraphQlErrorWithHttp200IsAFailedOutcomeWithTheServersMessage()
    {
        _server.Server.StubSearch("error-validation.json");
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.SiteError, outcome.Failure);
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Contains("Validation error (WrongType@[marketplaceJobPostingsSearch])", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("[ValidationError]", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + "/graphql", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(result.Gigs);

        // The first error might have been Upwork refusing pagination_eq, so the page was asked once more without it.
        var requests = _server.Server.Requests(UpworkStubs.GraphQlPath);
        Assert.Equal(2, requests.Count);
        Assert.True(requests[0].Filter().TryGetProperty("pagination_eq", out _));
        Assert.False(requests[1].Filter().TryGetProperty("pagination_eq", out _));
    }

    [Fact]
    public async Task AScopeErrorIsForbiddenAndNamesTheScopes()
    {
        _server.Server.StubSearch("error-scopes.json");
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Forbidden, outcome.Failure);
        Assert.Contains("doesn't have enough oauth2 permissions/scopes to access: [Money.currency, Money.rawValue, PageInfo.endCursor, PageInfo.hasNextPage]", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("'Common Entities - Read-Only Access' and 'Read marketplace Job Postings'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
        Assert.Single(_server.Server.Requests(UpworkStubs.GraphQlPath));
    }

    [Fact]
    public async Task Http403SaysWhichScopesTheKeyNeeds()
    {
        // Inline body: no real 403 body was found; the message field is the same form as the real 401 body.
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.GraphQlPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json").WithBody("""{"message":"Access denied"}"""));
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(GigProviderFailure.Forbidden, outcome.Failure);
        Assert.Equal(HttpStatusCode.Forbidden, outcome.StatusCode);
        Assert.Contains("\"Access denied\"", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Read marketplace Job Postings", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataWithErrorsKeepsTheReadableJobsAndWarns()
    {
        _server.Server.StubSearch("error-partial.json");
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("hubspot"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        var gig = Assert.Single(result.Gigs);
        Assert.Equal("1978367816874720900", gig.Id);
        var partial = Assert.Single(outcome.Warnings, w => w.Kind == GigWarningKind.PartialAnswer);
        Assert.Contains("NullValueInNonNullableField", partial.Message, StringComparison.Ordinal);
        var skipped = Assert.Single(outcome.Warnings, w => w.Kind == GigWarningKind.ListingSkipped);
        Assert.Null(skipped.ListingId);
        Assert.Equal(2, outcome.Warnings.Count);
    }

    [Fact]
    public async Task Http429IsRetriedByTheResilienceHandler()
    {
        // Inline 429: the body of a real one was not found (Upwork documents "Too Many Requests").
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.GraphQlPath).UsingPost()).InScenario("rate").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithBody("Too Many Requests"));
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.GraphQlPath).UsingPost()).InScenario("rate").WhenStateIs("open")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Fixtures.Read("search-empty.json")));
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        Assert.Equal(2, _server.Server.Requests(UpworkStubs.GraphQlPath).Count);
    }

    [Fact]
    public async Task APersistent429IsRateLimited()
    {
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.GraphQlPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(429).WithBody("Too Many Requests"));
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(GigProviderFailure.RateLimited, outcome.Failure);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlPageInsteadOfJsonIsAnInvalidResponse()
    {
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.GraphQlPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<!DOCTYPE html><html><body>Just a moment...</body></html>"));
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("HTML page", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABotWallInsteadOfJsonIsBlocked()
    {
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.GraphQlPath).UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "text/html")
            .WithBody("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id=\"cf-chl-widget\"></div><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>"));
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("Cloudflare", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerWithoutTheSearchIsAnInvalidResponseNotZeroResults()
    {
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.GraphQlPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"data":{"somethingElse":{}}}"""));
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("marketplaceJobPostingsSearch", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceQuerySkipsUpworkWhichListsOnlyJobs()
    {
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("logo") { Kind = GigKind.Service });

        Assert.Equal(ProviderStatus.Skipped, Assert.Single(result.Outcomes).Status);
        Assert.Empty(_server.Server.AllRequests());
    }
}

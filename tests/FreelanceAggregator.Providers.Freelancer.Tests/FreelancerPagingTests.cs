using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The request Freelancer.com is sent and how its answer is paged: pushed-down filters, page size, offsets, total_count and MaxPages.</summary>
public sealed class FreelancerPagingTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task TheRequestAsksForDetailsAndPushesDownKeywordsTypeAndAge()
    {
        _server.Serve("projects-empty.json");
        var clock = FreelancerTestAggregators.NewClock();
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, time: clock);
        var query = GigQuery.Parse("logo \"brand kit\" type:hourly posted:<2d limit:30");
        var result = await aggregator.SearchAllAsync(query, Ct);

        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        var request = Assert.Single(_server.Requests());
        Assert.Equal(FreelancerTestSite.ApiPath, request.AbsolutePath);
        var parameters = Uri.UnescapeDataString(request.Query).TrimStart('?').Split('&');
        var from = clock.GetUtcNow().AddDays(-2).ToUnixTimeSeconds();

        // The site applies every filter of this query, so what it answers passes, and the query's limit is a page.
        Assert.Equal(
            [
                "query=logo brand kit", "project_types[]=hourly", $"from_time={from}",
                "full_description=true", "job_details=true", "upgrade_details=true", "user_details=true", "user_display_info=true",
                "user_country_details=true", "user_status=true", "user_employer_reputation=true", "limit=30", "offset=0",
            ],
            parameters);
        var capabilities = aggregator.Providers.Single().Capabilities;
        Assert.Equal(GigFilters.Keywords | GigFilters.BudgetType | GigFilters.PostedWithin, capabilities.ServerSideFilters);
        Assert.False(capabilities.ServerSideFilters.HasFlag(GigFilters.Budget));
    }

    [Fact]
    public async Task ABudgetOrAnExclusionIsNeverPushedDownAndAsksForAFullPage()
    {
        _server.Serve("projects-empty.json");
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, time: FreelancerTestAggregators.NewClock());
        var result = await aggregator.SearchAllAsync(GigQuery.Parse("logo \"brand kit\" -wordpress type:hourly posted:<2d budget:<=500USD limit:30"), Ct);

        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        var parameters = Uri.UnescapeDataString(Assert.Single(_server.Requests()).Query).TrimStart('?').Split('&');

        // Budgets never go to the site: the API's price filters have no certain currency or range meaning. Since the
        // aggregator filters what comes back, a full page is likelier to hold 30 that pass than a page of 30.
        Assert.DoesNotContain(parameters, p => p.Contains("price", StringComparison.Ordinal) || p.Contains("languages", StringComparison.Ordinal) || p.Contains("wordpress", StringComparison.Ordinal));
        Assert.Contains("query=logo brand kit", parameters);
        Assert.Contains("limit=100", parameters);
    }

    [Fact]
    public async Task APageCarriesItsNextOffsetTheTotalTheSitesRatesAndTheAddressThatAnswered()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, time: FreelancerTestAggregators.NewClock());
        var provider = aggregator.Providers.Single();

        var first = await provider.FetchPageAsync(new GigPageRequest(new GigQuery()), Ct);

        Assert.Equal(["31556945", "31555987", "31556918", "31556868", "38412577", "15663823"], first.Listings.Select(g => g.Id));
        Assert.Equal("6", first.NextCursor);
        Assert.Equal(9, first.TotalCount);
        Assert.Empty(first.Warnings);
        Assert.Equal(new Uri(_server.BaseAddress, FreelancerTestSite.ApiPath).AbsoluteUri, first.RequestUri?.GetLeftPart(UriPartial.Path));

        // One rate per currency other than USD, in the page's order, dated the day the answer came.
        Assert.Equal([Currency.INR, Currency.GBP, Currency.IDR, Currency.AUD], first.ExchangeRates.Select(r => r.From));
        Assert.Equal([0.013576m, 1.368889m, 0.0000612m, 0.740429m], first.ExchangeRates.Select(r => r.Rate));
        Assert.All(first.ExchangeRates, rate =>
        {
            Assert.Equal(Currency.USD, rate.To);
            Assert.Equal(new DateOnly(2026, 11, 23), rate.AsOf);
            Assert.Equal(FreelancerProvider.ExchangeRateSource, rate.Source);
        });

        var second = await provider.FetchPageAsync(new GigPageRequest(new GigQuery()) { PageIndex = 1, Cursor = first.NextCursor }, Ct);

        Assert.Equal(["31556826", "31556928", "31556917"], second.Listings.Select(g => g.Id));
        Assert.Null(second.NextCursor);
        Assert.Equal([Currency.INR], second.ExchangeRates.Select(r => r.From));
        Assert.EndsWith("limit=100&offset=6", _server.Queries()[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-6")]
    [InlineData("6.5")]
    [InlineData("")]
    public async Task ACursorThatIsNotAnOffsetIsAnArgumentExceptionNamingIt(string cursor)
    {
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var provider = aggregator.Providers.Single();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await provider.FetchPageAsync(new GigPageRequest(new GigQuery()) { Cursor = cursor }, Ct));

        Assert.Contains($"'{cursor}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests());
    }

    [Theory]
    [InlineData(null, "limit=40&offset=0")]
    [InlineData(10, "limit=10&offset=0")]
    [InlineData(250, "limit=40&offset=0")]
    public async Task ThePageSizeWantedIsAskedForUpToPageSize(int? wanted, string expected)
    {
        _server.Serve("projects-empty.json");
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, o => o.PageSize = 40);

        var page = await aggregator.Providers.Single().FetchPageAsync(new GigPageRequest(new GigQuery()) { PageSize = wanted }, Ct);

        Assert.True(page.IsLastPage);
        Assert.Equal(0, page.TotalCount);
        Assert.EndsWith(expected, Assert.Single(_server.Queries()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTotalCountAFullPageHasANextPage()
    {
        var page = FreelancerTestAggregators.Site.ReadFixture("projects-page2.json").Replace("\"total_count\": 9,", string.Empty, StringComparison.Ordinal);
        _server.ServeBody(page);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);

        var read = await aggregator.Providers.Single().FetchPageAsync(new GigPageRequest(new GigQuery()) { Cursor = "20", PageSize = 3 }, Ct);

        Assert.Equal(3, read.Listings.Count);
        Assert.Null(read.TotalCount);
        Assert.Equal("23", read.NextCursor);
        Assert.EndsWith("limit=3&offset=20", Assert.Single(_server.Queries()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagingAsksForTwoPagesAndStopsAtTheQueryLimit()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, o => o.PageSize = 6);
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 8 }, Ct);

        Assert.Equal(8, result.Gigs.Count);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        // Received counts the whole second page; the aggregator stopped looking at it once the limit had passed.
        Assert.Equal(9, outcome.ReceivedCount);
        Assert.Equal(2, outcome.PageCount);

        // The provider asks for whole pages; the aggregator stops reading the second at the limit.
        var queries = _server.Queries();
        Assert.Equal(2, queries.Count);
        Assert.EndsWith("limit=6&offset=0", queries[0], StringComparison.Ordinal);
        Assert.EndsWith("limit=6&offset=6", queries[1], StringComparison.Ordinal);
        Assert.Equal(
            ["31556945", "31555987", "31556918", "31556868", "38412577", "15663823", "31556826", "31556928"],
            result.Gigs.Select(g => g.Id));
    }

    [Fact]
    public async Task PagingStopsAtTheSitesTotalCount()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, o => o.PageSize = 6);
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
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 50 }, Ct);

        Assert.Equal(9, result.Gigs.Count);
        var queries = _server.Queries();
        Assert.Equal(2, queries.Count);
        Assert.EndsWith("limit=50&offset=0", queries[0], StringComparison.Ordinal);
        Assert.EndsWith("limit=50&offset=6", queries[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTotalCountAShortPageIsTheLast()
    {
        var page = Fixtures.Read("projects-page2.json").Replace("\"total_count\": 9,", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("total_count", page, StringComparison.Ordinal);
        _server.ServeBody(page);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 50 }, Ct);

        Assert.Equal(3, result.Gigs.Count);
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task PagingNeverAsksForMoreThanMaxPagesAndSaysSo()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, o => (o.PageSize, o.MaxPages) = (6, 1));
        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 50 }, Ct);

        Assert.Equal(6, result.Gigs.Count);
        Assert.Single(_server.Requests());
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(1, outcome.PageCount);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(GigWarningKind.PagingStopped, warning.Kind);
        Assert.Contains("the site counts 9 in all", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultPageSizeIsTheApisCapOfOneHundred()
    {
        _server.Serve("projects-empty.json");
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        await aggregator.SearchAllAsync(new GigQuery { Limit = 250 }, Ct);

        Assert.EndsWith("limit=100&offset=0", Assert.Single(_server.Queries()), StringComparison.Ordinal);
    }
}

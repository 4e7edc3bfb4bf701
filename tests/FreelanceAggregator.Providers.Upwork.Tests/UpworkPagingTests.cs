using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>
/// Paging by Upwork's <c>endCursor</c>: one request per page, the page size asked for, where paging ends, and what a
/// refused page costs.
/// </summary>
public sealed class UpworkPagingTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ReadsTheSecondPageWithTheCursorAndStopsWhenThereIsNoNextPage()
    {
        UpworkStubs.Site.StubResults(_server.Server);
        await using var upwork = UpworkHarness.Create(_server, o => { o.AccessToken = TestTokens.Access; o.PageSize = 5; });

        var result = await upwork.SearchAsync(new GigQuery { Limit = 50 });

        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        Assert.Equal(7, result.Outcomes[0].ReceivedCount);
        Assert.Equal(2, result.Outcomes[0].PageCount);
        Assert.Empty(result.Outcomes[0].Warnings);
        Assert.Equal(7, result.Gigs.Count);
        var requests = _server.Server.Requests(UpworkStubs.GraphQlPath);
        Assert.Equal(2, requests.Count);
        Assert.Equal(5, requests[0].Filter().GetProperty("pagination_eq").GetProperty("first").GetInt32());
        Assert.False(requests[0].Filter().GetProperty("pagination_eq").TryGetProperty("after", out _));
        Assert.Equal(5, requests[1].Filter().GetProperty("pagination_eq").GetProperty("first").GetInt32());
        Assert.Equal("5", requests[1].Filter().GetProperty("pagination_eq").GetProperty("after").GetString());

        var second = result.Gigs.Single(g => g.Id == "2049412200187355136");
        Assert.Equal(Budget.Fixed(new Money(450m, "USD"), new Money(450m, "USD")), second.Budget);
        Assert.Equal("IN", second.Client!.Country);
        var unpublished = result.Gigs.Single(g => g.Id == "2049399817213624320");
        Assert.Equal(new DateTimeOffset(2026, 9, 19, 20, 5, 33, TimeSpan.Zero), unpublished.PostedAt);
        Assert.Equal(Budget.Hourly(new Money(15m, "USD"), new Money(30m, "USD")), unpublished.Budget);
        Assert.Equal("DE", unpublished.Client!.Country);
    }

    [Fact]
    public async Task AsksForTheLimitWhenUpworkAppliesEveryFilterAndStopsThere()
    {
        UpworkStubs.Site.StubResults(_server.Server);
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery { Limit = 3 });

        Assert.Equal(3, result.Gigs.Count);

        // The test server answers with its recorded page whatever `first` asks; the aggregator takes the three it needs.
        Assert.Equal(5, result.Outcomes[0].ReceivedCount);
        var request = Assert.Single(_server.Server.Requests(UpworkStubs.GraphQlPath));
        Assert.Equal(3, request.Filter().GetProperty("pagination_eq").GetProperty("first").GetInt32());
    }

    [Fact]
    public async Task AsksForFullPagesWhenTheAggregatorFiltersAndReadsOnUntilTheLimitPasses()
    {
        // The client's country is filtered by the aggregator alone: a page of just the limit would most likely hold
        // nothing that passes, so the provider asks for its PageSize, and the aggregator reads page 2 for India.
        UpworkStubs.Site.StubResults(_server.Server);
        await using var upwork = UpworkHarness.Create(_server, o => { o.AccessToken = TestTokens.Access; o.PageSize = 40; });

        var result = await upwork.SearchAsync(GigQuery.Parse("country:IN limit:1"));

        Assert.Equal("2049412200187355136", Assert.Single(result.Gigs).Id);
        var requests = _server.Server.Requests(UpworkStubs.GraphQlPath);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(40, r.Filter().GetProperty("pagination_eq").GetProperty("first").GetInt32()));
        Assert.Equal(UpworkTestSite.SecondPageCursor, requests[1].Filter().GetProperty("pagination_eq").GetProperty("after").GetString());
    }

    [Fact]
    public async Task APageIsOneRequestThatReturnsTheCursorTheTotalAndTheAddress()
    {
        UpworkStubs.Site.StubResults(_server.Server);
        await using var upwork = UpworkHarness.Create(_server, o => { o.AccessToken = TestTokens.Access; o.PageSize = 5; });
        var query = new GigQuery("lead capture") { TargetCurrency = Currency.USD };

        var first = await upwork.Provider.FetchPageAsync(new GigPageRequest(query), TestContext.Current.CancellationToken);

        Assert.Equal(5, first.Listings.Count);
        Assert.Equal(UpworkTestSite.SecondPageCursor, first.NextCursor);
        Assert.Equal(7, first.TotalCount);
        Assert.Empty(first.Warnings);
        Assert.Equal(new Uri(_server.BaseAddress, "graphql"), first.RequestUri);

        // Resuming from a saved cursor asks Upwork for the page after it, and nothing else.
        var second = await upwork.Provider.FetchPageAsync(new GigPageRequest(query) { PageIndex = 1, Cursor = first.NextCursor, PageSize = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(["2049412200187355136", "2049399817213624320"], second.Listings.Select(g => g.Id));
        Assert.True(second.IsLastPage);
        var requests = _server.Server.Requests(UpworkStubs.GraphQlPath);
        Assert.Equal(2, requests.Count);
        Assert.Equal(2, requests[1].Filter().GetProperty("pagination_eq").GetProperty("first").GetInt32());
        Assert.Equal("5", requests[1].Filter().GetProperty("pagination_eq").GetProperty("after").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ACursorUpworkCannotHaveGivenIsAnArgumentExceptionNamingIt(string cursor)
    {
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var request = new GigPageRequest(new GigQuery("logo")) { Cursor = cursor };
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await upwork.Provider.FetchPageAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains($"'{cursor}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Server.AllRequests());
    }

    [Fact]
    public async Task MoreJobsWithoutANewCursorEndsPagingWithAWarning()
    {
        var same = Fixtures.EditJson(Fixtures.Read("search-page1.json"), root => root["data"]!["marketplaceJobPostingsSearch"]!["pageInfo"]!["endCursor"] = null);
        _server.Server.Given(UpworkStubs.Site.Search()).RespondWith(UpworkStubs.Site.AnswerWith(same));
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery { Limit = 50 });

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(5, outcome.ReceivedCount);
        Assert.Equal(GigWarningKind.PagingStopped, Assert.Single(outcome.Warnings).Kind);
        Assert.Single(_server.Server.Requests(UpworkStubs.GraphQlPath));
    }

    [Fact]
    public async Task WhenPagingGivesHttp500TheFirstPageIsReturnedWithAWarning()
    {
        _server.Server.StubSearch("server-error.txt", body: UpworkTestSite.HasPaging, status: 500, priority: 1);
        _server.Server.StubSearch("search-page1.json", body: b => !UpworkTestSite.HasPaging(b));
        await using var upwork = UpworkHarness.Create(_server, o => { o.AccessToken = TestTokens.Access; o.PageSize = 5; });

        var result = await upwork.SearchAsync(new GigQuery("lead") { Limit = 50 });

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.Equal(5, outcome.ReceivedCount);
        Assert.Equal(1, outcome.PageCount);
        Assert.Equal(GigWarningKind.PagingStopped, Assert.Single(outcome.Warnings).Kind);

        // Two attempts with paging (one retry by the resilience handler), then one without; no second page.
        var requests = _server.Server.Requests(UpworkStubs.GraphQlPath);
        Assert.Equal(3, requests.Count);
        Assert.False(requests[^1].Filter().TryGetProperty("pagination_eq", out _));
    }

    [Fact]
    public async Task WhenPagingGivesAGraphQlErrorTheFirstPageIsReturnedWithAWarning()
    {
        _server.Server.StubSearch("error-validation.json", body: UpworkTestSite.HasPaging, priority: 1);
        _server.Server.StubSearch("search-page1.json", body: b => !UpworkTestSite.HasPaging(b));
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Access);

        var result = await upwork.SearchAsync(new GigQuery("lead"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(5, outcome.ReceivedCount);

        // The warning quotes what Upwork said, so the user can tell a refused pagination_eq from another error.
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(GigWarningKind.PagingStopped, warning.Kind);
        Assert.Contains("[ValidationError]", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Server.Requests(UpworkStubs.GraphQlPath).Count);
    }

    [Fact]
    public async Task WhenTheSecondPageIsRefusedTheFirstIsKeptWithAWarning()
    {
        UpworkStubs.Site.StubResults(_server.Server);
        _server.Server.StubSearch("server-error.txt", body: b => UpworkStubs.After(b, UpworkTestSite.SecondPageCursor), status: 500, priority: 0);
        await using var upwork = UpworkHarness.Create(_server, o => { o.AccessToken = TestTokens.Access; o.PageSize = 5; });

        var result = await upwork.SearchAsync(new GigQuery("lead") { Limit = 20 });

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(5, outcome.ReceivedCount);
        Assert.Equal(3, result.Gigs.Count);
        Assert.Equal(GigWarningKind.PagingStopped, Assert.Single(outcome.Warnings).Kind);

        // Page 1, then page 2 twice (the resilience handler's retry), and never page 2 without paging.
        var requests = _server.Server.Requests(UpworkStubs.GraphQlPath);
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.True(r.Filter().TryGetProperty("pagination_eq", out _)));
    }
}

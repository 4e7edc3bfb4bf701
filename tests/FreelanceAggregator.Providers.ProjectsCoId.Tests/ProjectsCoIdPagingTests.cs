using FreelanceAggregator.TestSites;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The request Projects.co.id is sent and how its listing is paged: the page number as cursor, the pagination, the limit and MaxPages.</summary>
public sealed class ProjectsCoIdPagingTests : ProjectsCoIdServerTests
{
    [Fact]
    public async Task SendsKeywordsToTheSiteSearchAndAsksForHtml()
    {
        Server.Server.Given(Site.SearchRequest().WithParam("search", "aplikasi android"))
            .RespondWith(Site.Answer("search-aplikasi.html"));

        var gigs = await SearchAsync(new GigQuery("aplikasi android"));

        Assert.Equal(["5a8e19", "cd8d19"], gigs.Select(g => g.Id));
        var request = Assert.Single(Server.Server.LogEntries).RequestMessage;
        Assert.Equal("1", Query(new Uri(request.AbsoluteUrl), "page"));
        Assert.Equal("aplikasi android", Query(new Uri(request.AbsoluteUrl), "search"));
        Assert.Contains("text/html", request.Headers!["Accept"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("FreelanceAggregator/", request.Headers["User-Agent"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageNumberIsTheCursorAndTheLastPageTheSiteOffersHasNone()
    {
        Site.StubResults(Server.Server);
        await using var aggregator = CreateAggregator();
        var provider = Assert.Single(aggregator.Providers);

        var first = await provider.FetchPageAsync(new GigPageRequest(new GigQuery()), TestContext.Current.CancellationToken);
        var third = await provider.FetchPageAsync(new GigPageRequest(new GigQuery()) { PageIndex = 1, Cursor = "3" }, TestContext.Current.CancellationToken);

        Assert.Equal(["ae8e19", "a88e19", "a58e19", "788e19", "5a8e19"], first.Listings.Select(g => g.Id));
        Assert.Equal("2", first.NextCursor);
        Assert.Null(first.TotalCount);
        Assert.Empty(first.ExchangeRates);
        Assert.Equal(ProjectsCoIdTestSite.ListingPath, first.RequestUri?.AbsolutePath);
        Assert.Equal(["798d19", "2c8919", "8b8d19", "638b19"], third.Listings.Select(g => g.Id));
        Assert.True(third.IsLastPage);
        Assert.Equal(["1", "3"], Server.Requests().Select(u => Query(u, "page")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("-1")]
    public async Task ACursorThatIsNotAPageNumberIsAnArgumentExceptionNamingIt(string cursor)
    {
        await using var aggregator = CreateAggregator();
        var provider = Assert.Single(aggregator.Providers);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await provider.FetchPageAsync(new GigPageRequest(new GigQuery()) { Cursor = cursor }, TestContext.Current.CancellationToken));

        Assert.Contains($"'{cursor}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public async Task ThePageSizeWantedIsTheSitesToChoose()
    {
        Site.StubResults(Server.Server);
        await using var aggregator = CreateAggregator();

        var page = await Assert.Single(aggregator.Providers).FetchPageAsync(new GigPageRequest(new GigQuery()) { PageSize = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(5, page.Listings.Count);
        Assert.Null(Query(Assert.Single(Server.Requests()), "limit"));
    }

    [Fact]
    public async Task PagesToTheLastPageTheSiteOffersAndTheRepeatedRowComesOnce()
    {
        Site.StubResults(Server.Server);
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 100 }, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(13, result.Gigs.Count);
        Assert.Equal(result.Gigs.Count, result.Gigs.Select(g => g.Id).Distinct().Count());
        Assert.Equal(3, outcome.PageCount);
        Assert.Equal(14, outcome.ReceivedCount);
        Assert.Equal(1, outcome.DuplicateCount);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(["1", "2", "3"], Server.Requests().Select(u => Query(u, "page")));
        Assert.All(Server.Requests(), u => Assert.Equal(ProjectsCoIdTestSite.ListingPath, u.AbsolutePath));
        Assert.Equal("638b19", result.Gigs[^1].Id);
    }

    [Fact]
    public async Task StopsAtTheLimit()
    {
        Site.StubResults(Server.Server);
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 7 }, TestContext.Current.CancellationToken);

        Assert.Equal(["ae8e19", "a88e19", "a58e19", "788e19", "5a8e19", "168419", "128e19"], result.Gigs.Select(g => g.Id));
        Assert.Equal(["1", "2"], Server.Requests().Select(u => Query(u, "page")));
        Assert.Empty(Assert.Single(result.Outcomes).Warnings);
    }

    [Fact]
    public async Task StopsAtMaxPagesAndSaysSo()
    {
        Site.StubResults(Server.Server);
        await using var aggregator = CreateAggregator(o => o.MaxPages = 2);

        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 100 }, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Gigs.Count);
        Assert.Equal(["1", "2"], Server.Requests().Select(u => Query(u, "page")));
        var warning = Assert.Single(Assert.Single(result.Outcomes).Warnings);
        Assert.Equal(GigWarningKind.PagingStopped, warning.Kind);
        Assert.StartsWith("projects.co.id: ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptySearchIsZeroListings()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Site.Answer("search-empty.html"));

        var gigs = await SearchAsync(new GigQuery("zzzz"));

        Assert.Empty(gigs);
        Assert.Single(Server.Requests());
    }
}

using System.Globalization;
using System.Text;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>Paging through the page contract: the page number as cursor, when the list goes on, and where it stops.</summary>
public sealed class MicroworkersPagingTests : MicroworkersServerTests
{
    [Fact]
    public async Task APageThatLinksToTheNextGivesItsNumberAsTheCursor()
    {
        Site.StubResults(Server.Server);

        var first = await FetchPageAsync();
        var second = await FetchPageAsync(first.NextCursor);

        Assert.Equal("2", first.NextCursor);
        Assert.Equal(8, first.Listings.Count);
        Assert.Null(second.NextCursor);
        Assert.Equal(5, second.Listings.Count);
        Assert.Equal(new Uri(Server.BaseAddress, "jobs.php?page=2"), second.RequestUri);
        Assert.Null(first.TotalCount);
    }

    [Fact]
    public async Task AFullPageIsFollowedByTheNextEvenWithoutALink()
    {
        Serve(Page(rows: 100, idPrefix: "f"));

        var page = await FetchPageAsync();

        Assert.Equal(100, page.Listings.Count);
        Assert.Equal("2", page.NextCursor);
    }

    [Fact]
    public async Task APageWithFewerRowsAndNoLinkIsTheLast()
    {
        Serve(Page(rows: 99, idPrefix: "s"));

        var page = await FetchPageAsync();

        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task NoPageAfterTheSitesLastIsAskedFor()
    {
        Site.StubResults(Server.Server);

        var page = await FetchPageAsync(configure: o => o.LastPage = 1);

        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task RowsPerPageCanBeSetForASiteThatShowsFewer()
    {
        Serve(Page(rows: 20, idPrefix: "t"));

        var page = await FetchPageAsync(configure: o => o.RowsPerPage = 20);

        Assert.Equal("2", page.NextCursor);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("campaign3f9a1c27b0de")]
    public async Task ACursorThatIsNoPageNumberIsRefused(string cursor)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => FetchPageAsync(cursor));

        Assert.Contains("not a Microworkers page cursor", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public async Task MaxPagesEndsPagingWithAWarning()
    {
        Site.StubResults(Server.Server);

        var (result, outcome) = await SearchAsync(configure: o => o.MaxPages = 1);

        Assert.NotEmpty(result.Gigs);
        Assert.Equal(8, outcome.ReceivedCount);
        Assert.Equal(1, outcome.PageCount);
        Assert.Contains(outcome.Warnings, w => w.Kind == GigWarningKind.PagingStopped);
    }

    // A page of the list with the given number of rows and no link to another page.
    private static string Page(int rows, string idPrefix)
    {
        var html = new StringBuilder("<html><head><title>Microworkers - Available jobs</title></head><body><div class=\"joblistarea\">");
        for (var i = 0; i < rows; i++)
        {
            var id = idPrefix + i.ToString("x11", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"jobslist\" id=\"campaign{id}\"><div class=\"jobname\"><a href=\"jobs_details.php?Id=q{id}\">Job {i}</a></div><div class=\"jobpayment\"><p>$0.10</p></div></div>");
        }

        return html.Append("</div></body></html>").ToString();
    }
}

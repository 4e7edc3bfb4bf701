using FreelanceAggregator.Providers.Html;
using FreelanceAggregator.Testing;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>
/// Bugs the fuzzing and the fault matrix found in the Projects.co.id parser, each pinned by the input that showed it;
/// and the nesting estimate of the HTML package's parser, which guards against one of them.
/// </summary>
public sealed class ProjectsCoIdRegressionTests
{
    private static readonly Uri PageUri = new("https://projects.co.id/public/browse_projects/listing?page=1");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static ProjectsCoIdPage Parse(string html) => ProjectsCoIdParser.Parse(html, PageUri, ProjectsCoIdProvider.DefaultName, Now);

    [Theory]
    [InlineData("Rp 500,000 - 1,000,000", "8p72'00l")]
    [InlineData("Rp 500,000 - 1,000,000", "5 USD 10")]
    public void ABudgetWhoseCurrencyMarkTouchesBothNumbersIsAWarningNotAnException(string budget, string mangled)
    {
        // Found by fuzzing: PriceTextPattern.ParseRange sliced the text between two amounts sharing one mark and threw
        // ArgumentOutOfRangeException out of the parser.
        var page = Parse(Fixtures.Read("listing-page1.html").Replace(budget, mangled, StringComparison.Ordinal));

        Assert.NotEmpty(page.Gigs);
        var warning = Assert.Single(page.Warnings);
        Assert.Equal((GigWarningKind.ValueUnreadable, "ae8e19", "budget"), (warning.Kind, warning.ListingId, warning.Field));
        Assert.Null(Assert.Single(page.Gigs, g => g.Id == "ae8e19").Budget);
    }

    [Fact]
    public void AListingCutOffHalfwayIsAnInvalidResponseNotFewerProjects()
    {
        // Found by the fault matrix: the rows before the cut were read as the whole page (2 projects, "succeeded").
        var page = Fixtures.Read("listing-page1.html");
        var cut = page[..(page.Length / 2)].TrimEnd('>', ' ', '\n');

        var error = Assert.Throws<GigProviderException>(() => Parse(cut));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
        Assert.Contains("cut off", error.Message, StringComparison.Ordinal);
        Assert.Contains(PageUri.AbsoluteUri, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AListingThatLeavesOutItsOptionalEndTagsIsReadAsAWholePage()
    {
        // HTML lets a page omit </body></html>; such a page ends with a tag, and is not taken for a cut one.
        var page = Fixtures.Read("listing-page1.html").Replace("</body>", string.Empty, StringComparison.Ordinal).Replace("</html>", string.Empty, StringComparison.Ordinal);

        Assert.Equal(Parse(Fixtures.Read("listing-page1.html")).Gigs.Count, Parse(page).Gigs.Count);
    }

    [Fact]
    public void APageNestedDeeperThanBrowsersBuildIsRefusedAtOnce()
    {
        // Found by fuzzing: AngleSharp's tree building costs the square of the nesting depth (32,000 unclosed elements,
        // 600 KB, took 48 s), so a hostile page within the size cap could hold a search for hours.
        var html = "<!DOCTYPE html><html><body><div id=\"ds\">" + string.Concat(Enumerable.Repeat("<ul><li>", 100_000)) + "</div></body></html>";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<GigProviderException>(() => Parse(html));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
        Assert.Contains("more than 512 deep", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"refusing took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Theory]
    [InlineData("listing-page1.html")]
    [InlineData("listing-odd-rows.html")]
    [InlineData("search-aplikasi.html")]
    public void RealPagesNestFarBelowTheLimit(string fixture) =>
        Assert.InRange(HtmlPage.NestingDepth(Fixtures.Read(fixture), HtmlPage.MaxNesting), 5, 40);

    [Theory]
    [InlineData("<div><div><div></div></div></div>", 3)]
    [InlineData("<div></div><div></div><div></div>", 1)]
    [InlineData("<p>a<p>b<p>c<li>d<li>e<br><img src=x><hr>", 0)]
    [InlineData("<div><script>if (a < b) { document.write('<div><div><div>') }</script></div>", 1)]
    [InlineData("<div><!-- <div><div> --><textarea><div><div></textarea></div>", 1)]
    [InlineData("<div title=\"a > <div>\"><span></span></div>", 2)]
    [InlineData("<svg><g><path/><path/><path/></g></svg>", 2)]
    public void TheNestingEstimateReadsTagsAsTheParserDoes(string html, int depth) =>
        Assert.Equal(depth, HtmlPage.NestingDepth(html, HtmlPage.MaxNesting));

    [Theory]
    [InlineData("<a href=x><div></a>")]
    [InlineData("<div></span>")]
    [InlineData("<div/>")]
    [InlineData("<b><i><u>")]
    [InlineData("<table><tr><td><div>")]
    public void HostileShapesCountAtLeastAsDeepAsTheTreeTheyBuild(string piece)
    {
        // Each repetition of these leaves at least one more element open in the tree the HTML parser builds; a stray end
        // tag, a self-closing div or the adoption agency must not hide it from the estimate.
        var html = string.Concat(Enumerable.Repeat(piece, 600));

        Assert.True(HtmlPage.NestingDepth(html, HtmlPage.MaxNesting) > HtmlPage.MaxNesting);
    }
}

using FreelanceAggregator.Testing;
using Xunit;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>Bugs the fuzzing and the fault matrix found in the Sribulancer parsers, each pinned by the input that showed it.</summary>
public sealed class SribulancerRegressionTests
{
    private static readonly Uri ApiUri = new("https://api.sribu.com/public");
    private static readonly Uri PageUri = new("https://www.sribu.com/id/browse-jobs?page=1");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnInvalidUtf16EscapeMakesAValueUnreadableNotTheParserThrow()
    {
        // "\ud800" is valid JSON syntax, but JsonElement.GetString() throws InvalidOperationException for it, and the
        // API parser read every value with it, so one such value threw out of the parser.
        const string Body = """{"data":{"jobsList":{"count":2,"data":[{"id":"j1","title":"\ud800"},{"id":"j2","title":"Logo kopi","budget":"\udc00","created_at":"\ud800"}]}}}""";

        var page = SribuApiParser.Parse(Body, ApiUri, "sribulancer", new SribulancerOptions(), Now);

        Assert.Equal("j2", Assert.Single(page.Gigs).Id);
        Assert.Contains(page.Warnings, w => w.Kind == GigWarningKind.ListingSkipped && w.ListingId == "j1" && w.Field == "title");
    }

    [Fact]
    public void AGraphQlErrorWithAnInvalidUtf16EscapeIsStillASiteError()
    {
        var error = Assert.Throws<GigProviderException>(() => SribuApiParser.Parse("""{"errors":[{"message":"\ud800"},{"message":"bad query"}]}""", ApiUri, "sribulancer", new SribulancerOptions(), Now));

        Assert.Equal(GigProviderFailure.SiteError, error.Failure);
        Assert.Contains("bad query", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithALoneSurrogateIsAnInvalidResponseNotAnArgumentException()
    {
        // JsonDocument.Parse(string) throws ArgumentException for text that cannot be transcoded to UTF-8.
        var error = Assert.Throws<GigProviderException>(() => SribuApiParser.Parse("{\"data\":\"\ud83d\"}", ApiUri, "sribulancer", new SribulancerOptions(), Now));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
    }

    [Fact]
    public void ABrowsePageCutOffHalfwayIsAnInvalidResponseNotFewerJobs()
    {
        // Found by the fault matrix: the first cards of a cut page were read as the whole page (2 jobs, "succeeded").
        var page = Fixtures.Read("browse-jobs.html");
        var cut = page[..(page.Length / 2)].TrimEnd('>', ' ', '\n');

        var error = Assert.Throws<GigProviderException>(() => SribulancerPageParser.Parse(cut, PageUri, "sribulancer", new SribulancerOptions { Source = SribulancerSource.BrowsePage }, Now));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
        Assert.Contains("cut off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrowsePageThatLeavesOutItsOptionalEndTagsIsReadAsAWholePage()
    {
        // HTML lets a page omit </body></html>; such a page ends with a tag, and is not taken for a cut one.
        var page = Fixtures.Read("browse-jobs.html").Replace("</body>", string.Empty, StringComparison.Ordinal).Replace("</html>", string.Empty, StringComparison.Ordinal);

        Assert.NotEmpty(SribulancerPageParser.Parse(page, PageUri, "sribulancer", new SribulancerOptions { Source = SribulancerSource.BrowsePage }, Now).Gigs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APageNestedDeeperThanBrowsersBuildIsRefusedAtOnce(bool apiAnswer)
    {
        // Found by fuzzing: AngleSharp's tree building costs the square of the nesting depth (32,000 unclosed elements,
        // 600 KB, took 48 s), so a hostile page within the size cap could hold a search for hours.
        var html = "<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<a href=x><div></a>", 100_000)) + "</body></html>";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<GigProviderException>(() =>
        {
            if (apiAnswer)
            {
                SribuApiParser.Parse(html, ApiUri, "sribulancer", new SribulancerOptions(), Now);
            }
            else
            {
                SribulancerPageParser.Parse(html, PageUri, "sribulancer", new SribulancerOptions { Source = SribulancerSource.BrowsePage }, Now);
            }
        });

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
        Assert.Contains("more than 512 deep", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"refusing took {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}

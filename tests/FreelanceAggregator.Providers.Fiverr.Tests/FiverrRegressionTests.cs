using FreelanceAggregator.Providers.Fiverr.Internal;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>Bugs the fuzzing found in the Fiverr parser, each pinned by the input that showed it.</summary>
public sealed class FiverrRegressionTests
{
    private static readonly Uri PageUri = new("https://www.fiverr.com/search/gigs?query=logo");

    private static string Page(string json) =>
        "<!DOCTYPE html><html><head><title>Fiverr</title></head><body><div id=\"perseus-app\"></div>"
        + "<script type=\"application/json\" id=\"perseus-initial-props\">" + json + "</script></body></html>";

    [Fact]
    public void AnInvalidUtf16EscapeMakesAValueUnreadableNotTheParserThrow()
    {
        // "\ud800" is valid JSON syntax, but JsonElement.GetString() throws InvalidOperationException for it.
        var page = FiverrSearchPageParser.Parse(Page("""{"listings":[{"gigs":[{"gigId":1,"title":"\ud800","gig_url":"/a/b"},{"gigId":"\ud800","title":"logo","gig_url":"/a/c","price_i":"\udc00","seller_country":"\ud800"},{"gigId":3,"title":"logo design","gig_url":"/a/d"}]}]}"""), PageUri);

        Assert.Equal("3", Assert.Single(page.Gigs).Id);
        Assert.Equal(
            [(GigWarningKind.ListingSkipped, "1", "title"), (GigWarningKind.ListingSkipped, null, "id")],
            page.Warnings.Select(w => (w.Kind, w.ListingId, w.Field)));
    }

    [Fact]
    public void TextWithALoneSurrogateIsAnInvalidResponseNotAnArgumentException()
    {
        // JsonDocument.Parse(string) throws ArgumentException for text that cannot be transcoded to UTF-8.
        var error = Assert.Throws<GigProviderException>(() => FiverrSearchPageParser.Parse(Page("{\"listings\":\"\ud83d\"}"), PageUri));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
    }

    [Fact]
    public void APageNestedDeeperThanBrowsersBuildIsRefusedAtOnce()
    {
        // Found by fuzzing: AngleSharp's tree building costs the square of the nesting depth (32,000 unclosed elements,
        // 600 KB, took 48 s), so a hostile page within the size cap could hold a search for hours.
        var html = "<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<b><i><u>", 100_000)) + "</body></html>";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<GigProviderException>(() => FiverrSearchPageParser.Parse(html, PageUri));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
        Assert.Contains("more than 512 deep", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"refusing took {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}

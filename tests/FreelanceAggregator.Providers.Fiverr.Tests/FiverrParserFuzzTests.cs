using FreelanceAggregator.Providers.Fiverr.Internal;
using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>Mutated search pages through the pure parser: gigs, warnings or a <see cref="GigProviderException"/>, and nothing else.</summary>
public sealed class FiverrParserFuzzTests
{
    private static readonly Uri PageUri = new("https://www.fiverr.com/search/gigs?query=logo");

    [Theory]
    [InlineData("search-page1.html")]
    [InlineData("search-page2.html")]
    [InlineData("search-no-results.html")]
    [InlineData("search-malformed-gigs.html")]
    [InlineData("wrong-shape.html")]
    [InlineData("app-shell.html")]
    [InlineData("missing-script.html")]
    [InlineData("blocked-perimeterx.html")]
    [InlineData("blocked-one-small-step.html")]
    public void MutatedPagesGiveGigsWarningsOrAGigProviderException(string fixture) =>
        ParserFuzzing.AssertContract(FixtureMutator.Html(Fixtures.Read(fixture), ParserFuzzing.Iterations, ParserFuzzing.Seed), Parse, typeof(GigProviderException));

    internal static void Parse(string html)
    {
        var page = FiverrSearchPageParser.Parse(html, PageUri);
        Assert.All(page.Gigs, gig => Assert.True(GigUrls.IsOnHost(gig.Url, "www.fiverr.com"), gig.Url.AbsoluteUri));
    }
}

/// <summary>
/// The search data a page embeds, mutated (keys, types, numbers, nesting) and put back into the page, so that each input
/// reaches the JSON reading: gigs, warnings or a <see cref="GigProviderException"/>, and nothing else.
/// </summary>
public sealed class FiverrSearchDataFuzzTests
{
    private const string DataStart = "<script type=\"application/json\" id=\"perseus-initial-props\">";

    [Theory]
    [InlineData("search-page1.html")]
    [InlineData("search-page2.html")]
    [InlineData("search-no-results.html")]
    [InlineData("search-malformed-gigs.html")]
    public void MutatedSearchDataGivesGigsWarningsOrAGigProviderException(string fixture)
    {
        var page = Fixtures.Read(fixture);
        var start = page.IndexOf(DataStart, StringComparison.Ordinal) + DataStart.Length;
        var end = page.IndexOf("</script>", start, StringComparison.Ordinal);
        Assert.True(start >= DataStart.Length && end > start, $"{fixture} holds no {DataStart}");
        var report = ParserFuzzing.AssertContract(FixtureMutator.JsonInside(page, start, end - start, ParserFuzzing.Iterations, ParserFuzzing.Seed), FiverrParserFuzzTests.Parse, typeof(GigProviderException));
        Assert.True(report.Parsed > 0, report.ToString());
    }
}

using System.Globalization;
using System.Text;
using FreelanceAggregator.Providers.Fiverr.Internal;
using FreelanceAggregator.Providers.Html;
using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>
/// The parser finds the search data by scanning the page's text (<see cref="FiverrDataScan.TryScan"/>) and
/// builds the whole DOM only when that fails. Both ways must give the same page, or the same exception, for every
/// input: the fixtures, every fuzz mutation of them, and pages written to trip a text scan.
/// </summary>
public sealed class FiverrDataScanTests
{
    private const string DataStart = "<script type=\"application/json\" id=\"perseus-initial-props\">";

    private static readonly Uri PageUri = new("https://www.fiverr.com/search/gigs?query=logo");

    [Theory]
    [InlineData("search-page1.html")]
    [InlineData("search-page2.html")]
    [InlineData("search-no-results.html")]
    [InlineData("search-malformed-gigs.html")]
    [InlineData("wrong-shape.html")]
    public void TheFixturesAreReadByScanning(string fixture)
    {
        var html = Fixtures.Read(fixture);
        Assert.True(FiverrDataScan.TryScan(html, FiverrProvider.DefaultName, PageUri, null, out var outline, out var data), $"{fixture} went the full way.");
        outline.Dispose();
        Assert.Equal(FullParseData(html), data.ToString());
        Assert.True(AssertSameAnswer(html).Scanned);
    }

    [Theory]
    [InlineData("app-shell.html")]
    [InlineData("missing-script.html")]
    [InlineData("blocked-perimeterx.html")]
    [InlineData("blocked-one-small-step.html")]
    public void PagesWithoutTheDataGoTheFullWay(string fixture)
    {
        var html = Fixtures.Read(fixture);
        Assert.False(FiverrDataScan.TryScan(html, FiverrProvider.DefaultName, PageUri, null, out _, out _));
        Assert.StartsWith("refused: ", AssertSameAnswer(html).Answer, StringComparison.Ordinal);
    }

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
    public void MutatedPagesGiveTheSameAnswerBothWays(string fixture)
    {
        var scanned = 0;
        ParserFuzzing.AssertContract(
            FixtureMutator.Html(Fixtures.Read(fixture), ParserFuzzing.Iterations, ParserFuzzing.Seed),
            html => AssertSameAnswer(html, rethrow: true, () => scanned++),
            typeof(GigProviderException));
        TestContext.Current.TestOutputHelper?.WriteLine($"{scanned} of the mutations were read by scanning.");
    }

    [Theory]
    [InlineData("search-page1.html")]
    [InlineData("search-malformed-gigs.html")]
    public void MutatedSearchDataGivesTheSameAnswerBothWays(string fixture)
    {
        var page = Fixtures.Read(fixture);
        var start = page.IndexOf(DataStart, StringComparison.Ordinal) + DataStart.Length;
        var end = page.IndexOf("</script>", start, StringComparison.Ordinal);
        var scanned = 0;
        ParserFuzzing.AssertContract(
            FixtureMutator.JsonInside(page, start, end - start, ParserFuzzing.Iterations, ParserFuzzing.Seed),
            html => AssertSameAnswer(html, rethrow: true, () => scanned++),
            typeof(GigProviderException));

        // Most mutations of the data leave the page's markup alone, so most must take the scan.
        Assert.True(scanned > ParserFuzzing.Iterations / 2, $"only {scanned} mutations were read by scanning");
    }

    // What the tricky pages give: the gigs of search-page1.html's data (six, of seven entries), or a refusal.
    private const string AllGigs = "6 gigs";
    private const string OneGigWithoutTitle = "5 gigs, ListingSkipped";
    private const string NoData = "refused: InvalidResponse (no search data)";
    private const string BadData = "refused: InvalidResponse";
    private const string EmptyShell = "refused: JavaScriptRequired";

    /// <summary>
    /// Pages that put the data where a text scan could be fooled, whether the scan may read them, and what both ways must
    /// give. Only a real HTML data script may be read by scanning; where the full parse finds none, the page has no
    /// search data; inside SVG or MathML the full parse still finds an element with the id, and the scan leaves it to it.
    /// </summary>
    public static TheoryData<string, string, bool, string> TrickyPages => new()
    {
        { "in a comment", "<!-- {0} -->", false, NoData },
        { "in an unclosed comment", "<!-- {0}", false, NoData },
        { "in a template", "<template>{0}</template>", false, NoData },
        { "in an SVG", "<svg>{0}</svg>", false, AllGigs },
        { "in MathML", "<math>{0}</math>", false, AllGigs },
        { "in a textarea", "<textarea>{0}</textarea>", false, NoData },
        { "in a title", "<title>{0}</title>", false, NoData },
        { "in a style", "<style>{0}</style>", false, NoData },
        { "in noscript", "<noscript>{0}</noscript>", true, AllGigs }, // scripting is off, so noscript holds markup
        { "in another script", "<script>var a = '{0}';</script>", false, NoData },
        { "in plaintext", "<plaintext>{0}", false, NoData },
        { "in xmp", "<xmp>{0}</xmp>", false, NoData },
        { "in an iframe", "<iframe>{0}</iframe>", false, NoData },
        { "after a frameset", "<frameset></frameset>{0}", true, AllGigs },
        { "in a select", "<select>{0}</select>", true, AllGigs },
        { "in a table", "<table>{0}</table>", true, AllGigs },
        { "after a div with the same id", "<div id=\"perseus-initial-props\">x</div>{0}", false, NoData },
        { "after a script with the same id", "<script id=\"perseus-initial-props\">{{\"other\":1}}</script>{0}", true, BadData }, // the first script's data, which has no gig list
        { "after the id in a script's text", "<script>document.getElementById('perseus-initial-props')</script>{0}", false, AllGigs },
        { "after an unclosed attribute quote", "<div title=\"{0}", false, NoData },
        { "in an attribute", "<div title='{0}'></div>", false, NoData },
    };

    [Theory]
    [MemberData(nameof(TrickyPages))]
    public void TrickyPagesGiveTheSameAnswerBothWays(string where, string wrapper, bool scanned, string expected)
    {
        var data = Data();
        var html = $"<!DOCTYPE html><html><head><meta name=\"fiverrmeta:currency\" content=\"EUR\"></head><body>{string.Format(CultureInfo.InvariantCulture, wrapper, DataStart + data + "</script>")}</body></html>";

        var (wasScanned, answer) = AssertSameAnswer(html);

        Assert.True(scanned == wasScanned, $"{where}: the scan {(wasScanned ? "read" : "left")} the page, where it should have {(scanned ? "read" : "left")} it.");
        Assert.Equal(expected, answer);
    }

    /// <summary>Changes to the data script itself that a scan must read the way the HTML parser does, whether it may read them, and what both ways give.</summary>
    public static TheoryData<string, string, string, bool, string> TrickyScripts => new()
    {
        { "upper-case tags", "<SCRIPT type=\"application/json\" id=\"perseus-initial-props\">", "</SCRIPT>", true, AllGigs },
        { "attributes reordered", "<script id=\"perseus-initial-props\" type=\"application/json\">", "</script>", true, AllGigs },
        { "unquoted id", "<script id=perseus-initial-props>", "</script>", true, AllGigs },
        { "single quotes", "<script id='perseus-initial-props' data-x='a>b'>", "</script>", true, AllGigs },
        { "a quoted '>' before the id", "<script data-x=\"a>b\" id=\"perseus-initial-props\">", "</script>", true, AllGigs },
        { "an id written with an entity", "<script id=\"perseus&#45;initial-props\">", "</script>", false, AllGigs }, // the scan looks for the id as text
        { "another id first", "<script id=\"other\" id=\"perseus-initial-props\">", "</script>", false, EmptyShell }, // the first of two attributes counts
        { "the id in another attribute", "<script data-id=\"perseus-initial-props\">", "</script>", false, EmptyShell },
        { "self-closing", "<script id=\"perseus-initial-props\"/>", "</script>", true, AllGigs }, // "/>" does not close an HTML script
        { "end tag with space", "<script id=\"perseus-initial-props\">", "</script >", true, AllGigs },
        { "end tag with attributes", "<script id=\"perseus-initial-props\">", "</script foo=\"bar\">", true, AllGigs },
        { "end tag with slash", "<script id=\"perseus-initial-props\">", "</script/>", true, AllGigs },
        { "end tag with form feed", "<script id=\"perseus-initial-props\">", "</script\f>", true, AllGigs },
        { "end tag mixed case", "<script id=\"perseus-initial-props\">", "</ScRiPt>", true, AllGigs },
        { "end tag with a long s", "<script id=\"perseus-initial-props\">", "</\u017Fcript></script>", true, BadData }, // not an end tag: the data runs on to the real one
        { "no end tag", "<script id=\"perseus-initial-props\">", string.Empty, false, BadData }, // the data runs to the end of the page
        { "end tag cut short", "<script id=\"perseus-initial-props\">", "</script", false, BadData },
        { "script on the id's line in another tag", "<scripts id=\"perseus-initial-props\">", "</scripts>", false, EmptyShell },
    };

    [Theory]
    [MemberData(nameof(TrickyScripts))]
    public void TrickyScriptsGiveTheSameAnswerBothWays(string what, string startTag, string endTag, bool scanned, string expected)
    {
        var html = $"<html><head></head><body><div id=\"perseus-app\"></div>{startTag}{Data()}{endTag}</body></html>";

        var (wasScanned, answer) = AssertSameAnswer(html);

        Assert.True(scanned == wasScanned, $"{what}: the scan {(wasScanned ? "read" : "left")} the page, where it should have {(scanned ? "read" : "left")} it.");
        Assert.Equal(expected, answer);
    }

    /// <summary>
    /// Text inside the data that the HTML parser changes or reads as markup, whether the scan may read a page holding it,
    /// and what both ways give with it put in a key (the first gig's <c>"title"</c>, so that gig is skipped if the JSON
    /// still reads), after the data's opening brace, and before the data.
    /// </summary>
    public static TheoryData<string, string, bool, string> TrickyData => new()
    {
        { "CRLF line ends", "\r\n", false, $"{BadData}; {AllGigs}; {AllGigs}" }, // white space between JSON values, not inside a string
        { "a lone CR", "\r", false, $"{BadData}; {AllGigs}; {AllGigs}" },
        { "NUL", "\0", false, $"{OneGigWithoutTitle}; {BadData}; {BadData}" }, // the parser's U+FFFD is a character in a string
        { "a comment opener", "<!--", false, $"{OneGigWithoutTitle}; {BadData}; {BadData}" },
        { "a comment opener and a script tag", "<!--<script>", false, $"{BadData}; {BadData}; {BadData}" }, // escaped script data runs past the end tag
        { "an end tag of another element", "</div>", true, $"{OneGigWithoutTitle}; {BadData}; {BadData}" },
        { "a near end tag", "</scripts>", true, $"{OneGigWithoutTitle}; {BadData}; {BadData}" },
        { "an end tag inside a string", "</script>", true, $"{BadData}; {BadData}; {BadData} (empty)" }, // it ends the data there
        { "an entity", "&quot;&amp;", true, $"{OneGigWithoutTitle}; {BadData}; {BadData}" }, // script data keeps entities as they are
        { "a lone surrogate", "\ud800", true, $"{BadData}; {BadData}; {BadData}" }, // it cannot be transcoded to UTF-8
        { "a BOM and a non-character", "\uFEFF\uFFFF", false, $"{OneGigWithoutTitle}; {BadData}; {BadData}" },
        { "the marker's neighbourhood", "fiverr-search-data", true, $"{OneGigWithoutTitle}; {BadData}; {BadData}" },
        { "a form feed and a vertical tab", "\f\v", true, $"{BadData}; {BadData}; {BadData}" }, // raw control characters in a JSON string
    };

    [Theory]
    [MemberData(nameof(TrickyData))]
    public void TrickyDataGivesTheSameAnswerBothWays(string what, string inserted, bool scanned, string expected)
    {
        var data = Data();
        var inKey = data.IndexOf("\"title\"", StringComparison.Ordinal) is var at and >= 0 ? data.Insert(at + 1, inserted) : throw new InvalidOperationException("The data has no title.");
        var answers = new List<string>();
        foreach (var variant in new[] { inKey, data.Insert(1, inserted), inserted + data })
        {
            var (wasScanned, answer) = AssertSameAnswer($"<html><body>{DataStart}{variant}</script></body></html>");
            Assert.True(scanned == wasScanned, $"{what}: the scan {(wasScanned ? "read" : "left")} a page, where it should have {(scanned ? "read" : "left")} it.");
            answers.Add(answer);
        }

        Assert.Equal(expected, string.Join("; ", answers));
    }

    // Parses the page both ways and asserts the same result; returns whether the scan read it, and the answer in short
    // (the number of gigs and the kinds of warnings, or the refusal). Under the fuzz contract (rethrow) a refusal is
    // then rethrown for the contract to judge, as the plain fuzz tests do.
    private static (bool Scanned, string Answer) AssertSameAnswer(string html, bool rethrow = false, Action? scanned = null)
    {
        var scannedData = FiverrDataScan.TryScan(html, FiverrProvider.DefaultName, PageUri, null, out var outline, out var data);
        outline?.Dispose();
        if (scannedData)
        {
            scanned?.Invoke();
            if (HtmlNestingIsReadable(html))
            {
                Assert.Equal(FullParseData(html), data.ToString());
            }
        }

        var (fast, refusal, answer) = Outcome(() => FiverrSearchPageParser.Parse(html, PageUri, FiverrProvider.DefaultName, null, scanForData: true));
        var (full, _, _) = Outcome(() => FiverrSearchPageParser.Parse(html, PageUri, FiverrProvider.DefaultName, null, scanForData: false));
        Assert.True(full == fast, $"The full parse gives:\n{full}\n\nThe scan gives:\n{fast}");
        if (rethrow && refusal is not null)
        {
            throw refusal;
        }

        return (scannedData, answer);
    }

    // The full parse of a page deeper than the nesting limit is refused before any DOM is built.
    private static bool HtmlNestingIsReadable(string html) => HtmlPage.NestingDepth(html, HtmlPage.MaxNesting) <= HtmlPage.MaxNesting;

    // What the full parse (the same parser, from the same settings) gives as the data script's text.
    private static string? FullParseData(string html)
    {
        using var page = HtmlPage.Parse(html, FiverrProvider.DefaultName, PageUri);
        return page.GetElementById(FiverrDataScan.DataScriptId) is { LocalName: "script" } script ? script.TextContent : null;
    }

    // Everything a caller can see of the result, or of the refusal; and the answer in short.
    private static (string Outcome, GigProviderException? Refusal, string Answer) Outcome(Func<FiverrSearchPage> parse)
    {
        FiverrSearchPage page;
        try
        {
            page = parse();
        }
        catch (GigProviderException ex)
        {
            var why = ex.Message.Contains("no <script id=", StringComparison.Ordinal) ? " (no search data)"
                : ex.Message.Contains("> is empty)", StringComparison.Ordinal) ? " (empty)"
                : string.Empty;
            return ($"refused: {ex.Failure}: {ex.Message}", ex, $"refused: {ex.Failure}{why}");
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"entries {page.EntryCount}, total {page.Total}, page size {page.PageSize}, more {page.HasMore}\n");
        foreach (var gig in page.Gigs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{gig.Provider} | {gig.Id} | {gig.Kind} | {gig.Title} | {gig.Url} | {gig.Budget} | {gig.PostedAt:O} | {gig.Proposals} | {gig.Client} | {gig.Seller} | {gig.Category} | {string.Join(",", gig.Skills)} | {gig.Description} | {string.Join(",", gig.Extra.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"))}\n");
        }

        foreach (var warning in page.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"warning: {warning.Kind} | {warning.ListingId} | {warning.Field} | {warning.Message}\n");
        }

        var answer = string.Join(", ", page.Warnings.Select(w => w.Kind.ToString()).Prepend(string.Create(CultureInfo.InvariantCulture, $"{page.Gigs.Count} gigs")));
        return (text.ToString(), null, answer);
    }

    private static string Data()
    {
        var page = Fixtures.Read("search-page1.html");
        var start = page.IndexOf(DataStart, StringComparison.Ordinal) + DataStart.Length;
        return page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)];
    }
}

using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using FreelanceAggregator.Providers.Fiverr.Internal;
using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>
/// The parser finds the search data by scanning the page's text (<see cref="FiverrSearchPageParser.TryScanData"/>) and
/// builds the whole DOM only when that fails. Both ways must give the same page, or the same exception, for every
/// input: the fixtures, every fuzz mutation of them, and pages written to trip a text scan.
/// </summary>
public sealed class FiverrDataScanTests
{
    private const string DataStart = "<script type=\"application/json\" id=\"perseus-initial-props\">";

    private static readonly Uri PageUri = new("https://www.fiverr.com/search/gigs?query=logo");

    // The same parser settings the provider's HtmlDocumentParser uses.
    private static readonly HtmlParser FullParser = new(new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false });

    [Theory]
    [InlineData("search-page1.html")]
    [InlineData("search-page2.html")]
    [InlineData("search-no-results.html")]
    [InlineData("search-malformed-gigs.html")]
    [InlineData("wrong-shape.html")]
    public void TheFixturesAreReadByScanning(string fixture)
    {
        var html = Fixtures.Read(fixture);
        Assert.True(FiverrSearchPageParser.TryScanData(html, out var outline, out var data), $"{fixture} went the full way.");
        outline.Dispose();
        Assert.Equal(FullParseData(html), data.ToString());
        AssertSameAnswer(html);
    }

    [Theory]
    [InlineData("app-shell.html")]
    [InlineData("missing-script.html")]
    [InlineData("blocked-perimeterx.html")]
    [InlineData("blocked-one-small-step.html")]
    public void PagesWithoutTheDataGoTheFullWay(string fixture)
    {
        var html = Fixtures.Read(fixture);
        Assert.False(FiverrSearchPageParser.TryScanData(html, out _, out _));
        AssertSameAnswer(html);
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

    /// <summary>Pages that put the data where a text scan could be fooled: each must still give what the full parse gives.</summary>
    public static TheoryData<string, string> TrickyPages => new()
    {
        { "in a comment", "<!-- {0} -->" },
        { "in an unclosed comment", "<!-- {0}" },
        { "in a template", "<template>{0}</template>" },
        { "in an SVG", "<svg>{0}</svg>" },
        { "in MathML", "<math>{0}</math>" },
        { "in a textarea", "<textarea>{0}</textarea>" },
        { "in a title", "<title>{0}</title>" },
        { "in a style", "<style>{0}</style>" },
        { "in noscript", "<noscript>{0}</noscript>" },
        { "in another script", "<script>var a = '{0}';</script>" },
        { "in plaintext", "<plaintext>{0}" },
        { "in xmp", "<xmp>{0}</xmp>" },
        { "in an iframe", "<iframe>{0}</iframe>" },
        { "after a frameset", "<frameset></frameset>{0}" },
        { "in a select", "<select>{0}</select>" },
        { "in a table", "<table>{0}</table>" },
        { "after a div with the same id", "<div id=\"perseus-initial-props\">x</div>{0}" },
        { "after a script with the same id", "<script id=\"perseus-initial-props\">{{\"other\":1}}</script>{0}" },
        { "after the id in a script's text", "<script>document.getElementById('perseus-initial-props')</script>{0}" },
        { "after an unclosed attribute quote", "<div title=\"{0}" },
        { "in an attribute", "<div title='{0}'></div>" },
    };

    [Theory]
    [MemberData(nameof(TrickyPages))]
    public void TrickyPagesGiveTheSameAnswerBothWays(string where, string wrapper)
    {
        var data = Data();
        var html = $"<!DOCTYPE html><html><head><meta name=\"fiverrmeta:currency\" content=\"EUR\"></head><body>{string.Format(CultureInfo.InvariantCulture, wrapper, DataStart + data + "</script>")}</body></html>";
        Assert.True(html.Length > 0, where);
        AssertSameAnswer(html);
    }

    /// <summary>Changes to the data script itself and its text that a scan must read the way the HTML parser does.</summary>
    public static TheoryData<string, string, string> TrickyScripts => new()
    {
        { "upper-case tags", "<SCRIPT type=\"application/json\" id=\"perseus-initial-props\">", "</SCRIPT>" },
        { "attributes reordered", "<script id=\"perseus-initial-props\" type=\"application/json\">", "</script>" },
        { "unquoted id", "<script id=perseus-initial-props>", "</script>" },
        { "single quotes", "<script id='perseus-initial-props' data-x='a>b'>", "</script>" },
        { "a quoted '>' before the id", "<script data-x=\"a>b\" id=\"perseus-initial-props\">", "</script>" },
        { "an id written with an entity", "<script id=\"perseus&#45;initial-props\">", "</script>" },
        { "another id first", "<script id=\"other\" id=\"perseus-initial-props\">", "</script>" },
        { "the id in another attribute", "<script data-id=\"perseus-initial-props\">", "</script>" },
        { "self-closing", "<script id=\"perseus-initial-props\"/>", "</script>" },
        { "end tag with space", "<script id=\"perseus-initial-props\">", "</script >" },
        { "end tag with attributes", "<script id=\"perseus-initial-props\">", "</script foo=\"bar\">" },
        { "end tag with slash", "<script id=\"perseus-initial-props\">", "</script/>" },
        { "end tag with form feed", "<script id=\"perseus-initial-props\">", "</script\f>" },
        { "end tag mixed case", "<script id=\"perseus-initial-props\">", "</ScRiPt>" },
        { "end tag with a long s", "<script id=\"perseus-initial-props\">", "</\u017Fcript></script>" },
        { "no end tag", "<script id=\"perseus-initial-props\">", string.Empty },
        { "end tag cut short", "<script id=\"perseus-initial-props\">", "</script" },
        { "script on the id's line in another tag", "<scripts id=\"perseus-initial-props\">", "</scripts>" },
    };

    [Theory]
    [MemberData(nameof(TrickyScripts))]
    public void TrickyScriptsGiveTheSameAnswerBothWays(string what, string startTag, string endTag)
    {
        var html = $"<html><head></head><body><div id=\"perseus-app\"></div>{startTag}{Data()}{endTag}</body></html>";
        Assert.True(html.Length > 0, what);
        AssertSameAnswer(html);
    }

    /// <summary>Text inside the data that the HTML parser changes or reads as markup.</summary>
    public static TheoryData<string, string> TrickyData => new()
    {
        { "CRLF line ends", "\r\n" },
        { "a lone CR", "\r" },
        { "NUL", "\0" },
        { "a comment opener", "<!--" },
        { "a comment opener and a script tag", "<!--<script>" },
        { "an end tag of another element", "</div>" },
        { "a near end tag", "</scripts>" },
        { "an end tag inside a string", "</script>" },
        { "an entity", "&quot;&amp;" },
        { "a lone surrogate", "\ud800" },
        { "a BOM and a non-character", "\uFEFF\uFFFF" },
        { "the marker's neighbourhood", "fiverr-search-data" },
        { "a form feed and a vertical tab", "\f\v" },
    };

    [Theory]
    [MemberData(nameof(TrickyData))]
    public void TrickyDataGivesTheSameAnswerBothWays(string what, string inserted)
    {
        var data = Data();

        // Put the text inside a string value, where JSON allows most of it, and between values, where it does not.
        var inString = data.IndexOf("\"title\"", StringComparison.Ordinal) is var at and >= 0 ? data.Insert(at + 1, inserted) : data + inserted;
        foreach (var variant in new[] { inString, data.Insert(1, inserted), inserted + data })
        {
            var html = $"<html><body>{DataStart}{variant}</script></body></html>";
            Assert.True(html.Length > 0, what);
            AssertSameAnswer(html);
        }
    }

    // Parses the page both ways and asserts the same result; returns whether the scan read it. Under the fuzz contract
    // (rethrow) a refusal is then rethrown for the contract to judge, as the plain fuzz tests do.
    private static bool AssertSameAnswer(string html, bool rethrow = false, Action? scanned = null)
    {
        var scannedData = FiverrSearchPageParser.TryScanData(html, out var outline, out var data);
        outline?.Dispose();
        if (scannedData)
        {
            scanned?.Invoke();
            if (HtmlNestingIsReadable(html))
            {
                Assert.Equal(FullParseData(html), data.ToString());
            }
        }

        var (fast, refusal) = Outcome(() => FiverrSearchPageParser.Parse(html, PageUri, FiverrProvider.DefaultName, null, scanForData: true));
        var (full, _) = Outcome(() => FiverrSearchPageParser.Parse(html, PageUri, FiverrProvider.DefaultName, null, scanForData: false));
        Assert.True(full == fast, $"The full parse gives:\n{full}\n\nThe scan gives:\n{fast}");
        if (rethrow && refusal is not null)
        {
            throw refusal;
        }

        return scannedData;
    }

    // The full parse of a page deeper than the nesting limit is refused before any DOM is built.
    private static bool HtmlNestingIsReadable(string html) => FreelanceAggregator.Html.HtmlDocumentParser.NestingDepth(html, FreelanceAggregator.Html.HtmlDocumentParser.MaxNesting) <= FreelanceAggregator.Html.HtmlDocumentParser.MaxNesting;

    private static string? FullParseData(string html)
    {
        using var document = FullParser.ParseDocument(html);
        return document.GetElementById("perseus-initial-props") is { LocalName: "script" } script ? script.TextContent : null;
    }

    // Everything a caller can see of the result, or of the refusal.
    private static (string Outcome, GigProviderException? Refusal) Outcome(Func<FiverrSearchPage> parse)
    {
        FiverrSearchPage page;
        try
        {
            page = parse();
        }
        catch (GigProviderException ex)
        {
            return ($"refused: {ex.Failure}: {ex.Message}", ex);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"entries {page.EntryCount}, total {page.Total}, page size {page.PageSize}, more {page.HasMore}\n");
        foreach (var gig in page.Gigs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{gig.Provider} | {gig.Id} | {gig.Kind} | {gig.Title} | {gig.Url} | {gig.Budget} | {gig.PostedAt:O} | {gig.Proposals} | {gig.Client} | {gig.Seller} | {gig.Category} | {string.Join(",", gig.Skills)} | {gig.Description} | {string.Join(",", gig.Extra.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"))}\n");
        }

        foreach (var warning in page.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }

        return (text.ToString(), null);
    }

    private static string Data()
    {
        var page = Fixtures.Read("search-page1.html");
        var start = page.IndexOf(DataStart, StringComparison.Ordinal) + DataStart.Length;
        return page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)];
    }
}

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using FreelanceAggregator.Providers.Html;

namespace FreelanceAggregator.Providers.Fiverr.Internal;

/// <summary>
/// Finds Fiverr's search data by scanning the page's text, so that only the rest of the page (about 2% of it) is parsed
/// into a DOM: the data is 98% of a search page, and the HTML parser's tokenizer would otherwise walk it character by
/// character only to hand back the same text.
/// </summary>
internal static class FiverrDataScan
{
    /// <summary>The <c>id</c> of the script that holds the search data.</summary>
    public const string DataScriptId = "perseus-initial-props";

    // Put in place of the search data when the page is parsed without it: letters and dashes only, so it holds no '<'
    // or '>' and cannot join the text around it into another token.
    private const string DataMarker = "fiverr-search-data-read-by-scanning";

    // What TryFindDataScript stops at in script data: a tag or comment may start at '<'; the others change the text.
    private static readonly SearchValues<char> ScriptDataStops = SearchValues.Create("<\r\0\uFFFF");

    /// <summary>
    /// Finds the search data by scanning the page's text, and parses into a DOM only the rest of the page, with the data
    /// replaced by a short marker. <see langword="false"/> sends the page to the full parse.
    /// </summary>
    /// <remarks>
    /// The answer is the full parse's, or none, because the short page proves it. The HTML parser reads the two pages
    /// alike up to the marker. If the first element with the data's id in the short page is an HTML
    /// <c>&lt;script&gt;</c> (not one inside SVG or MathML) holding exactly the marker (which the page around the data
    /// may not hold), the parser was reading script data where the data begins, in the whole page too. Script data ends
    /// only at <c>&lt;/script</c> followed by white space, <c>/</c> or <c>&gt;</c> (ASCII, any case), and is read
    /// another way after <c>&lt;!--</c>; the data as scanned holds neither. The parser keeps script data as it is,
    /// except that it turns CR into LF and NUL into U+FFFD, and AngleSharp takes U+FFFF for the end of the input, so
    /// data holding any of them goes the full way. The rest of the page is the same in both, so the short page has the
    /// same elements (and the same currency <c>&lt;meta&gt;</c>). Tests parse every fuzz mutation of the fixtures both
    /// ways and compare. The caller still checks the whole page's nesting, as the full parse would.
    /// </remarks>
    /// <param name="html">The page.</param>
    /// <param name="provider">The provider's name, for the outline's messages.</param>
    /// <param name="address">Where the page came from, for the outline's messages.</param>
    /// <param name="statusCode">The HTTP status it came with, if known.</param>
    /// <param name="outline">The page without the data, parsed; dispose it.</param>
    /// <param name="data">The text of <c>&lt;script id="perseus-initial-props"&gt;</c>, as the full parse gives it.</param>
    /// <returns>Whether the data was found this way.</returns>
    public static bool TryScan(string html, string provider, Uri address, HttpStatusCode? statusCode, [NotNullWhen(true)] out HtmlPage? outline, out ReadOnlyMemory<char> data)
    {
        outline = null;
        data = default;
        if (!TryFindDataScript(html, out var start, out var end))
        {
            return false;
        }

        // The marker must be in the short page once, where the data was: the page around the data must not hold it.
        var before = html.AsSpan(0, start);
        var after = html.AsSpan(end);
        if (before.Contains(DataMarker, StringComparison.Ordinal) || after.Contains(DataMarker, StringComparison.Ordinal))
        {
            return false;
        }

        HtmlPage page;
        try
        {
            page = HtmlPage.Parse(string.Concat(before, DataMarker, after), provider, address, statusCode);
        }
        catch (GigProviderException)
        {
            // The short page nests too deep to parse: the full parse decides (and refuses the page if it is as deep).
            return false;
        }

        if (page.GetElementById(DataScriptId) is not { LocalName: "script" } script
            || !string.Equals(script.TextContent, DataMarker, StringComparison.Ordinal)
            || script.Closest("svg, math") is not null)
        {
            // Inside SVG or MathML a <script> is not read as script data. That is decided by where the element is, not
            // by its namespace, which the wrapper does not show; an HTML script under an SVG integration point is sent
            // the full way too, which costs time, never the answer.
            page.Dispose();
            return false;
        }

        outline = page;
        data = html.AsMemory(start, end - start);
        return true;
    }

    // The first <script ...> whose start tag mentions the data's id: where its text starts (after the '>') and ends
    // (the first "</script" followed by white space, '/' or '>', in ASCII of any case). A wrong guess is harmless:
    // TryScan then finds no marker in the script and leaves the page to the full parse.
    private static bool TryFindDataScript(string html, out int start, out int end)
    {
        start = end = -1;
        var id = html.IndexOf(DataScriptId, StringComparison.Ordinal);
        var open = id < 0 ? -1 : html.LastIndexOf('<', id);
        if (open < 0 || !IsTagName(html, open + 1, "script") || open + 7 >= html.Length || html[open + 7] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/'))
        {
            return false;
        }

        // The '>' that ends the start tag: a '>' in a quoted attribute value does not.
        var i = open + 7;
        for (; i < html.Length && html[i] != '>'; i++)
        {
            if (html[i] == '=')
            {
                var k = i + 1;
                while (k < html.Length && html[k] is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    k++;
                }

                if (k < html.Length && html[k] is '"' or '\'')
                {
                    var quote = html.IndexOf(html[k], k + 1);
                    if (quote < 0)
                    {
                        return false;
                    }

                    i = quote;
                }
            }
        }

        if (i >= html.Length || i < id)
        {
            return false;
        }

        // One pass over the data to its end tag, giving up at what the parser would change (CR, NUL), take for the end
        // of the input (U+FFFF, in AngleSharp) or read another way (a "<!--" starts escaped script data).
        for (var at = i + 1; at < html.Length; at++)
        {
            var next = html.AsSpan(at).IndexOfAny(ScriptDataStops);
            if (next < 0)
            {
                return false;
            }

            at += next;
            if (html[at] != '<' || string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
            {
                return false;
            }

            if (at + 8 < html.Length && html[at + 1] == '/' && IsTagName(html, at + 2, "script") && html[at + 8] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>')
            {
                (start, end) = (i + 1, at);
                return true;
            }
        }

        return false;
    }

    // Whether the text at `at` is `name` in ASCII of any case, as the HTML tokenizer compares tag names.
    private static bool IsTagName(string html, int at, string name)
    {
        if (at + name.Length > html.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = html[at + i];
            if ((char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c) != name[i])
            {
                return false;
            }
        }

        return true;
    }
}

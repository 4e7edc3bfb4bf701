// Shared source, compiled into each HTML provider package (linked from its .csproj), so that AngleSharp stays
// an implementation detail: nothing AngleSharp appears in any public signature.
using System.Net;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FreelanceAggregator.Html;

/// <summary>
/// AngleSharp used only as a parser: built once from an explicit configuration with no loader, so it never opens a
/// connection, runs a script or fetches a style sheet of its own.
/// </summary>
internal static class HtmlDocumentParser
{
    /// <summary>
    /// The deepest element nesting a page may have. The HTML tree builder does work proportional to the depth for every
    /// tag, so a page of N unclosed elements costs N² (32,000 nested elements, 600 KB, took AngleSharp 48 s); browsers
    /// cap their parser's tree at 512 for the same reason, and no listing page comes near it.
    /// </summary>
    public const int MaxNesting = 512;

    private static readonly HtmlParser Parser = new(
        new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false },
        BrowsingContext.New(Configuration.Default));

    // Elements that never hold others, and those whose end tag the parser implies when a sibling starts: neither
    // deepens the tree however many a page has.
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
    };

    // Elements whose content is text up to their end tag, so tags inside them are not tags.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>Parses a page the provider downloaded, after checking that it can be parsed in bounded time.</summary>
    /// <param name="html">The page.</param>
    /// <param name="provider">The provider's name, for the message.</param>
    /// <param name="pageUri">Where the page came from, for the message.</param>
    /// <param name="statusCode">The HTTP status it came with, if known.</param>
    /// <returns>The document; dispose it.</returns>
    /// <exception cref="GigProviderException">The page nests elements deeper than <see cref="MaxNesting"/> (<see cref="GigProviderFailure.InvalidResponse"/>).</exception>
    public static IDocument Parse(string html, string provider, Uri pageUri, HttpStatusCode? statusCode = null)
    {
        CheckNesting(html, provider, pageUri, statusCode);
        return Parser.ParseDocument(html);
    }

    /// <summary>The check <see cref="Parse"/> makes before it parses a page, for a parser that may then parse less than the whole page.</summary>
    /// <param name="html">The page.</param>
    /// <param name="provider">The provider's name, for the message.</param>
    /// <param name="pageUri">Where the page came from, for the message.</param>
    /// <param name="statusCode">The HTTP status it came with, if known.</param>
    /// <exception cref="GigProviderException">The page nests elements deeper than <see cref="MaxNesting"/> (<see cref="GigProviderFailure.InvalidResponse"/>).</exception>
    public static void CheckNesting(string html, string provider, Uri pageUri, HttpStatusCode? statusCode = null)
    {
        var depth = NestingDepth(html, MaxNesting);
        if (depth > MaxNesting)
        {
            throw new GigProviderException(
                provider,
                $"the page nests elements more than {MaxNesting} deep, which no listing page does; it was not read, because parsing such a page takes time that grows with the square of its depth",
                pageUri,
                statusCode,
                GigProviderFailure.InvalidResponse);
        }
    }

    /// <summary>Parses a page whose nesting <see cref="CheckNesting"/> or <see cref="NestingDepth"/> has already found within <see cref="MaxNesting"/>.</summary>
    /// <param name="html">The checked page.</param>
    /// <returns>The document; dispose it.</returns>
    public static IDocument ParseChecked(string html) => Parser.ParseDocument(html);

    /// <summary>Parses markup the library wrote itself (never a downloaded page: use the overload that checks it).</summary>
    public static IDocument ParseTrusted(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Estimates how deep a page nests its elements, without building it, and stops counting above
    /// <paramref name="stopAbove"/>. The estimate never falls below the depth the HTML parser builds for the hostile
    /// shapes that matter (unclosed or mis-nested elements): an end tag closes only the element on top, or a formatting
    /// element anywhere (what the parser's adoption agency does), so a stray end tag cannot hide an open element.
    /// </summary>
    internal static int NestingDepth(string html, int stopAbove)
    {
        var open = new List<string>();
        var foreign = 0;
        var max = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!' || next == '?')
            {
                // A comment, doctype, CDATA section or processing instruction.
                var end = string.CompareOrdinal(html, i, "<!--", 0, 4) == 0 ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i + 2);
                if (end < 0)
                {
                    break;
                }

                i = end + 1;
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // "a < b" is text.
                i++;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('/' or '>'))
            {
                nameEnd++;
            }

            var tagEnd = TagEnd(html, nameEnd, out var selfClosing);
            if (tagEnd < 0)
            {
                break;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            i = tagEnd + 1;
            if (closing)
            {
                Close(open, name, ref foreign);
                continue;
            }

            if (name == "plaintext")
            {
                // Everything after it is text.
                break;
            }

            if (RawText.Contains(name))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    break;
                }

                i = end;
                continue;
            }

            // "<div/>" is an open div in HTML; only inside SVG and MathML does "/>" close an element.
            if (Flat.Contains(name) || (selfClosing && foreign > 0))
            {
                continue;
            }

            if (name is "svg" or "math")
            {
                foreign++;
            }

            open.Add(name);
            if (open.Count > max)
            {
                max = open.Count;
                if (max > stopAbove)
                {
                    break;
                }
            }
        }

        return max;
    }

    /// <summary>Gets an element's visible text: script, style and template content left out, white space tidied.</summary>
    public static string? VisibleText(IElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = new StringBuilder();
        Append(element, text);
        return FreelanceAggregator.Providers.HtmlText.Tidy(text.ToString());
    }

    private static void Close(List<string> open, string name, ref int foreign)
    {
        if (open.Count == 0)
        {
            return;
        }

        if (open[^1] == name)
        {
            open.RemoveAt(open.Count - 1);
            if (name is "svg" or "math")
            {
                foreign--;
            }

            return;
        }

        // A formatting element closed under a block ("<a><div></a>"): the parser's adoption agency takes the
        // formatting element out and leaves the block open. Any other end tag that does not match the element on top
        // leaves the count as it is, which may count too deep on a sloppy page but never too shallow.
        if (name is "a" or "b" or "big" or "code" or "em" or "font" or "i" or "nobr" or "s" or "small" or "strike" or "strong" or "tt" or "u")
        {
            var at = open.LastIndexOf(name);
            if (at >= 0)
            {
                open.RemoveAt(at);
            }
        }
    }

    // The '>' that ends a tag, skipping quoted attribute values (which may hold '>').
    private static int TagEnd(string html, int from, out bool selfClosing)
    {
        selfClosing = false;
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (c == '>')
            {
                selfClosing = j > from && html[j - 1] == '/';
                return j;
            }

            if (c == '=')
            {
                var k = j + 1;
                while (k < html.Length && char.IsWhiteSpace(html[k]))
                {
                    k++;
                }

                if (k < html.Length && html[k] is '"' or '\'')
                {
                    var close = html.IndexOf(html[k], k + 1);
                    if (close < 0)
                    {
                        return -1;
                    }

                    j = close;
                }
            }
        }

        return -1;
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when e.LocalName is "script" or "style" or "template" or "noscript" or "iframe" or "noembed" or "noframes" or "object":
                    break;
                case IElement e:
                    var block = e.LocalName is "br" or "p" or "div" or "li" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
                    if (block)
                    {
                        text.Append('\n');
                    }

                    Append(e, text);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }
}

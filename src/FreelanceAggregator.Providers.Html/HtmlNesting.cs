namespace FreelanceAggregator.Providers.Html;

/// <summary>Measures how deep a page nests its elements without building it (see <see cref="HtmlPage.NestingDepth"/>).</summary>
internal static class HtmlNesting
{
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

    /// <summary>
    /// Estimates how deep a page nests its elements, without building it, and stops counting above
    /// <paramref name="stopAbove"/>. The estimate never falls below the depth the HTML parser builds for the hostile
    /// shapes that matter (unclosed or mis-nested elements): an end tag closes only the element on top, or a formatting
    /// element anywhere (what the parser's adoption agency does), so a stray end tag cannot hide an open element.
    /// </summary>
    public static int Depth(string html, int stopAbove)
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
}

using System.Net;
using System.Text;

namespace FreelanceAggregator.Providers;

/// <summary>
/// Turns the HTML or loosely formatted text a site sends into the plain text a <see cref="Gig"/> carries:
/// script and style content removed, tags dropped, line breaks kept where the markup had them, entities decoded,
/// white space tidied. It never executes or fetches anything.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer", "hr",
    };

    private static readonly HashSet<string> DroppedContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "svg", "head", "title",
    };

    /// <summary>Converts HTML (or text that may hold some) to plain text.</summary>
    /// <param name="html">The markup; <see langword="null"/> gives <see langword="null"/>.</param>
    /// <returns>Plain text with paragraphs on their own lines, or <see langword="null"/> when nothing readable is left.</returns>
    public static string? ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        // Text with no tag and no entity (most descriptions sent as plain text) would be copied unchanged below and
        // decoded to itself: only the tidying is left to do.
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return Tidy(html);
        }

        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length || !(char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                // A '<' that opens no tag ("a < b") is text.
                text.Append(c);
                i++;
                continue;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var close = TagEnd(html, i + 1);
            if (close < 0)
            {
                // An unterminated tag at the end of a cut-off page: drop the rest rather than show markup.
                break;
            }

            var name = TagName(html, i + 1, close, out var closing);
            if (!closing && DroppedContent.Contains(name))
            {
                var endClose = EndOfElement(html, name, close + 1);
                i = endClose < 0 ? html.Length : endClose + 1;
                continue;
            }

            if (BlockTags.Contains(name))
            {
                text.Append('\n');
            }

            i = close + 1;
        }

        return Tidy(WebUtility.HtmlDecode(text.ToString()));
    }

    /// <summary>Tidies plain text: trims each line, collapses runs of spaces, keeps at most one blank line in a row, removes control characters.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tidied text, or <see langword="null"/> when it is empty.</returns>
    public static string? Tidy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Most values (titles, names, categories) are tidy already: return them as they are, without copying them.
        if (IsTidy(text))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var blankLines = 0;
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = CollapseSpaces(rawLine);
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (output.Length > 0)
            {
                output.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            output.Append(line);
            blankLines = 0;
        }

        return output.Length == 0 ? null : output.ToString();
    }

    // True when Tidy would return the same text: no space at either end or beside a line break, no two spaces in a
    // row, no more than one blank line in a row, and no other white space or control character than ' ' and '\n'.
    private static bool IsTidy(string text)
    {
        if (text[0] is ' ' or '\n' || text[^1] is ' ' or '\n')
        {
            return false;
        }

        var previous = '\0';
        var lineBreaks = 0;
        foreach (var c in text)
        {
            // Printable ASCII, most of any text, is neither white space nor a control character.
            if (c is > ' ' and < '\x7F')
            {
                lineBreaks = 0;
                previous = c;
                continue;
            }

            if (c == '\n')
            {
                if (previous == ' ' || ++lineBreaks > 2)
                {
                    return false;
                }
            }
            else
            {
                if (c == ' ' ? previous is ' ' or '\n' : IsSpaceLike(c))
                {
                    return false;
                }

                lineBreaks = 0;
            }

            previous = c;
        }

        return true;
    }

    private static bool IsSpaceLike(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF';

    private static string CollapseSpaces(string line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (IsSpaceLike(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // The '>' that ends a tag, as a browser finds it: a quoted attribute value may hold '>' ("<a title="a>b">").
    private static int TagEnd(string html, int from)
    {
        for (var j = from; j < html.Length; j++)
        {
            switch (html[j])
            {
                case '>':
                    return j;
                case '=':
                    var k = j + 1;
                    while (k < html.Length && char.IsWhiteSpace(html[k]))
                    {
                        k++;
                    }

                    if (k < html.Length && html[k] is '"' or '\'')
                    {
                        var quote = html.IndexOf(html[k], k + 1);
                        if (quote < 0)
                        {
                            return -1;
                        }

                        j = quote;
                    }

                    break;
            }
        }

        return -1;
    }

    // The '>' of the end tag that closes a script, style or similar element. Its content runs to "</name" followed by
    // white space, '/' or '>' (as a browser reads it), so "</script<script>" inside a script does not end it.
    private static int EndOfElement(string html, string name, int from)
    {
        var at = from;
        while ((at = html.IndexOf("</" + name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var after = at + 2 + name.Length;
            if (after >= html.Length)
            {
                return -1;
            }

            if (char.IsWhiteSpace(html[after]) || html[after] is '/' or '>')
            {
                return html.IndexOf('>', after);
            }

            at = after;
        }

        return -1;
    }

    private static string TagName(string html, int start, int end, out bool closing)
    {
        closing = start < end && html[start] == '/';
        var s = closing ? start + 1 : start;
        var e = s;
        while (e < end && (char.IsAsciiLetterOrDigit(html[e]) || html[e] == '-'))
        {
            e++;
        }

        return html[s..e];
    }
}

// Shared source, compiled into each HTML provider package (linked from its .csproj), so that AngleSharp stays
// an implementation detail: nothing AngleSharp appears in any public signature.
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
    private static readonly HtmlParser Parser = new(
        new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false },
        BrowsingContext.New(Configuration.Default));

    /// <summary>Parses a page the provider already downloaded.</summary>
    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Gets an element's visible text: script, style and template content left out, white space tidied.</summary>
    public static string? VisibleText(IElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = new StringBuilder();
        Append(element, text);
        return FreelanceAggregator.Text.HtmlText.Tidy(text.ToString());
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
                case IElement e when e.LocalName is "script" or "style" or "template" or "noscript":
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

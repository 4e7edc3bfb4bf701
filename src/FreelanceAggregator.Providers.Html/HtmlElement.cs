using System.Text;
using AngleSharp.Dom;

namespace FreelanceAggregator.Providers.Html;

/// <summary>An element of a parsed <see cref="HtmlPage"/>, to query with CSS selectors and read.</summary>
public sealed class HtmlElement : HtmlNode
{
    internal HtmlElement(IElement element)
        : base(element)
    {
        Element = element;
    }

    /// <summary>Gets the element's tag name in lower case, e.g. <c>div</c>.</summary>
    public string LocalName => Element.LocalName;

    /// <summary>Gets the element's <c>id</c>, or <see langword="null"/>.</summary>
    public string? Id => Element.Id;

    /// <summary>Gets the element's <c>class</c> attribute, or <see langword="null"/>.</summary>
    public string? ClassName => Element.ClassName;

    /// <summary>
    /// Gets the text a reader sees in the element: script, style and template content left out, a line break around
    /// blocks (<c>p</c>, <c>div</c>, <c>li</c>, <c>br</c>, headings), white space tidied; <see langword="null"/> when there is none.
    /// </summary>
    public string? VisibleText => VisibleTextOf(Element);

    /// <summary>Gets the markup inside the element, e.g. to turn into plain text with <see cref="Providers.HtmlText.ToPlainText"/>.</summary>
    public string InnerHtml => Element.InnerHtml;

    /// <summary>Gets the element's child elements, in order.</summary>
    public IReadOnlyList<HtmlElement> Children => Wrap(Element.Children);

    /// <summary>Gets every node directly under the element (elements, text, comments), in order.</summary>
    public IReadOnlyList<HtmlNode> ChildNodes => [.. Element.ChildNodes.Select(n => Wrap(n)!)];

    internal IElement Element { get; }

    /// <summary>Gets an attribute's value.</summary>
    /// <param name="name">The attribute's name.</param>
    /// <returns>The value, or <see langword="null"/> when the element has no such attribute.</returns>
    public string? GetAttribute(string name) => Element.GetAttribute(name);

    /// <summary>Checks whether the element has an attribute.</summary>
    /// <param name="name">The attribute's name.</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool HasAttribute(string name) => Element.HasAttribute(name);

    /// <summary>Finds the first element inside this one that matches a CSS selector.</summary>
    /// <param name="selectors">The selector, e.g. <c>h2 &gt; a[href]</c>.</param>
    /// <returns>The element, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The selector is not valid CSS.</exception>
    public HtmlElement? QuerySelector(string selectors) => HtmlPage.Select(Element, selectors, static (e, s) => e.QuerySelector(s)) is { } e ? new HtmlElement(e) : null;

    /// <summary>Finds every element inside this one that matches a CSS selector, in document order.</summary>
    /// <param name="selectors">The selector.</param>
    /// <returns>The elements.</returns>
    /// <exception cref="ArgumentException">The selector is not valid CSS.</exception>
    public IReadOnlyList<HtmlElement> QuerySelectorAll(string selectors) => Wrap(HtmlPage.Select(Element, selectors, static (e, s) => e.QuerySelectorAll(s)));

    /// <summary>Checks whether this element matches a CSS selector.</summary>
    /// <param name="selectors">The selector.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="ArgumentException">The selector is not valid CSS.</exception>
    public bool Matches(string selectors) => HtmlPage.Select(Element, selectors, static (e, s) => e.Matches(s));

    /// <summary>Finds the nearest element, this one or one that holds it, that matches a CSS selector.</summary>
    /// <param name="selectors">The selector.</param>
    /// <returns>The element, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The selector is not valid CSS.</exception>
    public HtmlElement? Closest(string selectors) => HtmlPage.Select(Element, selectors, static (e, s) => e.Closest(s)) is { } e ? new HtmlElement(e) : null;

    /// <summary>Checks whether a node is this element or inside it.</summary>
    /// <param name="node">The node.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Contains(HtmlNode? node) => node is not null && Element.Contains(node.Node);

    internal static IReadOnlyList<HtmlElement> Wrap(IEnumerable<IElement> elements) => [.. elements.Select(e => new HtmlElement(e))];

    internal static string? VisibleTextOf(IElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = new StringBuilder();
        Append(element, text);
        return Providers.HtmlText.Tidy(text.ToString());
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

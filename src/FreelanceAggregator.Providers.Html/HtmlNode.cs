using System.Diagnostics;
using AngleSharp.Dom;

namespace FreelanceAggregator.Providers.Html;

/// <summary>
/// A node of a parsed <see cref="HtmlPage"/>: an <see cref="HtmlElement"/>, a run of text (<see cref="HtmlTextNode"/>),
/// or something else a page holds (a comment). Nodes are views of the page: two for the same node are equal, and they
/// are valid while the page is.
/// </summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public class HtmlNode : IEquatable<HtmlNode>
{
    private protected HtmlNode(INode node)
    {
        Node = node;
    }

    /// <summary>Gets the text of the node and everything in it, as the page has it (script text included, white space as is).</summary>
    public string TextContent => Node.TextContent;

    /// <summary>Gets the element that holds this node, or <see langword="null"/> for the page's root.</summary>
    public HtmlElement? Parent => Node.ParentElement is { } parent ? new HtmlElement(parent) : null;

    /// <summary>Gets the node right after this one under the same parent, or <see langword="null"/>.</summary>
    public HtmlNode? NextSibling => Wrap(Node.NextSibling);

    /// <summary>Gets the node right before this one under the same parent, or <see langword="null"/>.</summary>
    public HtmlNode? PreviousSibling => Wrap(Node.PreviousSibling);

    internal INode Node { get; }

    private string DebuggerDisplay => Node is IElement e ? "<" + e.LocalName + ">" : Node.NodeName + " " + Node.TextContent;

    /// <summary>Checks whether two nodes are the same node of the page.</summary>
    /// <param name="left">A node, or <see langword="null"/>.</param>
    /// <param name="right">Another node, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are the same node, or both are <see langword="null"/>.</returns>
    public static bool operator ==(HtmlNode? left, HtmlNode? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Checks whether two nodes are different nodes of the page.</summary>
    /// <param name="left">A node, or <see langword="null"/>.</param>
    /// <param name="right">Another node, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(HtmlNode? left, HtmlNode? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(HtmlNode? other) => other is not null && ReferenceEquals(Node, other.Node);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as HtmlNode);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Node);

    internal static HtmlNode? Wrap(INode? node) => node switch
    {
        null => null,
        IElement element => new HtmlElement(element),
        IText text => new HtmlTextNode(text),
        _ => new HtmlNode(node),
    };
}

/// <summary>A run of text between elements.</summary>
public sealed class HtmlTextNode : HtmlNode
{
    internal HtmlTextNode(IText text)
        : base(text)
    {
    }

    /// <summary>Gets the text, as the page has it.</summary>
    public string Text => ((IText)Node).Data;
}

using System.Diagnostics;
using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FreelanceAggregator.Providers.Html;

/// <summary>
/// A downloaded HTML page, parsed safely: AngleSharp is used only as a parser, built once from an explicit
/// configuration with no loader, so it never opens a connection, runs a script or fetches a style sheet; and a page
/// that nests elements deeper than <see cref="MaxNesting"/> is refused before it is parsed. Query it with CSS selectors,
/// and ask it whether it is what was expected: a bot wall (<see cref="FindBotWall"/>), a login page
/// (<see cref="HasPasswordField"/>), or the empty shell of a client-side app (<see cref="IsEmptyAppShell"/>).
/// </summary>
/// <example>
/// <code>
/// using var page = HtmlPage.Parse(response);
/// if (page.FindBotWall() is { } wall) throw response.Fail(wall, GigProviderFailure.Blocked);
/// foreach (var row in page.QuerySelectorAll("div.job")) { var title = row.QuerySelector("h2 a")?.VisibleText; }
/// </code>
/// </example>
[DebuggerDisplay("{Address} {Describe(),nq}")]
public sealed class HtmlPage : IDisposable
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

    private readonly IDocument _document;

    private HtmlPage(IDocument document, string provider, Uri address, HttpStatusCode? statusCode)
    {
        _document = document;
        Provider = provider;
        Address = address;
        StatusCode = statusCode;
    }

    /// <summary>Gets the name of the provider that downloaded the page, for messages.</summary>
    public string Provider { get; }

    /// <summary>Gets the address the page came from.</summary>
    public Uri Address { get; }

    /// <summary>Gets the HTTP status the page came with, if known.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the page's title, tidied, or <see langword="null"/> when it has none.</summary>
    public string? Title => Providers.HtmlText.Tidy(_document.Title);

    /// <summary>Gets the page's root element (<c>html</c>).</summary>
    public HtmlElement Root => new(_document.DocumentElement);

    /// <summary>Gets the page's <c>body</c>, or <see langword="null"/>.</summary>
    public HtmlElement? Body => _document.Body is { } body ? new HtmlElement(body) : null;

    /// <summary>Gets how many <c>script</c> elements the page has.</summary>
    public int ScriptCount => _document.Scripts.Length;

    /// <summary>Gets a value indicating whether the page holds a password field: ask only about a page that lacks what was expected, since an ordinary page may carry a login form in its navigation bar.</summary>
    public bool HasPasswordField => _document.QuerySelector("input[type=password], input[type=PASSWORD]") is not null;

    /// <summary>Parses a page a provider downloaded, after checking that it can be parsed in bounded time.</summary>
    /// <param name="response">The answer; its text is the page.</param>
    /// <returns>The page; dispose it.</returns>
    /// <exception cref="GigProviderException">The page nests elements deeper than <see cref="MaxNesting"/> (<see cref="GigProviderFailure.InvalidResponse"/>).</exception>
    public static HtmlPage Parse(GigHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Parse(response.Text, response.Provider, response.RequestUri, response.StatusCode);
    }

    /// <summary>Parses a page a provider downloaded, after checking that it can be parsed in bounded time.</summary>
    /// <param name="html">The page.</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="address">Where the page came from, for messages.</param>
    /// <param name="statusCode">The HTTP status it came with, if known.</param>
    /// <returns>The page; dispose it.</returns>
    /// <exception cref="GigProviderException">The page nests elements deeper than <see cref="MaxNesting"/> (<see cref="GigProviderFailure.InvalidResponse"/>).</exception>
    public static HtmlPage Parse(string? html, string provider, Uri address, HttpStatusCode? statusCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(address);
        html ??= string.Empty;
        CheckNesting(html, provider, address, statusCode);
        return new HtmlPage(Parser.ParseDocument(html), provider, address, statusCode);
    }

    /// <summary>
    /// The check <see cref="Parse(string?, string, Uri, HttpStatusCode?)"/> makes before it parses, for a provider that
    /// reads part of a page as text first (a script's JSON) and parses only the rest.
    /// </summary>
    /// <param name="html">The page.</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="address">Where the page came from, for messages.</param>
    /// <param name="statusCode">The HTTP status it came with, if known.</param>
    /// <exception cref="GigProviderException">The page nests elements deeper than <see cref="MaxNesting"/> (<see cref="GigProviderFailure.InvalidResponse"/>).</exception>
    public static void CheckNesting(string html, string provider, Uri address, HttpStatusCode? statusCode = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (NestingDepth(html, MaxNesting) > MaxNesting)
        {
            throw new GigProviderException(
                provider,
                $"the page nests elements more than {MaxNesting} deep, which no listing page does; it was not read, because parsing such a page takes time that grows with the square of its depth",
                address,
                statusCode,
                GigProviderFailure.InvalidResponse);
        }
    }

    /// <summary>
    /// Estimates how deep a page nests its elements, without building it, and stops counting above
    /// <paramref name="stopAbove"/>. The estimate never falls below the depth the HTML parser builds for the hostile
    /// shapes that matter (unclosed or mis-nested elements).
    /// </summary>
    /// <param name="html">The page.</param>
    /// <param name="stopAbove">Where to stop counting.</param>
    /// <returns>The depth, or a number above <paramref name="stopAbove"/>.</returns>
    public static int NestingDepth(string html, int stopAbove)
    {
        ArgumentNullException.ThrowIfNull(html);
        return HtmlNesting.Depth(html, stopAbove);
    }

    /// <summary>Checks whether a CSS selector is valid, e.g. one a user set in a provider's options.</summary>
    /// <param name="selectors">The selector.</param>
    /// <param name="error">Why it is not, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for a valid selector.</returns>
    public static bool IsValidSelector(string? selectors, out string? error)
    {
        if (string.IsNullOrWhiteSpace(selectors))
        {
            error = "the selector is empty";
            return false;
        }

        try
        {
            using var probe = Parser.ParseDocument("<p></p>");
            _ = probe.QuerySelector(selectors);
            error = null;
            return true;
        }
        catch (DomException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Finds the first element that matches a CSS selector.</summary>
    /// <param name="selectors">The selector.</param>
    /// <returns>The element, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The selector is not valid CSS.</exception>
    public HtmlElement? QuerySelector(string selectors) => Select(_document, selectors, static (d, s) => d.QuerySelector(s)) is { } e ? new HtmlElement(e) : null;

    /// <summary>Finds every element that matches a CSS selector, in document order.</summary>
    /// <param name="selectors">The selector.</param>
    /// <returns>The elements.</returns>
    /// <exception cref="ArgumentException">The selector is not valid CSS.</exception>
    public IReadOnlyList<HtmlElement> QuerySelectorAll(string selectors) => HtmlElement.Wrap(Select(_document, selectors, static (d, s) => d.QuerySelectorAll(s)));

    /// <summary>Finds the element with an <c>id</c>.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The element, or <see langword="null"/>.</returns>
    public HtmlElement? GetElementById(string id) => _document.GetElementById(id) is { } e ? new HtmlElement(e) : null;

    /// <summary>Describes the page for a message: <c>titled 'Just a moment...'</c>, or <c>untitled</c>.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var title = Title;
        return title is null ? "untitled" : $"titled '{(title.Length > 80 ? title[..80] + "…" : title)}'";
    }

    /// <summary>Finds a bot wall: a challenge or captcha page answering instead of the site.</summary>
    /// <returns>What came back and what to do, for the failure's message; or <see langword="null"/> for an ordinary page.</returns>
    public string? FindBotWall()
    {
        var title = Title ?? string.Empty;
        if (title.StartsWith("Just a moment", StringComparison.OrdinalIgnoreCase)
            || title.Contains("Attention Required", StringComparison.OrdinalIgnoreCase)
            || _document.QuerySelector("#challenge-form, #cf-challenge-running, .cf-browser-verification, form[action*='__cf_chl'], .g-recaptcha, .h-captcha, #px-captcha") is not null)
        {
            return $"bot protection answered instead of the site ({Describe()} with a challenge); try later, from another network, or raise PageDelay";
        }

        return null;
    }

    /// <summary>Describes a login page for a failure's message.</summary>
    /// <param name="expected">What was expected instead, e.g. <c>the job list</c>.</param>
    /// <returns>The message.</returns>
    public string LoginProblem(string expected) => $"the site answered with a login page ({Describe()}) instead of {expected}";

    /// <summary>
    /// Checks for the empty shell of a client-side app: a body whose only content is scripts (and perhaps a
    /// <c>noscript</c> notice), or an app root (<c>#app</c>, <c>#__next</c>, <c>#root</c>) with nothing in it. Such a page
    /// is <see cref="GigProviderFailure.JavaScriptRequired"/>, never zero listings.
    /// </summary>
    /// <param name="description">What the page holds, for the failure's message.</param>
    /// <returns><see langword="true"/> for an empty shell.</returns>
    public bool IsEmptyAppShell(out string description)
    {
        var scripts = _document.Scripts.Length;
        var root = _document.QuerySelector("#app, #__next, #root, [data-reactroot]");
        var rootEmpty = root is not null && string.IsNullOrEmpty(HtmlElement.VisibleTextOf(root));
        var bodyText = HtmlElement.VisibleTextOf(_document.Body) ?? string.Empty;
        if (rootEmpty || (scripts > 0 && bodyText.Length < 40))
        {
            var what = root is null ? "no content in its body" : rootEmpty ? $"an empty #{root.Id}" : "almost no text";
            description = $"an empty app shell ({Describe()} with {what} and {scripts} script{(scripts == 1 ? string.Empty : "s")}) that only a browser running JavaScript fills";
            return true;
        }

        description = string.Empty;
        return false;
    }

    /// <summary>Creates the failure to throw for a page that is not what was expected.</summary>
    /// <param name="problem">What was wrong, e.g. <c>the page holds no job rows</c>.</param>
    /// <param name="failure">What kind of failure it is.</param>
    /// <returns>The exception, naming the provider and the page's address.</returns>
    public GigProviderException Fail(string problem, GigProviderFailure failure = GigProviderFailure.InvalidResponse) =>
        new(Provider, problem, Address, StatusCode, failure);

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();

    internal static T Select<TState, T>(TState state, string selectors, Func<TState, string, T> select)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selectors);
        try
        {
            return select(state, selectors);
        }
        catch (DomException ex)
        {
            throw new ArgumentException($"'{selectors}' is not a valid CSS selector ({ex.Message}).", nameof(selectors), ex);
        }
    }
}

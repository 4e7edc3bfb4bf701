// Shared source, compiled into HTML provider packages (linked from their .csproj) next to HtmlDocumentParser: it
// recognises the pages that come back instead of a listing, so that a provider reports them instead of zero results.
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FreelanceAggregator.Html;

/// <summary>Recognises pages that are not what was asked for: a bot wall, a login page, an empty client-side app shell.</summary>
internal static partial class HtmlPageCheck
{
    /// <summary>Describes a page for a message: its title, or that it has none.</summary>
    public static string Describe(IDocument document)
    {
        var title = Title(document);
        return title is null ? "untitled" : $"titled '{title}'";
    }

    /// <summary>Gets the page's title, tidied and cut to a readable length, or <see langword="null"/>.</summary>
    public static string? Title(IDocument document)
    {
        var title = FreelanceAggregator.Providers.HtmlText.Tidy(document.Title);
        return title is null ? null : title.Length > 80 ? title[..80] + "…" : title;
    }

    /// <summary>Finds a bot wall (a challenge or captcha page answering instead of the site).</summary>
    /// <returns>What came back, or <see langword="null"/> for an ordinary page.</returns>
    public static string? FindBotWall(IDocument document)
    {
        var title = Title(document) ?? string.Empty;
        if (title.StartsWith("Just a moment", StringComparison.OrdinalIgnoreCase)
            || title.Contains("Attention Required", StringComparison.OrdinalIgnoreCase)
            || document.QuerySelector("#challenge-form, #cf-challenge-running, .cf-browser-verification, form[action*='__cf_chl'], .g-recaptcha, .h-captcha, #px-captcha") is not null)
        {
            return $"bot protection answered instead of the site ({Describe(document)} with a challenge); try later, from another network, or raise PageDelay";
        }

        return null;
    }

    /// <summary>
    /// Checks whether the address is a login page's. A same-site redirect to <c>/login</c> is followed by the HTTP client,
    /// so the address that answered tells.
    /// </summary>
    public static bool IsLoginAddress(Uri pageUri) => LoginPath().IsMatch(pageUri.AbsolutePath);

    /// <summary>
    /// Checks whether the page holds a password field. Ask only about a page that lacks what was expected: an ordinary
    /// page may carry a login form in its navigation bar.
    /// </summary>
    public static bool HasPasswordField(IDocument document) => document.QuerySelector("input[type=password], input[type=PASSWORD]") is not null;

    /// <summary>
    /// Checks whether a page was cut off on its way: it opens an HTML document but ends neither with <c>&lt;/html&gt;</c>
    /// nor at the end of a tag. A browser shows such a page without complaint, and a parser would read its first rows as
    /// the whole listing, so the rows missing from the cut part would go unnoticed. (A page that omits its optional end
    /// tags still ends with a tag, so it is not taken for a cut one.)
    /// </summary>
    /// <param name="html">The page as it came.</param>
    /// <param name="ending">The page's last characters, for the message.</param>
    /// <returns><see langword="true"/> for a page that stops in the middle.</returns>
    public static bool IsCutOff(string html, out string ending)
    {
        ending = string.Empty;
        var text = html.AsSpan().TrimEnd();
        if (text.Length == 0 || text.EndsWith(">") || text.Contains("</html", StringComparison.OrdinalIgnoreCase)
            || !(text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var tail = text[Math.Max(0, text.Length - 40)..].ToString().Replace('\n', ' ').Replace('\r', ' ');
        ending = "…" + tail;
        return true;
    }

    /// <summary>Describes a login page for a message.</summary>
    public static string LoginProblem(IDocument document, string expected) =>
        $"the site answered with a login page ({Describe(document)}) instead of {expected}";

    /// <summary>
    /// Checks for the empty shell of a client-side app: a body whose only content is scripts (and perhaps a
    /// <c>noscript</c> notice), or an app root (<c>#app</c>, <c>#__next</c>, <c>#root</c>) with nothing in it.
    /// </summary>
    /// <param name="document">The page.</param>
    /// <param name="description">What the page holds, for the message.</param>
    /// <returns><see langword="true"/> for an empty shell.</returns>
    public static bool IsEmptyAppShell(IDocument document, out string description)
    {
        var scripts = document.Scripts.Length;
        var root = document.QuerySelector("#app, #__next, #root, [data-reactroot]");
        var rootEmpty = root is not null && string.IsNullOrEmpty(HtmlDocumentParser.VisibleText(root));
        var bodyText = HtmlDocumentParser.VisibleText(document.Body) ?? string.Empty;
        if (rootEmpty || (scripts > 0 && bodyText.Length < 40))
        {
            var what = root is null ? "no content in its body" : rootEmpty ? $"an empty #{root.Id}" : "almost no text";
            description = $"an empty app shell ({Describe(document)} with {what} and {scripts} script{(scripts == 1 ? string.Empty : "s")}) that only a browser running JavaScript fills";
            return true;
        }

        description = string.Empty;
        return false;
    }

    [GeneratedRegex(@"/(?:login|signin|sign-in|masuk|auth)(?:/|$|\.)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoginPath();
}

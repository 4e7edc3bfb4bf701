using System.Net;
using System.Text.Json;
using FreelanceAggregator.Providers.Html;

namespace FreelanceAggregator.Providers.Fiverr.Internal;

/// <summary>
/// Reads one Fiverr search page: the JSON in <c>&lt;script id="perseus-initial-props"&gt;</c>, which the page's React
/// app renders from. The visible card markup is not read: its class names change often, while this JSON is what the
/// cards are made of (see research/FORMATS.md §3). A page without the data is diagnosed (a bot wall, a login page, an
/// empty app shell, a changed page); bad input of any kind is a <see cref="GigProviderException"/>.
/// </summary>
internal static class FiverrSearchPageParser
{
    private const string AppMountId = "perseus-app";

    // The marks of a PerimeterX block page beyond those of its default template (px-captcha, _pxAppId), which
    // PageChecks knows: Fiverr's app id and first-party paths, the current "It needs a human touch" challenge and the
    // older "One Small Step" page (research notes §8). They are looked for only when the search data is missing: Fiverr's
    // normal pages load PerimeterX's sensor too, so a mark alone does not make a block page.
    private static readonly string[] PerimeterXMarks =
    [
        "_pxhd", "_px3", "PXK3bezZfO", "perimeterx", "It needs a human touch", "Press & Hold", "Press &amp; Hold", "One Small Step",
        "block-page-web", "captcha.js",
    ];

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 256 };

    /// <summary>Reads a search page. The benchmarks and the tests call this.</summary>
    /// <param name="html">The page as the site sent it.</param>
    /// <param name="requestUri">The address it came from, for messages.</param>
    /// <param name="provider">The provider's name, for messages and <see cref="Gig.Provider"/>.</param>
    /// <param name="statusCode">The HTTP status it came with, if known.</param>
    /// <returns>The page's gigs, warnings and paging facts.</returns>
    /// <exception cref="GigProviderException">
    /// The page is a bot-protection page (<see cref="GigProviderFailure.Blocked"/>), a login page
    /// (<see cref="GigProviderFailure.LoginRequired"/>), an empty app shell (<see cref="GigProviderFailure.JavaScriptRequired"/>),
    /// or lacks the search data or holds it in another shape (<see cref="GigProviderFailure.InvalidResponse"/>).
    /// </exception>
    public static FiverrSearchPage Parse(string html, Uri requestUri, string provider = FiverrProvider.DefaultName, HttpStatusCode? statusCode = null) =>
        Parse(html, requestUri, provider, statusCode, scanForData: true);

    /// <summary>Reads a search page, finding the search data by scanning the text when <paramref name="scanForData"/> allows it (see <see cref="FiverrDataScan.TryScan"/>).</summary>
    internal static FiverrSearchPage Parse(string html, Uri requestUri, string provider, HttpStatusCode? statusCode, bool scanForData)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);

        HtmlPage? outline = null;
        var data = default(ReadOnlyMemory<char>);
        var scanned = scanForData && FiverrDataScan.TryScan(html, provider, requestUri, statusCode, out outline, out data);

        // Either way the whole page's nesting is checked once: HtmlPage.Parse checks it before the full parse, and a
        // scanned page is checked here, so that a page the full parse refuses is refused both ways.
        using var page = outline ?? HtmlPage.Parse(html, provider, requestUri, statusCode);
        if (scanned)
        {
            HtmlPage.CheckNesting(html, provider, requestUri, statusCode);
        }
        else
        {
            // Matched on the id alone: parsers written against real pages disagree on the attribute order.
            var script = page.GetElementById(FiverrDataScan.DataScriptId);
            if (script is null || script.LocalName != "script")
            {
                throw MissingData(html, page, requestUri, provider, statusCode);
            }

            data = script.TextContent.AsMemory();
        }

        using var json = ReadJson(data, requestUri, provider, statusCode);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(provider, $"the search data is not a JSON object but {FiverrGigReader.Describe(root.ValueKind)}", requestUri, statusCode);
        }

        return FiverrSearchData.Read(root, page, requestUri, provider, statusCode);
    }

    /// <summary>Tells whether an answer is Fiverr's bot protection rather than the site: HTTP 403, or a bot wall's page.</summary>
    /// <param name="body">The answer's text.</param>
    /// <param name="statusCode">Its HTTP status.</param>
    /// <returns><see langword="true"/> for a block page.</returns>
    public static bool LooksBlocked(string body, HttpStatusCode? statusCode)
    {
        ArgumentNullException.ThrowIfNull(body);
        return statusCode == HttpStatusCode.Forbidden || FindBotWall(body) is not null;
    }

    /// <summary>Creates the exception for a bot-protection page.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="body">The answer's text, to name the wall.</param>
    /// <param name="requestUri">The address that answered.</param>
    /// <param name="statusCode">Its HTTP status.</param>
    /// <returns>The exception, of <see cref="GigProviderFailure.Blocked"/>.</returns>
    public static GigProviderException Blocked(string provider, string body, Uri requestUri, HttpStatusCode? statusCode)
    {
        // Fiverr's own wall is PerimeterX, and a bare 403 is PerimeterX's answer too; another wall (a CDN's challenge
        // in front of Fiverr) is named as what it is.
        var wall = FindBotWall(body) ?? "PerimeterX";
        var problem = wall == "PerimeterX"
            ? "blocked by Fiverr's bot protection (a PerimeterX \"Press & Hold\" challenge answered instead of the search page); wait before searching again, raise PageDelay, or use another network or proxy"
            : $"blocked by bot protection (a {wall} challenge answered instead of Fiverr's search page); wait before searching again, raise PageDelay, or use another network or proxy";
        return new GigProviderException(provider, problem, requestUri, statusCode, GigProviderFailure.Blocked);
    }

    private static string? FindBotWall(string body)
    {
        foreach (var mark in PerimeterXMarks)
        {
            if (body.Contains(mark, StringComparison.OrdinalIgnoreCase))
            {
                return "PerimeterX";
            }
        }

        return PageChecks.FindBotWall(body);
    }

    private static GigProviderException MissingData(string html, HtmlPage page, Uri requestUri, string provider, HttpStatusCode? statusCode)
    {
        if (LooksBlocked(html, statusCode))
        {
            return Blocked(provider, html, requestUri, statusCode);
        }

        // Fiverr's search needs no account, so a login page here means the site sent the visitor to log in.
        if (PageChecks.IsLoginAddress(requestUri) || page.HasPasswordField)
        {
            return page.Fail(page.LoginProblem("the search page"), GigProviderFailure.LoginRequired);
        }

        // The React mount point with nothing in it and no data beside it: the page would be drawn by scripts alone.
        if (page.GetElementById(AppMountId) is { } mount && mount.Children.Count == 0 && string.IsNullOrWhiteSpace(mount.TextContent))
        {
            return Fail(
                provider,
                $"the page no longer holds the search data: it is an empty app shell (<div id=\"{AppMountId}\"> without <script id=\"{FiverrDataScan.DataScriptId}\">) that only a browser running JavaScript fills",
                requestUri,
                statusCode,
                GigProviderFailure.JavaScriptRequired);
        }

        return Fail(provider, $"the page no longer holds the search data (no <script id=\"{FiverrDataScan.DataScriptId}\">); Fiverr may have changed its search page", requestUri, statusCode);
    }

    private static JsonDocument ReadJson(ReadOnlyMemory<char> text, Uri requestUri, string provider, HttpStatusCode? statusCode)
    {
        if (text.Span.IsWhiteSpace())
        {
            throw Fail(provider, $"the page no longer holds the search data (<script id=\"{FiverrDataScan.DataScriptId}\"> is empty)", requestUri, statusCode);
        }

        try
        {
            return JsonDocument.Parse(text, JsonOptions);
        }

        // ArgumentException: text holding a lone surrogate cannot be transcoded to UTF-8 (it cannot come from decoded
        // bytes, but the parser takes any string).
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // One scraper of real pages met the JSON HTML-escaped; read that form too before giving up.
            if (text.Span.Contains("&quot;", StringComparison.Ordinal))
            {
                try
                {
                    return JsonDocument.Parse(WebUtility.HtmlDecode(text.ToString()), JsonOptions);
                }
                catch (Exception again) when (again is JsonException or ArgumentException)
                {
                    // Reported below with the first error, which describes the text as it came.
                }
            }

            throw Fail(provider, $"the search data in <script id=\"{FiverrDataScan.DataScriptId}\"> is not valid JSON ({ex.Message.Split(". ", 2)[0]})", requestUri, statusCode, innerException: ex);
        }
    }

    private static GigProviderException Fail(string provider, string problem, Uri requestUri, HttpStatusCode? statusCode, GigProviderFailure failure = GigProviderFailure.InvalidResponse, Exception? innerException = null) =>
        new(provider, problem, requestUri, statusCode, failure, innerException: innerException);
}

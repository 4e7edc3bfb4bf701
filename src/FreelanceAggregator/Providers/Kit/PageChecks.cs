using System.Text.RegularExpressions;

namespace FreelanceAggregator.Providers;

/// <summary>
/// Recognises answers that are not what a provider asked for, from their text alone: a bot wall (a challenge or captcha
/// page answering instead of the site), a login page's address, a page cut off on its way. A provider that finds one
/// reports it as such (<see cref="GigProviderFailure.Blocked"/>, <see cref="GigProviderFailure.LoginRequired"/>,
/// <see cref="GigProviderFailure.InvalidResponse"/>), never as zero listings. The HTML package
/// (<c>FreelanceAggregator.Providers.Html</c>) adds the checks that need a parsed page.
/// </summary>
public static partial class PageChecks
{
    // The marks the common bot walls leave in the page they answer with: Cloudflare's challenge, reCAPTCHA, hCaptcha,
    // DataDome and PerimeterX. Each is specific enough that an ordinary listing page or API answer never holds it.
    private static readonly (string Mark, string Wall)[] BotWallMarks =
    [
        ("cf-chl", "Cloudflare"), ("challenge-platform", "Cloudflare"), ("cf_chl_opt", "Cloudflare"), ("/cdn-cgi/challenge", "Cloudflare"),
        ("Attention Required! | Cloudflare", "Cloudflare"), ("<title>Just a moment...</title>", "Cloudflare"),
        ("g-recaptcha", "reCAPTCHA"), ("h-captcha", "hCaptcha"), ("captcha-delivery", "DataDome"),
        ("px-captcha", "PerimeterX"), ("_pxAppId", "PerimeterX"),
    ];

    /// <summary>
    /// Finds the marks of a bot wall in an answer's text: a Cloudflare challenge, a reCAPTCHA or hCaptcha form, a
    /// DataDome or PerimeterX block page.
    /// </summary>
    /// <param name="text">The answer's text (HTML, or what came back where JSON was expected).</param>
    /// <returns>The bot wall's name (<c>Cloudflare</c>, <c>PerimeterX</c>, ...), or <see langword="null"/> when the text has none of the marks.</returns>
    public static string? FindBotWall(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (mark, wall) in BotWallMarks)
        {
            if (text.Contains(mark, StringComparison.OrdinalIgnoreCase))
            {
                return wall;
            }
        }

        return null;
    }

    /// <summary>
    /// Checks whether an address is a login page's (<c>/login</c>, <c>/signin</c>, <c>/masuk</c>, ...). A same-site
    /// redirect to a login page is followed by <see cref="GigHttpClient"/>, so the address that answered tells.
    /// </summary>
    /// <param name="address">The address that answered.</param>
    /// <returns><see langword="true"/> for a login page's address.</returns>
    public static bool IsLoginAddress(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return LoginPath().IsMatch(address.IsAbsoluteUri ? address.AbsolutePath : address.OriginalString);
    }

    /// <summary>
    /// Checks whether a page was cut off on its way: it opens an HTML document but ends neither with <c>&lt;/html&gt;</c>
    /// nor at the end of a tag. A browser shows such a page without complaint, and a parser would read its first rows as
    /// the whole listing, so the rows missing from the cut part would go unnoticed. (A page that omits its optional end
    /// tags still ends with a tag, so it is not taken for a cut one.)
    /// </summary>
    /// <param name="html">The page as it came.</param>
    /// <param name="ending">The page's last characters, for the message.</param>
    /// <returns><see langword="true"/> for a page that stops in the middle.</returns>
    public static bool IsCutOff(string? html, out string ending)
    {
        ending = string.Empty;
        var text = (html ?? string.Empty).AsSpan().TrimEnd();
        if (text.Length == 0 || text.EndsWith(">") || text.Contains("</html", StringComparison.OrdinalIgnoreCase)
            || !(text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var tail = text[Math.Max(0, text.Length - 40)..].ToString().Replace('\n', ' ').Replace('\r', ' ');
        ending = "…" + tail;
        return true;
    }

    [GeneratedRegex(@"/(?:login|signin|sign-in|masuk|auth)(?:/|$|\.)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoginPath();
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FreelanceAggregator.Providers.Freelancer;

/// <summary>
/// Reads Freelancer's <c>GET /api/projects/0.1/projects/active/</c> answer: the envelope
/// <c>{"status","result":{"projects","total_count","users"},"request_id"}</c> or the error envelope
/// <c>{"status":"error","message","error_code"}</c>. Pure: body text in, projects and warnings out. On bad input it
/// throws only <see cref="GigProviderException"/>; a project it cannot use is skipped with a warning. Each project is
/// read by <see cref="FreelancerProjectReader"/>.
/// </summary>
internal static class FreelancerResponseParser
{
    /// <summary>The <see cref="ExchangeRate.Source"/> of the rates the projects carry.</summary>
    internal const string ExchangeRateSource = "Freelancer.com currency.exchange_rate";

    private const int MaxSiteMessageLength = 300;
    private const int MaxSiteCodeLength = 100;

    // How much of an HTML answer is searched for a bot wall's marks: they sit in its head.
    private const int BotWallSearchLength = 64 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 128, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a successful answer.</summary>
    /// <param name="body">The body text.</param>
    /// <param name="settings">The context.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">The body is an error envelope, a bot-protection page, not JSON, or lacks <c>result.projects</c>.</exception>
    public static FreelancerPage Parse(string? body, FreelancerParseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(body))
        {
            throw Fail(settings, "the answer is empty where JSON was expected");
        }

        ThrowIfBlocked(body, settings);
        using var document = ParseDocument(body, settings);
        return Read(document, settings);
    }

    /// <summary>Reads a successful answer from its UTF-8 bytes (see <see cref="GigHttpResponse.TryGetUtf8Body"/>), without decoding it into a string.</summary>
    /// <param name="utf8Body">The body, valid UTF-8.</param>
    /// <param name="settings">The context.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">As <see cref="Parse(string?, FreelancerParseSettings)"/>.</exception>
    public static FreelancerPage Parse(ReadOnlyMemory<byte> utf8Body, FreelancerParseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // Only what is plainly JSON is read from the bytes; anything else (a bot wall, an HTML page, an empty or broken
        // answer) goes the text way, which says what it is.
        if (FirstNonWhiteSpace(utf8Body.Span) is not ((byte)'{' or (byte)'['))
        {
            return Parse(Encoding.UTF8.GetString(utf8Body.Span), settings);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Body, JsonOptions);
        }
        catch (JsonException)
        {
            return Parse(Encoding.UTF8.GetString(utf8Body.Span), settings);
        }

        using (document)
        {
            return Read(document, settings);
        }
    }

    /// <summary>For an answer that is not 2xx: throws the site's own error when the body carries one (or is a bot wall), and returns otherwise so the status can speak.</summary>
    /// <param name="body">The body text.</param>
    /// <param name="settings">The context.</param>
    /// <exception cref="GigProviderException">The body is an error envelope or a bot-protection page.</exception>
    public static void ThrowIfSiteError(string? body, FreelancerParseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(body))
        {
            return;
        }

        ThrowIfBlocked(body, settings);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return;
        }

        using (document)
        {
            ThrowIfErrorEnvelope(document.RootElement, settings);
        }
    }

    private static FreelancerPage Read(JsonDocument document, FreelancerParseSettings settings)
    {
        var root = document.RootElement;
        ThrowIfErrorEnvelope(root, settings);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(settings, $"the answer is JSON but not an object (it is {Describe(root.ValueKind)})");
        }

        if (JsonValues.GetObject(root, "result") is not { } result)
        {
            var status = JsonValues.GetString(root, "status");
            throw Fail(settings, $"the answer has no 'result' object{(status is null ? string.Empty : $" (status '{Cap(SiteText(status, settings), 40)}')")}: the API may have changed");
        }

        if (JsonValues.GetArray(result, "projects") is not { } projects)
        {
            // A changed or cut answer must not read as "no projects".
            throw Fail(settings, "the answer's result has no 'projects' list: the API may have changed");
        }

        var users = result.TryGetProperty("users", out var u) ? u : default;
        var total = JsonValues.GetInt64(result, "total_count");
        var reader = new FreelancerProjectReader(settings, users);
        var gigs = new List<Gig>(projects.GetArrayLength());
        var count = 0;
        foreach (var project in projects.EnumerateArray())
        {
            count++;
            if (project.ValueKind != JsonValueKind.Object)
            {
                reader.Warnings.Add(new GigWarning(
                    GigWarningKind.ListingSkipped,
                    $"{settings.Provider}: entry {count} of the projects list was skipped because it is {Describe(project.ValueKind)}, not a project object."));
                continue;
            }

            try
            {
                if (reader.Read(project) is { } gig)
                {
                    gigs.Add(gig);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or InvalidOperationException or KeyNotFoundException)
            {
                // A safety net: a shape nobody foresaw costs one project, never the page.
                var id = JsonValues.TryGetId(project, out var read, "id") ? read : null;
                reader.Warnings.Add(GigWarning.ForListing(
                    GigWarningKind.ListingSkipped,
                    id,
                    null,
                    $"{settings.Provider}: project {id ?? "#" + count.ToString(CultureInfo.InvariantCulture)} was skipped because it could not be read ({ex.Message})"));
            }
        }

        return new FreelancerPage(gigs, count, total is >= 0 ? total : null, reader.Warnings, reader.ExchangeRates);
    }

    // Text the site wrote goes into messages; a site or proxy that echoes the token it refused must not put it there.
    // Hidden before the text is shortened, so that no cut leaves part of the token behind.
    private static string SiteText(string text, FreelancerParseSettings settings) => settings.Redact?.Invoke(text) ?? text;

    private static byte FirstNonWhiteSpace(ReadOnlySpan<byte> utf8)
    {
        var start = utf8.IndexOfAnyExcept(" \t\r\n"u8);
        return start < 0 ? (byte)0 : utf8[start];
    }

    private static JsonDocument ParseDocument(string body, FreelancerParseSettings settings)
    {
        try
        {
            return JsonDocument.Parse(body, JsonOptions);
        }

        // ArgumentException: text holding a lone surrogate cannot be transcoded to UTF-8 (it cannot come from decoded
        // bytes, but the parser takes any string).
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            var html = body.AsSpan().TrimStart().StartsWith("<");
            throw Fail(
                settings,
                html ? "the site answered with an HTML page where the API's JSON was expected" : $"the answer is not valid JSON ({ex.Message.Split(". ", 2)[0]})",
                ex);
        }
    }

    // Freelancer's edge serves a Cloudflare or captcha page, instead of the API's JSON, to clients it distrusts.
    private static void ThrowIfBlocked(string body, FreelancerParseSettings settings)
    {
        var text = body.AsSpan().TrimStart();
        if (!text.StartsWith("<"))
        {
            return;
        }

        var head = text.Length <= BotWallSearchLength ? body : text[..BotWallSearchLength].ToString();
        if (PageChecks.FindBotWall(head) is { } wall)
        {
            throw new GigProviderException(
                settings.Provider,
                $"Freelancer's bot protection ({wall}) answered with a challenge page instead of the API; wait and try later, raise PageDelay, or use another network or proxy",
                settings.RequestUri,
                settings.StatusCode,
                GigProviderFailure.Blocked);
        }
    }

    private static void ThrowIfErrorEnvelope(JsonElement root, FreelancerParseSettings settings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var status = JsonValues.GetString(root, "status");
        var code = JsonValues.GetString(root, "error_code") ?? JsonValues.GetString(root, "error", "code");
        var message = JsonValues.GetString(root, "message") ?? JsonValues.GetString(root, "error", "detail") ?? JsonValues.GetString(root, "error", "message");
        var isError = string.Equals(status, "error", StringComparison.OrdinalIgnoreCase)
            || (status is null && JsonValues.GetObject(root, "result") is null && (code is not null || message is not null));
        if (!isError)
        {
            return;
        }

        code = code is null ? null : Cap(SiteText(HtmlText.Tidy(code) ?? code, settings), MaxSiteCodeLength);
        var said = HtmlText.Tidy(message) is { } m ? $"\"{Cap(SiteText(m, settings), MaxSiteMessageLength)}\"" : "an error without a message";
        var unauthorized = settings.StatusCode == HttpStatusCode.Unauthorized
            || (code is not null && (code.Contains("NOT_AUTHENTICATED", StringComparison.OrdinalIgnoreCase) || code.Contains("INVALID_ACCESS_TOKEN", StringComparison.OrdinalIgnoreCase)));
        var rateLimited = settings.StatusCode == HttpStatusCode.TooManyRequests;
        var (failure, advice) = unauthorized
            ? (GigProviderFailure.Unauthorized, settings.TokenSent
                ? "; the OAuthToken was refused (wrong or expired): renew it, or leave OAuthToken unset, since searching active projects needs no token"
                : "; the site now asks for a token: set OAuthToken to a Freelancer access token")
            : rateLimited
                ? (GigProviderFailure.RateLimited, "; try later or raise PageDelay")
                : (GigProviderFailure.SiteError, string.Empty);
        throw new GigProviderException(settings.Provider, $"Freelancer answered with {said}{advice}", settings.RequestUri, settings.StatusCode, failure, code);
    }

    private static string Cap(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "not an object",
    };

    private static GigProviderException Fail(FreelancerParseSettings settings, string problem, Exception? innerException = null) =>
        new(settings.Provider, problem, settings.RequestUri, settings.StatusCode, GigProviderFailure.InvalidResponse, innerException: innerException);
}

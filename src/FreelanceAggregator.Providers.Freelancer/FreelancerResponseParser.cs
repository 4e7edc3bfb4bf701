using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using static FreelanceAggregator.Json.JsonStrings;

namespace FreelanceAggregator.Providers.Freelancer;

/// <summary>What the parser needs to know besides the body: who asked, where, what came back and when.</summary>
/// <param name="Provider">The provider's name, for messages.</param>
/// <param name="PublicSite">The site a project's page is on (<c>https://www.freelancer.com/</c>), never the API's address.</param>
/// <param name="RequestUri">The address that answered.</param>
/// <param name="StatusCode">The HTTP status of the answer.</param>
/// <param name="ReceivedOn">The day the answer arrived: the date of the rates it carries.</param>
/// <param name="TokenSent">Whether an OAuth token was sent, to say the right thing when the site refuses.</param>
/// <param name="Redact">Hides the token in text the site wrote (a delegate, so that the token never shows in this record's <c>ToString</c>).</param>
internal sealed record FreelancerParseSettings(string Provider, Uri PublicSite, Uri RequestUri, HttpStatusCode? StatusCode, DateOnly ReceivedOn, bool TokenSent = false, Func<string, string>? Redact = null);

/// <summary>One project read from a page, with the rate its currency object published (USD per unit), if any.</summary>
/// <param name="Gig">The listing.</param>
/// <param name="SiteRate">The project's <c>currency.exchange_rate</c> as a rate to USD, or <see langword="null"/>.</param>
internal sealed record FreelancerProject(Gig Gig, ExchangeRate? SiteRate);

/// <summary>One page of <c>projects/active</c>.</summary>
/// <param name="Projects">The projects that could be read.</param>
/// <param name="ProjectCount">How many entries the page's <c>projects</c> list had, readable or not: the offset advances by this.</param>
/// <param name="TotalCount">The site's <c>total_count</c>, if it gave one.</param>
/// <param name="Warnings">What was skipped or left out, naming the project.</param>
internal sealed record FreelancerPage(IReadOnlyList<FreelancerProject> Projects, int ProjectCount, long? TotalCount, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads Freelancer's <c>GET /api/projects/0.1/projects/active/</c> answer: the envelope
/// <c>{"status","result":{"projects","total_count","users"},"request_id"}</c> or the error envelope
/// <c>{"status":"error","message","error_code"}</c>. Pure: body text in, projects and warnings out. On bad input it
/// throws only <see cref="GigProviderException"/>; a project it cannot use is skipped with a warning.
/// </summary>
internal static class FreelancerResponseParser
{
    /// <summary>The <see cref="ExchangeRate.Source"/> of the rates the projects carry.</summary>
    internal const string ExchangeRateSource = "Freelancer.com currency.exchange_rate";

    private const int MaxSiteMessageLength = 300;
    private const int MaxSiteCodeLength = 100;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 128, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    // Cloudflare and captcha pages, which Freelancer's edge serves to clients it distrusts, instead of the API's JSON.
    private static readonly string[] BotWallMarkers =
    [
        "cf-chl", "challenge-platform", "cf_chl_opt", "/cdn-cgi/challenge", "Attention Required! | Cloudflare", "Just a moment...",
        "g-recaptcha", "h-captcha", "captcha-delivery",
    ];

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

    private static FreelancerPage Read(JsonDocument document, FreelancerParseSettings settings)
    {
        var root = document.RootElement;
        ThrowIfErrorEnvelope(root, settings);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(settings, $"the answer is JSON but not an object (it is {Describe(root.ValueKind)})");
        }

        if (Obj(root, "result") is not { } result)
        {
            var status = Str(root, "status");
            throw Fail(settings, $"the answer has no 'result' object{(status is null ? string.Empty : $" (status '{Cap(SiteText(status, settings), 40)}')")}: the API may have changed");
        }

        if (!result.TryGetProperty("projects", out var projects) || projects.ValueKind != JsonValueKind.Array)
        {
            // A changed or cut answer must not read as "no projects".
            throw Fail(settings, "the answer's result has no 'projects' list: the API may have changed");
        }

        var users = result.TryGetProperty("users", out var u) ? u : default;
        var total = Long(result, "total_count");
        var warnings = new List<string>();
        var list = new List<FreelancerProject>();
        var count = 0;
        foreach (var project in projects.EnumerateArray())
        {
            count++;
            if (project.ValueKind != JsonValueKind.Object)
            {
                warnings.Add($"{settings.Provider}: entry {count} of the projects list was skipped because it is {Describe(project.ValueKind)}, not a project object.");
                continue;
            }

            try
            {
                if (ReadProject(project, users, settings, warnings) is { } read)
                {
                    list.Add(read);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or InvalidOperationException or KeyNotFoundException)
            {
                // A safety net: a shape nobody foresaw costs one project, never the page.
                warnings.Add($"{settings.Provider}: project {IdText(project) ?? "#" + count.ToString(CultureInfo.InvariantCulture)} was skipped because it could not be read ({ex.Message})");
            }
        }

        return new FreelancerPage(list, count, total is >= 0 ? total : null, warnings);
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

    private static void ThrowIfBlocked(string body, FreelancerParseSettings settings)
    {
        var text = body.AsSpan().TrimStart();
        if (!text.StartsWith("<"))
        {
            return;
        }

        var head = text[..Math.Min(text.Length, 64 * 1024)];
        foreach (var marker in BotWallMarkers)
        {
            if (head.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                throw new GigProviderException(
                    settings.Provider,
                    "Freelancer's bot protection answered with a challenge page instead of the API; wait and try later, raise PageDelay, or use another network or proxy",
                    settings.RequestUri,
                    settings.StatusCode,
                    GigProviderFailure.Blocked);
            }
        }
    }

    private static void ThrowIfErrorEnvelope(JsonElement root, FreelancerParseSettings settings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var status = Str(root, "status");
        var nested = Obj(root, "error");
        var code = Str(root, "error_code") ?? Str(nested, "code");
        var message = Str(root, "message") ?? Str(nested, "detail") ?? Str(nested, "message");
        var isError = string.Equals(status, "error", StringComparison.OrdinalIgnoreCase)
            || (status is null && Obj(root, "result") is null && (code is not null || message is not null));
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

    private static FreelancerProject? ReadProject(JsonElement project, JsonElement users, FreelancerParseSettings settings, List<string> warnings)
    {
        var provider = settings.Provider;
        var id = IdText(project);
        if (id is null)
        {
            warnings.Add($"{provider}: a project was skipped because it has no id.");
            return null;
        }

        var title = HtmlText.Tidy(Str(project, "title"));
        if (title is null)
        {
            warnings.Add($"{provider}: project {id} was skipped because it has no title.");
            return null;
        }

        var url = ProjectUrl(Str(project, "seo_url"), settings.PublicSite);
        if (url is null)
        {
            warnings.Add($"{provider}: project {id} was skipped because it has no usable seo_url, the address of its page.");
            return null;
        }

        var currencyObject = Obj(project, "currency");
        var code = Str(currencyObject, "code");
        Currency? currency = code is not null && Currency.TryFromCode(code, out var c) ? c : null;
        var budget = ReadBudget(project, id, code, currency, provider, warnings);

        ExchangeRate? siteRate = null;
        if (currency is { } cur && cur != Currency.USD && Dec(currencyObject, "exchange_rate") is > 0m and var usdPerUnit)
        {
            siteRate = new ExchangeRate(cur, Currency.USD, usdPerUnit, settings.ReceivedOn, ExchangeRateSource);
        }

        var (skills, category) = ReadJobs(project);
        var bidStats = Obj(project, "bid_stats");
        var ownerId = Long(project, "owner_id");
        var gig = new Gig
        {
            Provider = provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = HtmlText.ToPlainText(Str(project, "description")) ?? HtmlText.ToPlainText(Str(project, "preview_description")),
            Budget = budget,
            Skills = skills,
            Category = category,
            PostedAt = UnixTime(project, "time_submitted") ?? UnixTime(project, "submitdate"),
            Proposals = Int(bidStats, "bid_count") is >= 0 and var bids ? bids : null,
            Client = ReadClient(project, ownerId, users),
            Extra = ReadExtra(project, currency, bidStats, ownerId),
        };
        return new FreelancerProject(gig, siteRate);
    }

    private static Budget? ReadBudget(JsonElement project, string id, string? code, Currency? currency, string provider, List<string> warnings)
    {
        var budget = Obj(project, "budget");
        var min = Dec(budget, "minimum");
        var max = Dec(budget, "maximum");
        if (min < 0 || max < 0)
        {
            warnings.Add($"{provider}: project {id} has a negative budget; it was left out.");
            return null;
        }

        if (min is null && max is null)
        {
            return null;
        }

        if (currency is not { } cur)
        {
            // Many of Freelancer's currencies print a bare "$": without an ISO code the amount's currency is unknown.
            warnings.Add(code is null
                ? $"{provider}: project {id} names no currency code; its budget was left out."
                : $"{provider}: project {id} is priced in '{Cap(code, 20)}', which is not an ISO 4217 currency; its budget was left out.");
            return null;
        }

        var typeText = Str(project, "type");
        BudgetType? type = typeText?.Trim().ToUpperInvariant() switch
        {
            "FIXED" => BudgetType.Fixed,
            "HOURLY" => BudgetType.Hourly,
            null when Obj(project, "hourly_project_info") is not null => BudgetType.Hourly,
            _ => null,
        };
        if (type is not { } budgetType)
        {
            warnings.Add($"{provider}: project {id} has a budget of unknown type '{Cap(typeText ?? "(none)", 20)}' (neither fixed nor hourly); it was left out.");
            return null;
        }

        if (min > max)
        {
            warnings.Add($"{provider}: project {id} has a budget minimum above its maximum; it was left out.");
            return null;
        }

        return new Budget(min is { } lo ? new Money(lo, cur) : null, max is { } hi ? new Money(hi, cur) : null, budgetType);
    }

    private static (IReadOnlyList<string> Skills, string? Category) ReadJobs(JsonElement project)
    {
        if (Arr(project, "jobs") is not { } jobs)
        {
            return ([], null);
        }

        var skills = new List<string>();
        string? category = null;
        foreach (var job in jobs.EnumerateArray())
        {
            if (job.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (HtmlText.Tidy(Str(job, "name")) is { } name && !skills.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                skills.Add(name);
            }

            category ??= HtmlText.Tidy(Str(Obj(job, "category"), "name"));
        }

        return (skills, category);
    }

    // The owner comes from result.users (a map keyed by the id as a string; an empty PHP array [] when there are none,
    // tolerated as a list of user objects too), else from the owner_info the site's own search page reads.
    private static GigClient? ReadClient(JsonElement project, long? ownerId, JsonElement users)
    {
        if (ownerId is { } owner && FindUser(users, owner) is { } user)
        {
            var (rating, reviews) = Reputation(Obj(user, "employer_reputation") ?? EmployerRole(Obj(user, "reputation")));
            return Client(
                Name(user),
                Country(Obj(user, "location")),
                Bool(Obj(user, "status"), "payment_verified"),
                rating,
                reviews);
        }

        if (Obj(project, "owner_info") is { } info)
        {
            var (rating, reviews) = Reputation(Obj(info, "employer_reputation") ?? Obj(info, "reputation"));
            var country = Obj(info, "country");
            return Client(
                Name(info) ?? HtmlText.Tidy(Str(project, "owner_username")),
                CountryCodes.Normalize(Str(country, "code")) ?? CountryCodes.Normalize(Str(country, "name")) ?? Country(Obj(info, "location")),
                Bool(Obj(info, "status"), "payment_verified"),
                rating,
                reviews);
        }

        return null;
    }

    private static GigClient? Client(string? name, string? country, bool? paymentVerified, decimal? rating, int? reviews) =>
        name is null && country is null && paymentVerified is null && rating is null && reviews is null
            ? null
            : new GigClient { Name = name, Country = country, PaymentVerified = paymentVerified, Rating = rating, Reviews = reviews };

    private static JsonElement? FindUser(JsonElement users, long ownerId)
    {
        if (users.ValueKind == JsonValueKind.Object)
        {
            return users.TryGetProperty(ownerId.ToString(CultureInfo.InvariantCulture), out var user) && user.ValueKind == JsonValueKind.Object ? user : null;
        }

        if (users.ValueKind == JsonValueKind.Array)
        {
            foreach (var user in users.EnumerateArray())
            {
                if (user.ValueKind == JsonValueKind.Object && Long(user, "id") == ownerId)
                {
                    return user;
                }
            }
        }

        return null;
    }

    private static string? Name(JsonElement user) =>
        HtmlText.Tidy(Str(user, "public_name")) ?? HtmlText.Tidy(Str(user, "display_name")) ?? HtmlText.Tidy(Str(user, "username"));

    // country.code is lower-case ISO alpha-2 ("za"); the name is the fallback.
    private static string? Country(JsonElement? location)
    {
        var country = Obj(location, "country");
        return CountryCodes.Normalize(Str(country, "code")) ?? CountryCodes.Normalize(Str(country, "name"));
    }

    // user_reputation gives the user's reputation as a freelancer ("role": "freelancer"), which says nothing about them
    // as a buyer; it counts only when it is the employer's.
    private static JsonElement? EmployerRole(JsonElement? reputation) =>
        string.Equals(Str(reputation, "role"), "employer", StringComparison.OrdinalIgnoreCase) ? reputation : null;

    // {entire_history: {overall, reviews, ...}, last3months, ...}, or the same fields flat. Ratings are 1-5 stars, so an
    // overall of 0 (and any rating over no reviews) means "not rated yet".
    private static (decimal? Rating, int? Reviews) Reputation(JsonElement? reputation)
    {
        var history = Obj(reputation, "entire_history") ?? (reputation is { } r && r.TryGetProperty("overall", out _) ? r : null);
        if (history is null)
        {
            return (null, null);
        }

        var reviews = Int(history, "reviews") is >= 0 and var n ? n : (int?)null;
        var overall = Dec(history, "overall");
        var rating = overall is > 0m and <= 5m && reviews != 0 ? overall : null;
        return (rating, reviews);
    }

    private static System.Collections.ObjectModel.ReadOnlyDictionary<string, object> ReadExtra(JsonElement project, Currency? currency, JsonElement? bidStats, long? ownerId)
    {
        // Sized for the values a project usually has, so that the dictionary is not grown three times for each project.
        var extra = new Dictionary<string, object>(16, StringComparer.Ordinal);
        var upgrades = Obj(project, "upgrades");
        AddBool("featured", Bool(upgrades, "featured") ?? Bool(project, "featured"));
        AddBool("urgent", Bool(upgrades, "urgent") ?? Bool(project, "urgent"));
        AddBool("sealed", Bool(upgrades, "sealed"));
        AddBool("nda", Bool(upgrades, "NDA"));
        AddBool("fulltime", Bool(upgrades, "fulltime"));
        AddBool("bidsHidden", Bool(project, "hidebids"));
        if (currency is { } cur && Dec(bidStats, "bid_avg") is >= 0m and var average)
        {
            extra["bidAverage"] = new Money(average, cur);
        }

        if (Int(project, "bidperiod") is > 0 and var days)
        {
            extra["bidPeriodDays"] = days;
        }

        if (HtmlText.Tidy(Str(project, "language")) is { Length: <= 16 } language)
        {
            extra["language"] = language;
        }

        if (UnixTime(project, "time_updated") is { } updated)
        {
            extra["updatedAt"] = updated;
        }

        var commitment = Obj(Obj(project, "hourly_project_info"), "commitment");
        if (Int(commitment, "hours") is > 0 and var hours)
        {
            extra["hourlyCommitmentHours"] = hours;
        }

        if (HtmlText.Tidy(Str(commitment, "interval")) is { Length: <= 32 } interval)
        {
            extra["hourlyCommitmentInterval"] = interval;
        }

        if (ownerId is { } owner)
        {
            extra["ownerId"] = owner;
        }

        return extra.AsReadOnly();

        void AddBool(string key, bool? value)
        {
            if (value is { } v)
            {
                extra[key] = v;
            }
        }
    }

    // {PublicSite}projects/{seo_url}: each segment is normalised (unescaped, then escaped) so that a '?', '#' or '..'
    // in a slug cannot change the page the link points at.
    private static Uri? ProjectUrl(string? seoUrl, Uri site)
    {
        if (string.IsNullOrWhiteSpace(seoUrl))
        {
            return null;
        }

        // One builder rather than a LINQ pipeline: this runs for every project of every page.
        var path = new StringBuilder("projects", seoUrl.Length + 16);
        var segments = 0;
        foreach (var part in seoUrl.Trim().Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var segment = Uri.EscapeDataString(Uri.UnescapeDataString(part));
            if (segment is not ("." or ".."))
            {
                path.Append('/').Append(segment);
                segments++;
            }
        }

        return segments == 0 ? null : GigUrls.TryCreate(path.ToString(), site);
    }

    private static string? IdText(JsonElement project)
    {
        if (!project.TryGetProperty("id", out var id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.Number when id.TryGetInt64(out var n) && n > 0 => n.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.Number when id.TryGetDecimal(out var d) && d > 0 && d == decimal.Truncate(d) && d <= long.MaxValue => ((long)d).ToString(CultureInfo.InvariantCulture),
            JsonValueKind.String when HtmlText.Tidy(ReadString(id)) is { Length: <= 64 } s && !s.Any(char.IsWhiteSpace) => s,
            _ => null,
        };
    }

    private static DateTimeOffset? UnixTime(JsonElement? element, string name)
    {
        // Year 2000 to 9999: anything else is not a posting time.
        const long Min = 946_684_800;
        const long Max = 253_402_300_799;
        return Long(element, name) is >= Min and <= Max and var seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    private static JsonElement? Obj(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static JsonElement? Arr(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : null;

    private static string? Str(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => ReadString(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static bool? Bool(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
            JsonValueKind.String when bool.TryParse(ReadString(value), out var b) => b,
            _ => null,
        };
    }

    private static decimal? Dec(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(ReadString(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    private static long? Long(JsonElement? element, string name) =>
        Dec(element, name) is { } d && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;

    private static int? Int(JsonElement? element, string name) =>
        Long(element, name) is { } n && n >= int.MinValue && n <= int.MaxValue ? (int)n : null;

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

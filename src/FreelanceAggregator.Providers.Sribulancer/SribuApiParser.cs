using System.Text;
using System.Text.Json;
using FreelanceAggregator.Providers.Html;

namespace FreelanceAggregator.Providers.Sribulancer;

/// <summary>One page of jobs read from Sribu's API.</summary>
/// <param name="Gigs">The jobs, in the answer's order.</param>
/// <param name="Warnings">Jobs skipped and values not understood, each naming the job and the value.</param>
/// <param name="Total">How many jobs the list has in all, if the answer says.</param>
/// <param name="Received">How many job entries the page held, readable or not (for paging).</param>
internal sealed record SribuApiPage(IReadOnlyList<Gig> Gigs, IReadOnlyList<GigWarning> Warnings, int? Total, int Received);

/// <summary>
/// Reads the answer of Sribu's public GraphQL API (<c>jobsListPublic</c>) through the JSON paths in
/// <see cref="SribuApiOptions"/>. Tolerant: missing, null, reordered or extra fields, numbers as strings and strings as
/// numbers are all fine; only the id and the title are mandatory. An HTML answer is classified (login page, bot wall,
/// app shell) instead of being read as an empty list.
/// </summary>
internal static class SribuApiParser
{
    private static readonly DateTextPattern Dates = DateTextPattern.Indonesian;

    /// <summary>Reads one answer. Throws nothing but <see cref="GigProviderException"/>.</summary>
    /// <param name="body">The answer's text.</param>
    /// <param name="requestUri">The address that answered, for messages.</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="options">The provider's options: the JSON paths, the public site and its link paths.</param>
    /// <param name="now">The clock's time, for relative dates.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">The answer is HTML, not JSON, an API error, or has no job list.</exception>
    public static SribuApiPage Parse(string? body, Uri requestUri, string provider, SribulancerOptions options, DateTimeOffset now) =>
        Parse(body ?? string.Empty, default, requestUri, provider, options, now);

    /// <summary>Reads an answer from its UTF-8 bytes (see <see cref="GigHttpResponse.TryGetUtf8Body"/>), without decoding it into a string.</summary>
    /// <param name="utf8Body">The body, valid UTF-8.</param>
    /// <param name="requestUri">The address that answered, for messages.</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="options">The provider's options: the JSON paths, the public site and its link paths.</param>
    /// <param name="now">The clock's time, for relative dates.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">As <see cref="Parse(string?, Uri, string, SribulancerOptions, DateTimeOffset)"/>.</exception>
    public static SribuApiPage Parse(ReadOnlyMemory<byte> utf8Body, Uri requestUri, string provider, SribulancerOptions options, DateTimeOffset now)
    {
        // An HTML page is read as text, where the checks for bot walls, login pages and app shells look at it.
        var start = utf8Body.Span.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && utf8Body.Span[start] == (byte)'<'
            ? Parse(Encoding.UTF8.GetString(utf8Body.Span), requestUri, provider, options, now)
            : Parse(null, utf8Body, requestUri, provider, options, now);
    }

    // The text when there is one, else the UTF-8 bytes; the bytes are decoded only to say what is wrong with them.
    private static SribuApiPage Parse(string? text, ReadOnlyMemory<byte> utf8Body, Uri requestUri, string provider, SribulancerOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(options);
        if (text is not null && text.AsSpan().TrimStart().StartsWith("<"))
        {
            throw NotJson(text, requestUri, provider);
        }

        JsonDocument document;
        try
        {
            var documentOptions = new JsonDocumentOptions { MaxDepth = 128, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
            document = text is null ? JsonDocument.Parse(utf8Body, documentOptions) : JsonDocument.Parse(text, documentOptions);
        }

        // ArgumentException: text holding a lone surrogate cannot be transcoded to UTF-8 (it cannot come from decoded
        // bytes, but the parser takes any string).
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new GigProviderException(provider, $"the answer is not valid JSON ({ex.Message.Split(". ", 2)[0]})", requestUri, failure: GigProviderFailure.InvalidResponse, innerException: ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GigProviderException(provider, $"the answer is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not the object the API sends", requestUri, failure: GigProviderFailure.InvalidResponse);
            }

            if (JsonValues.GetArray(root, "errors") is { } errors && errors.GetArrayLength() > 0)
            {
                var messages = errors.EnumerateArray().Select(e => JsonValues.GetString(e, "message") ?? JsonValues.GetString(e)).OfType<string>().Take(3);
                throw new GigProviderException(
                    provider,
                    $"Sribu's API refused the query: {string.Join("; ", messages)}. If its schema changed, adapt Api.Query and the Api paths",
                    requestUri,
                    failure: GigProviderFailure.SiteError);
            }

            var paths = SribuApiPaths.For(options.Api);
            if (Find(root, paths.Error) is { } errorValue && JsonValues.GetString(errorValue) is { } error)
            {
                throw new GigProviderException(provider, $"Sribu's API answered with an error: {error}", requestUri, failure: GigProviderFailure.SiteError);
            }

            var jobs = Find(root, paths.Jobs);
            if (jobs is not { ValueKind: JsonValueKind.Array } list)
            {
                throw new GigProviderException(
                    provider,
                    $"the answer holds no job list at '{options.Api.JobsPath}' (found {(jobs is { } j ? j.ValueKind.ToString().ToLowerInvariant() : "nothing")}); if Sribu changed its answer, adapt Api.JobsPath",
                    requestUri,
                    failure: GigProviderFailure.InvalidResponse);
            }

            var warnings = new List<GigWarning>();
            var gigs = new List<Gig>(list.GetArrayLength());
            foreach (var job in list.EnumerateArray())
            {
                if (ReadJob(job, provider, options, paths, now, warnings) is { } gig)
                {
                    gigs.Add(gig);
                }
            }

            return new SribuApiPage(gigs, warnings, AsInt(Find(root, paths.Total)), list.GetArrayLength());
        }
    }

    // Follows a path of SribuApiPaths; null when it is not set or leads nowhere.
    private static JsonElement? Find(JsonElement element, object[]? steps) =>
        steps is not null && JsonValues.TryGet(element, out var value, new ReadOnlySpan<object>(steps)) ? value : null;

    private static Gig? ReadJob(JsonElement job, string provider, SribulancerOptions options, SribuApiPaths paths, DateTimeOffset now, List<GigWarning> warnings)
    {
        var site = options.SiteAddress!;
        if (job.ValueKind != JsonValueKind.Object)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, null, null, $"{provider}: a job was skipped: it is a JSON {job.ValueKind.ToString().ToLowerInvariant()}, not an object."));
            return null;
        }

        var id = AsString(Find(job, paths.Id))?.Trim();
        var title = HtmlText.Tidy(AsString(Find(job, paths.Title)))?.Replace('\n', ' ');
        if (string.IsNullOrEmpty(id) || title is null)
        {
            var missing = string.IsNullOrEmpty(id) ? "id" : "title";
            warnings.Add(GigWarning.ForListing(
                GigWarningKind.ListingSkipped,
                string.IsNullOrEmpty(id) ? null : id,
                missing,
                $"{provider}: job '{title ?? id ?? "?"}' was skipped: it has no {missing} ('{(string.IsNullOrEmpty(id) ? options.Api.IdPath : options.Api.TitlePath)}')."));
            return null;
        }

        if (GigUrls.TryCreate(options.JobPath.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal), site) is not { } url)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, "url", $"{provider}: job '{title}' was skipped: JobPath '{options.JobPath}' gives no link on {site.Host}."));
            return null;
        }

        // Sized for the values a job can have, so that the dictionary is not grown for each job.
        var extra = new Dictionary<string, object>(8, StringComparer.Ordinal);
        if (AsString(Find(job, paths.ClientUser)) is { Length: > 0 } user
            && GigUrls.TryCreate(options.ClientPath.Replace("{user}", Uri.EscapeDataString(user), StringComparison.Ordinal), site) is { } clientUrl)
        {
            extra["clientUrl"] = clientUrl;
        }

        if (ReadDate(job, paths.ClosesAt, "closing date", id, title, provider, now, warnings) is { } closes)
        {
            extra["closesAt"] = closes;
        }

        if (AsString(Find(job, paths.Deadline)) is { Length: > 0 } deadline)
        {
            extra["deadline"] = Dates.Parse(deadline, now).TryGetValue(default, out var d) ? d : deadline;
        }

        if (AsInt(Find(job, paths.Hired)) is { } hired)
        {
            extra["hired"] = hired;
        }

        if (AsString(Find(job, paths.Status)) is { Length: > 0 } status)
        {
            extra["status"] = status;
        }

        var subcategory = HtmlText.Tidy(AsString(Find(job, paths.Subcategory)));
        var clientName = HtmlText.Tidy(AsString(Find(job, paths.ClientName)));
        return new Gig
        {
            Provider = provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = HtmlText.ToPlainText(AsString(Find(job, paths.Description))),
            Budget = ReadBudget(job, paths, id, title, provider, warnings),
            Skills = subcategory is null ? [] : [subcategory],
            Category = HtmlText.Tidy(AsString(Find(job, paths.Category))),
            PostedAt = ReadDate(job, paths.PostedAt, "posting date", id, title, provider, now, warnings),
            Proposals = AsInt(Find(job, paths.Proposals)),
            Client = clientName is null ? null : new GigClient { Name = clientName },
            Extra = extra,
        };
    }

    // The budget is one amount in the job's own currency; a missing currency leaves it out rather than assume rupiah.
    private static Budget? ReadBudget(JsonElement job, SribuApiPaths paths, string id, string title, string provider, List<GigWarning> warnings)
    {
        if (Find(job, paths.Budget) is not { } value)
        {
            return null;
        }

        var code = AsString(Find(job, paths.Currency))?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || !Currency.TryFromCode(code, out var currency))
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, id, "budget", $"{provider}: job '{title}': its budget was left out because its currency ('{code}') is missing or unknown."));
            return null;
        }

        decimal? amount = value.ValueKind switch
        {
            JsonValueKind.Number => JsonValues.GetDecimal(value),
            JsonValueKind.String when PriceTextPattern.CreateWithInvariantCulture(currency).Parse(JsonValues.ReadString(value)) is { Success: true } price && price.Value.Currency == currency => price.Value.Amount,
            _ => null,
        };
        if (amount is null)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, id, "budget", $"{provider}: job '{title}': the budget '{AsString(value)}' was not understood."));
            return null;
        }

        // Zero or less is how the list shows a budget that was never set.
        // A Sribu job states one budget: both ends are that amount, not a "from" price.
        return amount > 0 ? Budget.Fixed(new Money(amount.Value, currency), new Money(amount.Value, currency)) : null;
    }

    private static DateTimeOffset? ReadDate(JsonElement job, object[]? path, string what, string id, string title, string provider, DateTimeOffset now, List<GigWarning> warnings)
    {
        if (AsString(Find(job, path)) is not { Length: > 0 } text)
        {
            return null;
        }

        var date = Dates.Parse(text, now);
        if (date.Success)
        {
            return date.Value;
        }

        warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, id, what == "closing date" ? "closesAt" : "postedAt", $"{provider}: job '{title}': the {what} '{text}' was not understood ({date.Error.Message})."));
        return null;
    }

    // A value as text: a string, or the digits of a number (ids and budgets come as either).
    private static string? AsString(JsonElement? element) => element is { } value ? JsonValues.GetString(value) : null;

    private static int? AsInt(JsonElement? element) => element is { } value ? JsonValues.GetInt32(value) : null;

    private static GigProviderException NotJson(string html, Uri requestUri, string provider)
    {
        using var page = HtmlPage.Parse(html, provider, requestUri);
        if (page.FindBotWall() is { } wall)
        {
            return page.Fail(wall, GigProviderFailure.Blocked);
        }

        if (PageChecks.IsLoginAddress(requestUri) || page.HasPasswordField)
        {
            return page.Fail(page.LoginProblem("the job list"), GigProviderFailure.LoginRequired);
        }

        if (page.IsEmptyAppShell(out var shell))
        {
            return page.Fail($"Sribu's API answered with {shell}, not JSON; its address may have changed (Api.Path, BaseAddress)", GigProviderFailure.JavaScriptRequired);
        }

        return page.Fail($"Sribu's API answered with an HTML page ({page.Describe()}) where JSON was expected");
    }
}

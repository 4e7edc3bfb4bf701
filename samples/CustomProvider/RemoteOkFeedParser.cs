using System.Collections.ObjectModel;
using System.Globalization;
using System.Net;
using System.Text.Json;
using FreelanceAggregator;
using FreelanceAggregator.Providers;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk;

/// <summary>Where a feed came from, for the messages of the exceptions and warnings the parser gives.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="RequestUri">The address that answered.</param>
/// <param name="StatusCode">The HTTP status it answered with.</param>
internal sealed record RemoteOkParseSettings(string Provider, Uri RequestUri, HttpStatusCode StatusCode);

/// <summary>The jobs read from one feed, and what was wrong with the ones that could not be read.</summary>
/// <param name="Gigs">The jobs, in the feed's order (newest first).</param>
/// <param name="Warnings">One <see cref="GigWarningKind.ListingSkipped"/> warning per skipped element, naming it and why.</param>
internal sealed record RemoteOkFeed(IReadOnlyList<Gig> Gigs, IReadOnlyList<GigWarning> Warnings);

/// <summary>
/// Turns the body of <c>GET https://remoteok.com/api</c> into gigs. Pure (no I/O, no clock) so it can be tested and
/// fuzzed on its own; it throws nothing but <see cref="GigProviderException"/>, whatever the input.
/// </summary>
/// <remarks>
/// The body is a JSON array. Its first element is Remote OK's legal notice (<c>{"last_updated": ..., "legal": "API
/// Terms of Service: ..."}</c>), not a job; it is recognised by its <c>legal</c> key rather than by its position, so a
/// feed that drops or moves it still reads. Every other element is a job object; only <c>id</c>, <c>position</c> and
/// <c>url</c> are needed, everything else is read when present and sensible, with the kit's tolerant
/// <see cref="JsonValues"/> (a number may come as text, a <c>null</c> or a value of another kind is absent).
/// </remarks>
internal static class RemoteOkFeedParser
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // Salaries are numbers, but the feed has sent them as text too, with thousands separators ("110,000") that a plain
    // number read refuses; the price pattern reads those, and the site's currency settles a bare amount.
    private static readonly PriceTextPattern SalaryText = PriceTextPattern.CreateWithInvariantCulture(Currency.USD);

    /// <summary>Reads a feed.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="settings">Where it came from.</param>
    /// <returns>The jobs and the warnings.</returns>
    /// <exception cref="GigProviderException">The body is not a Remote OK feed: not JSON, not an array, or job objects that no longer carry what every job has.</exception>
    public static RemoteOkFeed Parse(string body, RemoteOkParseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(settings);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // ArgumentException: text that cannot be UTF-8 at all (a lone surrogate), which is just as unreadable.
            throw Fail(settings, body.TrimStart().StartsWith('<') ? "the site answered with an HTML page where the JSON feed was expected" : "the answer is not valid JSON", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw Fail(settings, $"the feed is a JSON {root.ValueKind.ToString().ToLowerInvariant()} where an array of jobs was expected");
            }

            var gigs = new List<Gig>();
            var warnings = new List<GigWarning>();
            var candidates = 0;
            var index = -1;
            foreach (var element in root.EnumerateArray())
            {
                index++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    candidates++;
                    warnings.Add(new GigWarning(GigWarningKind.ListingSkipped, $"{settings.Provider}: element {index} of the feed is a {element.ValueKind.ToString().ToLowerInvariant()}, not a job, and was skipped."));
                    continue;
                }

                if (element.TryGetProperty("legal", out _) && !element.TryGetProperty("position", out _))
                {
                    continue;
                }

                candidates++;
                if (ReadJob(element, index, settings, out var skipped) is { } gig)
                {
                    gigs.Add(gig);
                }
                else
                {
                    warnings.Add(skipped!);
                }
            }

            // Elements that are all unreadable as jobs mean the format changed; reporting that as "no jobs" would hide
            // it. A feed with only the legal notice is a real empty result (Remote OK's answer to a tag nobody uses).
            if (candidates > 0 && gigs.Count == 0)
            {
                throw Fail(settings, $"none of the feed's {candidates} elements could be read as a job ({warnings[^1].Message}); the feed's format may have changed");
            }

            return new RemoteOkFeed(gigs, warnings);
        }
    }

    private static Gig? ReadJob(JsonElement job, int index, RemoteOkParseSettings settings, out GigWarning? skipped)
    {
        #region Snippet:RemoteOkRequiredValues
        // Only the id, the title and the job's page are needed: a job without one is skipped with a warning that names
        // it and the value it lacks, and the rest of the feed is kept.
        JsonValues.TryGetId(job, out var id, "id");
        var title = HtmlText.Tidy(JsonValues.GetString(job, "position"));
        var href = JsonValues.GetString(job, "url");
        var url = GigUrls.TryCreate(href, RemoteOkProvider.PublicSite);
        var (field, problem) = (id, title, href, url) switch
        {
            (null, _, _, _) => ("id", "it has no id"),
            (_, null, _, _) => ("title", "it has no position (title)"),
            (_, _, null, _) => ("url", "it has no url"),
            (_, _, _, null) => ("url", $"its url ({href}) is not an http(s) page on {RemoteOkProvider.PublicSite.Host}"),
            _ => (null, null),
        };
        if (id is null || title is null || url is null)
        {
            var name = id ?? "#" + index.ToString(CultureInfo.InvariantCulture);
            skipped = GigWarning.ForListing(GigWarningKind.ListingSkipped, id, field, $"{settings.Provider}: job {name} was skipped: {problem}.");
            return null;
        }
        #endregion

        skipped = null;
        var extra = new Dictionary<string, object>(StringComparer.Ordinal);
        if (HtmlText.Tidy(JsonValues.GetString(job, "location")) is { } location)
        {
            extra["location"] = location;
        }

        // Remote OK gives salaries as whole-year amounts in USD, and 0 where the employer gave none. A yearly salary is
        // neither a fixed price nor an hourly rate, so it stays out of Budget (whose filters and conversions would
        // treat it as one) and is kept here as the site stated it.
        var salaryMin = Salary(job, "salary_min");
        var salaryMax = Salary(job, "salary_max");
        if (salaryMin is { } min)
        {
            extra["salaryMin"] = min;
        }

        if (salaryMax is { } max)
        {
            extra["salaryMax"] = max;
        }

        if (salaryMin is not null || salaryMax is not null)
        {
            extra["salaryPeriod"] = "year";
        }

        if (JsonValues.GetBoolean(job, "verified") is { } verified)
        {
            extra["verified"] = verified;
        }

        return new Gig
        {
            Provider = settings.Provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = Description(JsonValues.GetString(job, "description")),
            Skills = Tags(job),
            PostedAt = PostedAt(job),
            Client = HtmlText.Tidy(JsonValues.GetString(job, "company")) is { } company ? new GigClient { Name = company } : null,
            Extra = new ReadOnlyDictionary<string, object>(extra),
        };
    }

    // Some postings come with their HTML entity-escaped ("&lt;p&gt;Hello&lt;/p&gt;"), others as plain HTML. Escaped
    // markup is unescaped once first, or its tags would survive as text; markup with real tags is left alone, so a
    // literal "&lt;" in it stays a "<".
    private static string? Description(string? html)
    {
        if (html is not null && !html.Contains('<', StringComparison.Ordinal) && html.Contains("&lt;", StringComparison.OrdinalIgnoreCase))
        {
            html = WebUtility.HtmlDecode(html);
        }

        return HtmlText.ToPlainText(html);
    }

    private static List<string> Tags(JsonElement job)
    {
        // An array is what the feed sends; a comma-separated string is tolerated because it says the same thing.
        IEnumerable<string?> values = JsonValues.GetArray(job, "tags") is { } tags
            ? tags.EnumerateArray().Select(tag => JsonValues.GetString(tag))
            : JsonValues.GetString(job, "tags")?.Split(',') ?? [];
        return values.Select(HtmlText.Tidy).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static DateTimeOffset? PostedAt(JsonElement job)
    {
        // epoch (Unix seconds) and date (ISO 8601) name the same instant; epoch is exact and needs no parsing of offsets.
        if (JsonValues.GetUnixSeconds(job, "epoch") is { } epoch)
        {
            return epoch;
        }

        return JsonValues.GetString(job, "date") is { } date
            && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var posted)
            ? posted
            : null;
    }

    private static Money? Salary(JsonElement job, string name)
    {
        Money? salary = JsonValues.GetDecimal(job, name) is { } amount ? new Money(amount, Currency.USD) : null;

        // Only text goes to the price pattern: a number JsonValues could not hold (1e400) is broken, not a price to read.
        if (salary is null && JsonValues.TryGet(job, out var value, name) && value.ValueKind == JsonValueKind.String
            && SalaryText.Parse(JsonValues.ReadString(value)).TryGetValue(default, out var written))
        {
            salary = written;
        }

        return salary is { Amount: > 0 } ? salary : null;
    }

    private static GigProviderException Fail(RemoteOkParseSettings settings, string problem, Exception? innerException = null) =>
        new(settings.Provider, problem, settings.RequestUri, settings.StatusCode, GigProviderFailure.InvalidResponse, innerException: innerException);
}

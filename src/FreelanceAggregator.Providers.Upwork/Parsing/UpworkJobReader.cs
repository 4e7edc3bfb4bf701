using System.Globalization;
using System.Text.Json;

namespace FreelanceAggregator.Providers.Upwork.Parsing;

/// <summary>
/// Reads the jobs of one answer (the <c>node</c> of each edge) into gigs, and collects a warning for each job it left
/// out and each value it could not read. One reader per answer; not thread-safe.
/// </summary>
internal sealed class UpworkJobReader
{
    // Upwork writes "2025-10-16T06:06:47+0000" (an offset without a colon), which the core's ISO fast path reads as it
    // is; a date without an offset is UTC, as Upwork's API keeps every time in UTC.
    private static readonly DateTextPattern Dates = DateTextPattern.CreateWithInvariantCulture(TimeZoneInfo.Utc);

    private readonly UpworkParseSettings _settings;
    private readonly List<GigWarning> _warnings = [];

    // Each unknown country once per answer (with the first job that had it), not once per job.
    private Dictionary<string, string>? _unknownCountries;

    public UpworkJobReader(UpworkParseSettings settings) => _settings = settings;

    private string Provider => _settings.Provider;

    /// <summary>Reads a date as Upwork writes it (<c>2025-10-16T06:06:47+0000</c>), or in any other ISO 8601 form.</summary>
    /// <param name="text">The text.</param>
    /// <param name="now">The time, for a date written relative to it.</param>
    /// <param name="value">The date, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the text is a date.</returns>
    public static bool TryParseDate(string? text, DateTimeOffset now, out DateTimeOffset value) =>
        Dates.Parse(text, now).TryGetValue(default, out value);

    /// <summary>Notes an edge that has no job (<c>null</c>, or no <c>node</c>).</summary>
    /// <param name="index">The edge's position on the page, from 1.</param>
    public void SkipEdgeWithoutNode(int index) =>
        _warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, null, null, $"{Provider}: job {index} of the page was skipped: it has no data (the edge has no node)."));

    /// <summary>Reads one job.</summary>
    /// <param name="node">The edge's <c>node</c>.</param>
    /// <param name="index">The edge's position on the page, from 1, to name a job without an id.</param>
    /// <returns>The gig, or <see langword="null"/> when its id, title or link is missing (a warning says which).</returns>
    public Gig? Read(JsonElement node, int index)
    {
        var id = JsonValues.GetString(node, "id");
        if (id is null)
        {
            Skip(null, "id", $"job {index} of the page was skipped: it has no id.");
            return null;
        }

        var title = HtmlText.Tidy(JsonValues.GetString(node, "title"));
        if (title is null)
        {
            Skip(id, "title", $"job {id} was skipped: it has no title.");
            return null;
        }

        // The public page is /jobs/{ciphertext}; ciphertext is "~02" + id in every answer seen, so a job without one
        // still gets its link from a numeric id.
        var ciphertext = JsonValues.GetString(node, "ciphertext")?.Trim();
        if (ciphertext is null && id.All(char.IsAsciiDigit))
        {
            ciphertext = "~02" + id;
        }

        var url = ciphertext is null || ciphertext.Length > 200 ? null : GigUrls.TryCreate("/jobs/" + Uri.EscapeDataString(ciphertext), UpworkSearchParser.Site);
        if (url is null || ciphertext is null)
        {
            Skip(id, "url", $"job {id} was skipped: it has no usable link (ciphertext).");
            return null;
        }

        // Sized for the values a job usually has, so that the dictionary is not grown three times for each job.
        var extra = new Dictionary<string, object>(16, StringComparer.Ordinal);
        AddExtra(extra, "ciphertext", ciphertext);
        AddExtra(extra, "category", JsonValues.GetString(node, "category"));
        AddExtra(extra, "subcategory", JsonValues.GetString(node, "subcategory"));
        AddExtra(extra, "experienceLevel", JsonValues.GetString(node, "experienceLevel"));
        AddExtra(extra, "duration", JsonValues.GetString(node, "duration"));
        AddExtra(extra, "durationLabel", JsonValues.GetString(node, "durationLabel"));
        AddExtra(extra, "engagement", JsonValues.GetString(node, "engagement"));
        if (JsonValues.GetInt32(node, "freelancersToHire") is { } toHire)
        {
            extra["freelancersToHire"] = toHire;

            // Upwork lowers freelancersToHire to 0 once the job is filled, while the posting stays searchable.
            extra["filled"] = toHire == 0;
        }

        var created = ReadDate(node, "createdDateTime", id, "createdAt");
        var published = ReadDate(node, "publishedDateTime", id, "postedAt");
        if (created is { } createdAt)
        {
            extra["createdAt"] = createdAt;
        }

        return new Gig
        {
            Provider = Provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = HtmlText.ToPlainText(JsonValues.GetString(node, "description")),
            Budget = ReadBudget(node, id),
            Skills = ReadSkills(node),
            Category = HtmlText.Tidy(JsonValues.GetString(node, "occupations", "category", "prefLabel")) ?? JsonValues.GetString(node, "category"),
            PostedAt = published ?? created,
            Proposals = JsonValues.GetInt32(node, "totalApplicants") is { } applicants && applicants >= 0 ? applicants : null,
            Client = JsonValues.GetObject(node, "client") is { } client ? UpworkClientReader.Read(client, id, this) : null,
            Extra = extra,
        };
    }

    /// <summary>Ends the answer: adds the warnings collected across jobs, and returns them all.</summary>
    /// <returns>The warnings.</returns>
    public IReadOnlyList<GigWarning> Finish()
    {
        if (_unknownCountries is null)
        {
            return _warnings;
        }

        foreach (var (country, firstJob) in _unknownCountries)
        {
            _warnings.Add(GigWarning.ForListing(
                GigWarningKind.ValueUnreadable,
                firstJob,
                "client.country",
                $"{Provider}: the client country '{country}' is not a known country name or code; it was left empty."));
        }

        return _warnings;
    }

    /// <summary>Notes a client country that is neither a known name nor a known code.</summary>
    /// <param name="country">The text.</param>
    /// <param name="id">The job's id.</param>
    internal void UnknownCountry(string country, string id)
    {
        _unknownCountries ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        _unknownCountries.TryAdd(Short(country), id);
    }

    /// <summary>
    /// Reads a Money value: <c>{rawValue: "72.11", currency: "USD", displayValue: "72.11"}</c>; <c>rawValue</c> is read
    /// (<c>displayValue</c> may be formatted for display). A plain number (other Upwork queries) takes
    /// <paramref name="fallbackCurrency"/>, the currency of the job's own amount, if any: a currency is never guessed.
    /// </summary>
    /// <param name="parent">The job or its client.</param>
    /// <param name="name">The value's name in the answer.</param>
    /// <param name="fallbackCurrency">The currency of a plain number, or <see langword="null"/>.</param>
    /// <param name="id">The job's id.</param>
    /// <param name="field">The gig's value it becomes, for a warning.</param>
    /// <param name="ofClient">Whether <paramref name="parent"/> is the job's client, for a warning's wording.</param>
    /// <returns>The money, or <see langword="null"/>.</returns>
    internal Money? ReadMoney(JsonElement parent, string name, Currency? fallbackCurrency, string id, string field, bool ofClient = false)
    {
        if (!JsonValues.TryGet(parent, out var value, name))
        {
            return null;
        }

        string? raw;
        string? code;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                raw = JsonValues.GetString(value, "rawValue");
                code = JsonValues.GetString(value, "currency");
                break;
            case JsonValueKind.Number or JsonValueKind.String:
                raw = JsonValues.GetString(value);
                code = fallbackCurrency?.Code;
                break;
            default:
                return null;
        }

        if (raw is null)
        {
            return null;
        }

        if (!decimal.TryParse(raw.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var amount))
        {
            Unreadable(id, field, $"job {id}{(ofClient ? "'s client" : string.Empty)} has an unreadable amount in {name} ('{Short(raw)}'); it was left out.");
            return null;
        }

        if (!Currency.TryFromCode(code, out var currency))
        {
            Unreadable(id, field, $"job {id}{(ofClient ? "'s client" : string.Empty)} has {name} {Short(raw)} without a known currency ('{Short(code ?? "none")}'); it was left out.");
            return null;
        }

        return new Money(amount, currency);
    }

    private static void AddExtra(Dictionary<string, object> extra, string key, string? value)
    {
        if (HtmlText.Tidy(value) is { } text)
        {
            extra[key] = text;
        }
    }

    private static List<string> ReadSkills(JsonElement node)
    {
        var skills = new List<string>();
        if (JsonValues.GetArray(node, "skills") is not { } list)
        {
            return skills;
        }

        foreach (var skill in list.EnumerateArray())
        {
            var name = skill.ValueKind switch
            {
                JsonValueKind.Object => HtmlText.Tidy(JsonValues.GetString(skill, "prettyName")) ?? HtmlText.Tidy(JsonValues.GetString(skill, "name")),
                JsonValueKind.String => HtmlText.Tidy(JsonValues.ReadString(skill)),
                _ => null,
            };
            if (name is not null && !skills.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                skills.Add(name);
            }
        }

        return skills;
    }

    private static string Short(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    // A positive amount is a fixed price; otherwise the job is hourly with hourlyBudgetMin/Max (either may be null),
    // and a job with neither is an open budget. There is no contract-type field on this query.
    private Budget? ReadBudget(JsonElement node, string id)
    {
        var amount = ReadMoney(node, "amount", null, id, "budget");
        if (amount is { Amount: > 0 } price)
        {
            // Upwork states one fixed price: both ends are that price, not a "from" amount.
            return Budget.Fixed(price, price);
        }

        var fallback = amount?.Currency;
        var min = ReadMoney(node, "hourlyBudgetMin", fallback, id, "budget");
        var max = ReadMoney(node, "hourlyBudgetMax", fallback, id, "budget");
        Money? lo = min is { Amount: > 0 } a ? a : null;
        Money? hi = max is { Amount: > 0 } b ? b : null;
        if (lo is null && hi is null)
        {
            return null;
        }

        if (lo is { } l && hi is { } h && (l.Currency != h.Currency || l.Amount > h.Amount))
        {
            Unreadable(id, "budget", $"job {id} has an hourly range that cannot be right ({l} to {h}); its budget was left empty.");
            return null;
        }

        return Budget.Hourly(lo, hi);
    }

    private DateTimeOffset? ReadDate(JsonElement node, string name, string id, string field)
    {
        if (!JsonValues.TryGet(node, out var value, name))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = JsonValues.ReadString(value);
                if (TryParseDate(text, _settings.Now, out var date))
                {
                    return date;
                }

                if (!string.IsNullOrWhiteSpace(text))
                {
                    Unreadable(id, field, $"job {id} has an unreadable {name} ('{Short(text)}'); it was left out.");
                }

                return null;
            case JsonValueKind.Number when JsonValues.GetInt64(value) is { } epoch && epoch > 0:
                // Some Upwork queries give DateTime scalars as epoch milliseconds.
                return epoch > 100_000_000_000
                    ? (epoch < 253_402_300_800_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : null)
                    : JsonValues.GetUnixSeconds(value);
            default:
                return null;
        }
    }

    private void Skip(string? id, string field, string problem) =>
        _warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, field, $"{Provider}: {problem}"));

    private void Unreadable(string id, string field, string problem) =>
        _warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, id, field, $"{Provider}: {problem}"));
}

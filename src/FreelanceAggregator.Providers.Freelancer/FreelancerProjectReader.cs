using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace FreelanceAggregator.Providers.Freelancer;

/// <summary>
/// Reads the project objects of one page into listings: id, title and page are required, everything else is optional
/// and a value that makes no sense is left out with a warning naming the project. It also collects the USD rates the
/// projects' currency objects publish. One reader per page; not thread-safe.
/// </summary>
internal sealed class FreelancerProjectReader
{
    // Anything before 2000 is not a posting time (a zero, a day count, a mistake), so it is treated as missing.
    private static readonly DateTimeOffset EarliestPosting = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FreelancerParseSettings _settings;
    private readonly JsonElement _users;
    private readonly List<ExchangeRate> _rates = [];

    /// <summary>Initializes a new instance for one page.</summary>
    /// <param name="settings">The context.</param>
    /// <param name="users">The page's <c>result.users</c>, or <see langword="default"/> when it has none.</param>
    public FreelancerProjectReader(FreelancerParseSettings settings, JsonElement users)
    {
        _settings = settings;
        _users = users;
    }

    /// <summary>Gets what was skipped or left out so far, naming the project.</summary>
    public List<GigWarning> Warnings { get; } = [];

    /// <summary>Gets the rates the projects read so far published, one per currency.</summary>
    public IReadOnlyList<ExchangeRate> ExchangeRates => _rates;

    /// <summary>Reads one project object.</summary>
    /// <param name="project">The object.</param>
    /// <returns>The listing, or <see langword="null"/> when it lacks an id, a title or a page (with a warning).</returns>
    public Gig? Read(JsonElement project)
    {
        var provider = _settings.Provider;
        if (!JsonValues.TryGetId(project, out var id, "id"))
        {
            Warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, null, "id", $"{provider}: a project was skipped because it has no id."));
            return null;
        }

        var title = HtmlText.Tidy(JsonValues.GetString(project, "title"));
        if (title is null)
        {
            Warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, "title", $"{provider}: project {id} was skipped because it has no title."));
            return null;
        }

        var url = ProjectUrl(JsonValues.GetString(project, "seo_url"), _settings.PublicSite);
        if (url is null)
        {
            Warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, "url", $"{provider}: project {id} was skipped because it has no usable seo_url, the address of its page."));
            return null;
        }

        // Objects read for several values are looked up once; a missing one is the default element, in which every
        // read finds nothing.
        var currencyObject = JsonValues.GetObject(project, "currency").GetValueOrDefault();
        var code = JsonValues.GetString(currencyObject, "code");
        Currency? currency = code is not null && Currency.TryFromCode(code, out var c) ? c : null;
        var budget = ReadBudget(project, id, code, currency);
        if (currency is { } cur && cur != Currency.USD && JsonValues.GetDecimal(currencyObject, "exchange_rate") is > 0m and var usdPerUnit)
        {
            AddRate(cur, usdPerUnit);
        }

        var (skills, category) = ReadJobs(project);
        var bidStats = JsonValues.GetObject(project, "bid_stats").GetValueOrDefault();
        var ownerId = JsonValues.GetInt64(project, "owner_id");
        return new Gig
        {
            Provider = provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = HtmlText.ToPlainText(JsonValues.GetString(project, "description")) ?? HtmlText.ToPlainText(JsonValues.GetString(project, "preview_description")),
            Budget = budget,
            Skills = skills,
            Category = category,
            PostedAt = PostingTime(project, "time_submitted") ?? PostingTime(project, "submitdate"),
            Proposals = JsonValues.GetInt32(bidStats, "bid_count") is >= 0 and var bids ? bids : null,
            Client = FreelancerClientReader.Read(project, ownerId, _users),
            Extra = ReadExtra(project, currency, bidStats, ownerId),
        };
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

    private static DateTimeOffset? PostingTime(JsonElement project, string name) =>
        JsonValues.GetUnixSeconds(project, name) is { } time && time >= EarliestPosting ? time : null;

    private static (IReadOnlyList<string> Skills, string? Category) ReadJobs(JsonElement project)
    {
        if (JsonValues.GetArray(project, "jobs") is not { } jobs)
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

            if (HtmlText.Tidy(JsonValues.GetString(job, "name")) is { } name && !skills.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                skills.Add(name);
            }

            category ??= HtmlText.Tidy(JsonValues.GetString(job, "category", "name"));
        }

        return (skills, category);
    }

    // The first rate a page gives for a currency stands for the page: every project in that currency carries the same one.
    private void AddRate(Currency currency, decimal usdPerUnit)
    {
        foreach (var rate in _rates)
        {
            if (rate.From == currency)
            {
                return;
            }
        }

        _rates.Add(new ExchangeRate(currency, Currency.USD, usdPerUnit, _settings.ReceivedOn, FreelancerResponseParser.ExchangeRateSource));
    }

    private Budget? ReadBudget(JsonElement project, string id, string? code, Currency? currency)
    {
        var provider = _settings.Provider;
        var amounts = JsonValues.GetObject(project, "budget").GetValueOrDefault();
        var min = JsonValues.GetDecimal(amounts, "minimum");
        var max = JsonValues.GetDecimal(amounts, "maximum");
        if (min < 0 || max < 0)
        {
            Unreadable($"{provider}: project {id} has a negative budget; it was left out.");
            return null;
        }

        if (min is null && max is null)
        {
            return null;
        }

        if (currency is not { } cur)
        {
            // Many of Freelancer's currencies print a bare "$": without an ISO code the amount's currency is unknown.
            Unreadable(code is null
                ? $"{provider}: project {id} names no currency code; its budget was left out."
                : $"{provider}: project {id} is priced in '{Cap(code, 20)}', which is not an ISO 4217 currency; its budget was left out.");
            return null;
        }

        var typeText = JsonValues.GetString(project, "type");
        BudgetType? type = typeText?.Trim().ToUpperInvariant() switch
        {
            "FIXED" => BudgetType.Fixed,
            "HOURLY" => BudgetType.Hourly,
            null when JsonValues.GetObject(project, "hourly_project_info") is not null => BudgetType.Hourly,
            _ => null,
        };
        if (type is not { } budgetType)
        {
            Unreadable($"{provider}: project {id} has a budget of unknown type '{Cap(typeText ?? "(none)", 20)}' (neither fixed nor hourly); it was left out.");
            return null;
        }

        if (min > max)
        {
            Unreadable($"{provider}: project {id} has a budget minimum above its maximum; it was left out.");
            return null;
        }

        return new Budget(min is { } lo ? new Money(lo, cur) : null, max is { } hi ? new Money(hi, cur) : null, budgetType);

        void Unreadable(string message) => Warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, id, "budget", message));
    }

    private static ReadOnlyDictionary<string, object> ReadExtra(JsonElement project, Currency? currency, JsonElement bidStats, long? ownerId)
    {
        // Sized for the values a project usually has, so that the dictionary is not grown three times for each project.
        var extra = new Dictionary<string, object>(16, StringComparer.Ordinal);
        var upgrades = JsonValues.GetObject(project, "upgrades").GetValueOrDefault();
        AddBool("featured", JsonValues.GetBoolean(upgrades, "featured") ?? JsonValues.GetBoolean(project, "featured"));
        AddBool("urgent", JsonValues.GetBoolean(upgrades, "urgent") ?? JsonValues.GetBoolean(project, "urgent"));
        AddBool("sealed", JsonValues.GetBoolean(upgrades, "sealed"));
        AddBool("nda", JsonValues.GetBoolean(upgrades, "NDA"));
        AddBool("fulltime", JsonValues.GetBoolean(upgrades, "fulltime"));
        AddBool("bidsHidden", JsonValues.GetBoolean(project, "hidebids"));
        if (currency is { } cur && JsonValues.GetDecimal(bidStats, "bid_avg") is >= 0m and var average)
        {
            extra["bidAverage"] = new Money(average, cur);
        }

        if (JsonValues.GetInt32(project, "bidperiod") is > 0 and var days)
        {
            extra["bidPeriodDays"] = days;
        }

        if (HtmlText.Tidy(JsonValues.GetString(project, "language")) is { Length: <= 16 } language)
        {
            extra["language"] = language;
        }

        if (PostingTime(project, "time_updated") is { } updated)
        {
            extra["updatedAt"] = updated;
        }

        var commitment = JsonValues.GetObject(project, "hourly_project_info", "commitment").GetValueOrDefault();
        if (JsonValues.GetInt32(commitment, "hours") is > 0 and var hours)
        {
            extra["hourlyCommitmentHours"] = hours;
        }

        if (HtmlText.Tidy(JsonValues.GetString(commitment, "interval")) is { Length: <= 32 } interval)
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

    private static string Cap(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

using System.Globalization;
using System.Text.RegularExpressions;
using FreelanceAggregator.Providers.Html;

namespace FreelanceAggregator.Providers.Microworkers;

/// <summary>One page of the job list, read.</summary>
/// <param name="Gigs">The jobs, in the page's order.</param>
/// <param name="Warnings">Rows skipped and values not understood, each naming the job.</param>
/// <param name="Rows">How many job rows the page held, read or not.</param>
/// <param name="LinksToNextPage">Whether the page links to the page after it.</param>
internal sealed record MicroworkersPage(IReadOnlyList<Gig> Gigs, IReadOnlyList<GigWarning> Warnings, int Rows, bool LinksToNextPage);

/// <summary>
/// Reads Microworkers' job list (<c>/jobs.php</c>, a worker's logged-in page) with the selectors of
/// <see cref="MicroworkersPageOptions"/>. A row gives the job's id (its <c>id</c> attribute, <c>campaign&lt;hex&gt;</c> or
/// <c>job_&lt;id&gt;</c>), title and link, and the payment per task, success rate, time to rate, time to finish and
/// positions done of total. Only the id, title and link are mandatory; anything else unreadable is a warning.
/// </summary>
internal static partial class MicroworkersParser
{
    /// <summary>The public site: every link is made absolute against it, whatever address served the page.</summary>
    public static readonly Uri Site = new("https://www.microworkers.com/");

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly PriceTextPattern Price = PriceTextPattern.Create(CultureInfo.GetCultureInfo("en-US"), Currency.USD);

    // The last "no jobs" pattern compiled: options rarely change, and a pattern is compiled once, not per page.
    private static CompiledPattern? _noJobs;

    /// <summary>Reads one page of the job list. Throws nothing but <see cref="GigProviderException"/>.</summary>
    /// <param name="html">The page.</param>
    /// <param name="pageUri">Where it came from, for messages and the login check.</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="selectors">The selectors and the "no jobs" text.</param>
    /// <param name="page">The page's number, to find a link to the next one.</param>
    /// <param name="pageParameter">The query parameter of the page number.</param>
    /// <returns>The page's jobs.</returns>
    /// <exception cref="GigProviderException">The page is cut off, a bot wall, the login page, a restriction notice, or no job list at all.</exception>
    public static MicroworkersPage Parse(string? html, Uri pageUri, string provider, MicroworkersPageOptions selectors, int page = 1, string pageParameter = "page")
    {
        ArgumentNullException.ThrowIfNull(pageUri);
        ArgumentNullException.ThrowIfNull(selectors);
        if (PageChecks.IsCutOff(html, out var ending))
        {
            throw new GigProviderException(provider, $"the page is cut off: it stops in the middle ('{ending}') without its closing </html>, so rows may be missing; try again", pageUri, failure: GigProviderFailure.InvalidResponse);
        }

        using var document = HtmlPage.Parse(html, provider, pageUri);
        if (document.FindBotWall() is { } wall)
        {
            throw document.Fail(wall, GigProviderFailure.Blocked);
        }

        var rows = document.QuerySelectorAll(selectors.Row);
        var warnings = new List<GigWarning>();
        var gigs = new List<Gig>(rows.Count);
        foreach (var row in rows)
        {
            if (ReadRow(row, provider, selectors, warnings) is { } gig)
            {
                gigs.Add(gig);
            }
        }

        if (rows.Count == 0)
        {
            CheckEmptyPage(document, pageUri, selectors);
        }

        return new MicroworkersPage(gigs, warnings, rows.Count, rows.Count > 0 && LinksTo(document, pageParameter, page + 1));
    }

    /// <summary>Compiles the "no jobs" pattern (case-insensitive, with a timeout), reusing the last one compiled.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The regular expression.</returns>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    internal static Regex NoJobs(string pattern)
    {
        if (Volatile.Read(ref _noJobs) is { } last && last.Pattern == pattern)
        {
            return last.Regex;
        }

        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        Volatile.Write(ref _noJobs, new CompiledPattern(pattern, regex));
        return regex;
    }

    // A page without rows is an empty list only when it says so; a login page, a restriction notice, a client-side shell
    // or a page whose markup moved on is a failure, never zero jobs.
    private static void CheckEmptyPage(HtmlPage document, Uri pageUri, MicroworkersPageOptions selectors)
    {
        if (PageChecks.IsLoginAddress(pageUri) || document.HasPasswordField)
        {
            throw document.Fail(
                document.LoginProblem("the job list") + ": the session has expired or was logged out. Log in to microworkers.com in a browser and copy its "
                + "PHPSESSID cookie into SessionCookie again (README: 'Getting a Microworkers session')",
                GigProviderFailure.LoginRequired);
        }

        var text = document.Body?.VisibleText ?? string.Empty;
        if (Matches(AutoRefreshNotice(), text))
        {
            throw document.Fail(
                "Microworkers restricted this account for refreshing the job list too often (its 'auto-refresh' notice answered instead of the list); "
                + "wait until the restriction ends, then search less often and raise PageDelay",
                GigProviderFailure.Blocked);
        }

        if (Matches(NoJobs(selectors.NoJobsText), text))
        {
            return;
        }

        if (document.IsEmptyAppShell(out var shell))
        {
            throw document.Fail("the site answered with " + shell, GigProviderFailure.JavaScriptRequired);
        }

        throw document.Fail(
            $"the page ({document.Describe()}) holds no job row matching Page.Row '{selectors.Row}' and no 'no jobs' message matching Page.NoJobsText; "
            + "the site's markup may have changed, so adapt the Page selectors in MicroworkersOptions");
    }

    private static Gig? ReadRow(HtmlElement row, string provider, MicroworkersPageOptions selectors, List<GigWarning> warnings)
    {
        var link = First(row, selectors.Link);
        var href = link?.GetAttribute("href");
        var title = Text(First(row, selectors.Title)) ?? Text(link);
        var url = GigUrls.TryCreate(href, Site);
        var id = RowId(row) ?? (url is null ? null : LinkId(url));
        if (url is null)
        {
            var which = title is not null ? $"job '{title}'" : id is not null ? $"job {id}" : "a job row";
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, "url", $"{provider}: {which} was skipped: its link '{href}' is missing or not on microworkers.com (Page.Link '{selectors.Link}')."));
            return null;
        }

        if (title is null)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, "title", $"{provider}: {(id is null ? "a job row" : $"job {id}")} was skipped: it has no title (Page.Title '{selectors.Title}')."));
            return null;
        }

        if (id is null)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, null, "id", $"{provider}: job '{title}' was skipped: neither its row (id=\"campaign…\") nor its link {url} holds a job id."));
            return null;
        }

        var job = new Row(provider, id, title, warnings);

        // Sized for the values a row can have, so that the dictionary is not grown for each row.
        var extra = new Dictionary<string, object>(7, StringComparer.Ordinal);
        if (Group(url) is { } group)
        {
            extra["group"] = group;
        }

        Budget? budget = null;
        if (Text(First(row, selectors.Payment)) is { } payment)
        {
            if (ReadPayment(payment) is { } amount)
            {
                var money = new Money(amount, Currency.USD);
                budget = new Budget(money, money, BudgetType.Fixed);
            }
            else
            {
                job.Unreadable("budget", $"the payment '{payment}' is not an amount in US dollars");
            }
        }

        if (Text(First(row, selectors.SuccessRate)) is { } success)
        {
            if (Percent().Match(success) is { Success: true } m && decimal.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate <= 100)
            {
                extra["successRate"] = rate == decimal.Truncate(rate) ? (object)(int)rate : rate;
            }
            else
            {
                job.Unreadable("successRate", $"the success rate '{success}' is not a percentage");
            }
        }

        if (Text(First(row, selectors.TimeToRate)) is { } ttr)
        {
            if (Duration(ttr, TimeSpan.FromDays(1)) is { } days)
            {
                extra["ttrDays"] = days;
            }
            else
            {
                job.Unreadable("ttrDays", $"the time to rate '{ttr}' is not a number of days");
            }
        }

        if (Text(First(row, selectors.TimeToFinish)) is { } ttf)
        {
            if (Duration(ttf, TimeSpan.FromMinutes(1)) is { } minutes)
            {
                extra["ttfMinutes"] = minutes;
            }
            else
            {
                job.Unreadable("ttfMinutes", $"the time to finish '{ttf}' is not a number of minutes");
            }
        }

        if (Text(First(row, selectors.Done)) is { } done)
        {
            if (DoneOfTotal().Match(done) is { Success: true } m && Count(m.Groups[1].Value) is { } finished && Count(m.Groups[2].Value) is { } total)
            {
                extra["done"] = finished;
                extra["total"] = total;
                extra["remaining"] = Math.Max(0, total - finished);
            }
            else
            {
                job.Unreadable("done", $"the positions done '{done}' are not 'done/total'");
            }
        }

        return new Gig
        {
            Provider = provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Budget = budget,
            Extra = extra,
        };
    }

    private static HtmlElement? First(HtmlElement row, string? selector) =>
        string.IsNullOrWhiteSpace(selector) ? null : row.QuerySelector(selector);

    private static string? Text(HtmlElement? element) => element?.VisibleText?.Replace('\n', ' ');

    // id="campaign3f9a1c27b0de" or id="job_8812": the part after the prefix; any other id as it is.
    private static string? RowId(HtmlElement row)
    {
        var id = row.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var match = RowIdPrefix().Match(id);
        return match.Success ? match.Groups[1].Value : id;
    }

    // A detail link's Id (jobs_details.php?Id=…), or a TTV task page's last segment (/dotask/info/<hex>_B).
    private static string? LinkId(Uri url)
    {
        if (LinkIdParameter().Match(url.Query) is { Success: true } match)
        {
            return Uri.UnescapeDataString(match.Groups[1].Value);
        }

        var last = url.AbsolutePath.TrimEnd('/');
        var slash = last.LastIndexOf('/');
        return url.Host.StartsWith("ttv.", StringComparison.OrdinalIgnoreCase) && slash >= 0 && slash < last.Length - 1 ? last[(slash + 1)..] : null;
    }

    // The three worker job systems the list mixes, told apart by where a row links to.
    private static string? Group(Uri url)
    {
        if (url.Host.StartsWith("ttv.", StringComparison.OrdinalIgnoreCase))
        {
            return "ttv";
        }

        var path = url.AbsolutePath;
        return path.EndsWith("/hm_jobs_details.php", StringComparison.OrdinalIgnoreCase) ? "hireGroup"
            : path.EndsWith("/jobs_details.php", StringComparison.OrdinalIgnoreCase) ? "basic"
            : null;
    }

    // Microworkers pays in US dollars and prints them the English way ("$0.30", "$0.105", "$1.00000"); an amount in any
    // other currency is not this site's and is left unread rather than guessed.
    private static decimal? ReadPayment(string text) =>
        Price.Parse(text) is { Success: true, Value: var money } && money.Currency == Currency.USD ? money.Amount : null;

    // "7 days", "7d", "168 hours", "10 minutes", "1 hour": the number in the wanted unit, when it converts exactly.
    private static int? Duration(string text, TimeSpan unit)
    {
        if (DurationText().Match(text) is not { Success: true } match || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 1_000_000)
        {
            return null;
        }

        TimeSpan? given = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "" => unit,
            "M" or "MIN" or "MINS" or "MINUTE" or "MINUTES" => TimeSpan.FromMinutes(1),
            "H" or "HR" or "HRS" or "HOUR" or "HOURS" => TimeSpan.FromHours(1),
            "D" or "DAY" or "DAYS" => TimeSpan.FromDays(1),
            _ => null,
        };
        if (given is not { } size)
        {
            return null;
        }

        var ticks = size.Ticks * number;
        return ticks % unit.Ticks == 0 ? (int)(ticks / unit.Ticks) : null;
    }

    private static int? Count(string text) =>
        int.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static bool LinksTo(HtmlPage document, string parameter, int page)
    {
        var wanted = page.ToString(CultureInfo.InvariantCulture);
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href") ?? string.Empty;
            var query = href.IndexOf('?', StringComparison.Ordinal);
            if (query < 0)
            {
                continue;
            }

            foreach (var pair in href[(query + 1)..].Split('&', '#'))
            {
                if (pair.Split('=', 2) is [var name, var value] && string.Equals(name, parameter, StringComparison.OrdinalIgnoreCase) && value == wanted)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?:campaign|job)[_-]?(.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RowIdPrefix();

    [GeneratedRegex(@"[?&]id=([^&#]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkIdParameter();

    [GeneratedRegex(@"(\d{1,3}(?:\.\d+)?)\s*%?", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex(@"(\d+)\s*([a-z]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationText();

    [GeneratedRegex(@"(\d[\d,]*)\s*/\s*(\d[\d,]*)", RegexOptions.CultureInvariant)]
    private static partial Regex DoneOfTotal();

    // Reconstructed from a worker tool's note of a one-day "Auto-refresh / Bot" ban; the notice's exact words are unknown.
    [GeneratedRegex(@"auto[- ]?refresh", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutoRefreshNotice();

    private sealed record CompiledPattern(string Pattern, Regex Regex);

    // The row a value belongs to, for warnings that name the job by id and title.
    private readonly record struct Row(string Provider, string Id, string Title, List<GigWarning> Warnings)
    {
        public void Unreadable(string field, string what) =>
            Warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, Id, field, $"{Provider}: job '{Title}': {what}."));
    }
}

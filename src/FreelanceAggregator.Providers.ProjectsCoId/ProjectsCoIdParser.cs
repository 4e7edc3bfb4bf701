using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FreelanceAggregator.Providers.Html;

namespace FreelanceAggregator.Providers.ProjectsCoId;

/// <summary>One listing page, read: its projects, what was odd about it, and how many pages the listing has.</summary>
/// <param name="Gigs">The projects, in the page's order.</param>
/// <param name="Warnings">Rows skipped and values not understood, each naming the project.</param>
/// <param name="LastPage">The last page number the pagination offers, or <see langword="null"/> when the page has no pagination.</param>
internal sealed record ProjectsCoIdPage(IReadOnlyList<Gig> Gigs, IReadOnlyList<GigWarning> Warnings, int? LastPage);

/// <summary>
/// Reads Projects.co.id's server-rendered listing (<c>/public/browse_projects/listing</c>). A row is a
/// <c>div.col-md-10</c> with an <c>h2 &gt; a</c> title link beside a <c>div.col-md-2</c> owner column; its details are
/// <c>&lt;strong&gt;Label:&lt;/strong&gt; value</c> pairs, read by label and never by position because scrapers of the
/// live site found them out of order.
/// </summary>
internal static partial class ProjectsCoIdParser
{
    /// <summary>The public site: every link is made absolute against it, whatever address served the page.</summary>
    public static readonly Uri Site = new("https://projects.co.id/");

    // The core resolves id-ID (or a day-first stand-in where globalization is invariant); prices use the same culture.
    private static readonly PriceTextPattern Price = PriceTextPattern.Create(DateTextPattern.Indonesian.Culture, Currency.IDR);

    private static readonly DateTextPattern Dates = DateTextPattern.Indonesian;

    /// <summary>Reads one listing page. Throws nothing but <see cref="GigProviderException"/>.</summary>
    /// <param name="html">The page.</param>
    /// <param name="pageUri">Where it came from, for messages and the login check.</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="now">The clock's time, for relative dates.</param>
    /// <returns>The page's projects.</returns>
    /// <exception cref="GigProviderException">The page is a bot wall, a login page, an empty app shell, or no listing at all.</exception>
    public static ProjectsCoIdPage Parse(string? html, Uri pageUri, string provider, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pageUri);
        if (PageChecks.IsCutOff(html, out var ending))
        {
            throw new GigProviderException(provider, $"the page is cut off: it stops in the middle ('{ending}') without its closing </html>, so rows may be missing; try again", pageUri, failure: GigProviderFailure.InvalidResponse);
        }

        using var page = HtmlPage.Parse(html, provider, pageUri);
        if (page.FindBotWall() is { } wall)
        {
            throw page.Fail(wall, GigProviderFailure.Blocked);
        }

        var warnings = new List<GigWarning>();
        var gigs = new List<Gig>();
        var rows = 0;
        var projectLinks = false;
        foreach (var column in page.QuerySelectorAll("div.col-md-10"))
        {
            if (column.QuerySelector("h2") is not { } heading)
            {
                continue;
            }

            rows++;
            if (ReadRow(column, heading, provider, now, warnings, ref projectLinks) is { } gig)
            {
                gigs.Add(gig);
            }
        }

        // A Bootstrap page of another kind (an error or maintenance page) can have a div.col-md-10 with an h2 too; only a
        // link to a project makes it a listing row.
        if (gigs.Count == 0 && !projectLinks)
        {
            rows = 0;
        }

        if (rows == 0 && (PageChecks.IsLoginAddress(pageUri) || (!LooksLikeListing(page) && page.HasPasswordField)))
        {
            throw page.Fail(page.LoginProblem("the project listing"), GigProviderFailure.LoginRequired);
        }

        if (rows == 0 && !LooksLikeListing(page))
        {
            if (page.IsEmptyAppShell(out var shell))
            {
                throw page.Fail("the site answered with " + shell, GigProviderFailure.JavaScriptRequired);
            }

            throw page.Fail($"the page holds no project rows (div.col-md-10 with an h2 title) and does not look like the project listing ({page.Describe()}); the site's markup may have changed");
        }

        return new ProjectsCoIdPage(gigs, warnings, LastPage(page));
    }

    // An empty search still renders the listing's frame: the list container or the pagination. (Not the search box:
    // a login or error page may carry one in its navigation bar.)
    private static bool LooksLikeListing(HtmlPage page) =>
        page.QuerySelector("#ds, .form-body, ul.pagination") is not null;

    private static Gig? ReadRow(HtmlElement column, HtmlElement heading, string provider, DateTimeOffset now, List<GigWarning> warnings, ref bool projectLinks)
    {
        var link = heading.QuerySelector("a[href]");
        var href = link?.GetAttribute("href");
        if (href is not null && href.Contains("browse_projects/view", StringComparison.Ordinal))
        {
            projectLinks = true;
        }

        var title = (link ?? heading).VisibleText?.Replace('\n', ' ');
        if (title is null)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, null, "title", $"{provider}: a project row was skipped: it has no title."));
            return null;
        }

        if (GigUrls.TryCreate(href, Site) is not { } url)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, null, "url", $"{provider}: project '{title}' was skipped: its link '{href}' is missing or not on projects.co.id."));
            return null;
        }

        if (ProjectId().Match(url.AbsolutePath) is not { Success: true } idMatch)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, null, "id", $"{provider}: project '{title}' was skipped: its link {url} holds no project id (/public/browse_projects/view/<id>/<slug>)."));
            return null;
        }

        var id = idMatch.Groups[1].Value;

        // Sized for the values a row can have, so that the dictionary is not grown for each row.
        var extra = new Dictionary<string, object>(8, StringComparer.Ordinal);
        var owner = Owner(column);
        if (owner?.GetAttribute("href") is { } ownerHref && GigUrls.TryCreate(ownerHref, Site) is { } ownerUrl)
        {
            extra["ownerUrl"] = ownerUrl;
        }

        var row = new Row(provider, id, title, warnings);
        Budget? budget = null;
        DateTimeOffset? postedAt = null;
        int? proposals = null;
        foreach (var (label, value) in Details(column))
        {
            switch (Key(label))
            {
                case "published_budget":
                    budget = ReadBudget(value, row);
                    break;
                case "published_date":
                    postedAt = ReadDate(value, label, "postedAt", now, row);
                    break;
                case "select_deadline" or "deadline":
                    if (ReadDate(value, label, "deadline", now, row) is { } deadline)
                    {
                        extra["deadline"] = deadline;
                    }

                    break;
                case "finish_days":
                    if (ReadInt(value, label, "finishDays", row) is { } days)
                    {
                        extra["finishDays"] = days;
                    }

                    break;
                case "bid_count":
                    proposals = ReadInt(value, label, "proposals", row);
                    break;
                case "project_status":
                    extra["status"] = value;
                    break;
                case "need_weekly_report":
                    if (YesNo(value) is { } weekly)
                    {
                        extra["needWeeklyReport"] = weekly;
                    }

                    break;
                case var other when other.Length > 0:
                    // Extra keys are camel case for every provider: "Project Type" becomes projectType.
                    extra.TryAdd(CamelCase(other), value);
                    break;
            }
        }

        var ownerName = owner?.VisibleText;
        return new Gig
        {
            Provider = provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = Description(column),
            Budget = budget,
            Skills = column.QuerySelectorAll("span.tag").Select(t => t.VisibleText).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            PostedAt = postedAt,
            Proposals = proposals,
            Client = ownerName is null ? null : new GigClient { Name = ownerName },
            Extra = extra,
        };
    }

    // The owner column sits beside the project column in the same div.row.
    private static HtmlElement? Owner(HtmlElement column) =>
        column.Parent?.QuerySelectorAll("a.short-username").FirstOrDefault(a => !column.Contains(a));

    // The excerpt is the paragraph(s) right under the title; the tag paragraph and the details box are not part of it.
    private static string? Description(HtmlElement column)
    {
        var parts = column.Children
            .Where(e => e.LocalName == "p" && e.QuerySelector("span.tag") is null)
            .Select(e => e.VisibleText)
            .OfType<string>()
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    // The details box (div.well) holds the labels; without one, a bold "Note:" in the owner's excerpt is not a label.
    private static IEnumerable<(string Label, string Value)> Details(HtmlElement column)
    {
        var box = column.QuerySelector(".well");
        foreach (var strong in (box ?? column).QuerySelectorAll("strong"))
        {
            var label = strong.VisibleText;
            if (label is null || !label.EndsWith(':') || strong.Closest("h2, a") is not null
                || (box is null && column.Equals(strong.Closest("p")?.Parent)))
            {
                continue;
            }

            if (ValueAfter(strong) is { } value)
            {
                yield return (label.TrimEnd(':').Trim(), value);
            }
        }
    }

    // A value runs from its label to the next label or line break: "<strong>Bid Count:</strong> 9<br>".
    private static string? ValueAfter(HtmlElement label)
    {
        var text = new StringBuilder();
        for (var node = label.NextSibling; node is not null; node = node.NextSibling)
        {
            if (node is HtmlElement element)
            {
                if (element.LocalName == "strong" || (element.LocalName == "br" && !string.IsNullOrWhiteSpace(text.ToString())))
                {
                    break;
                }

                text.Append(' ').Append(element.VisibleText).Append(' ');
            }
            else if (node is HtmlTextNode t)
            {
                text.Append(t.Text);
            }
        }

        return HtmlText.Tidy(text.ToString().Replace('\n', ' '));
    }

    private static Budget? ReadBudget(string value, Row row)
    {
        var range = Price.ParseRange(value);
        if (!range.Success)
        {
            row.Unreadable("budget", $"the budget '{value}' was not understood ({range.Error.Message})");
            return null;
        }

        return range.Value.Min is null && range.Value.Max is null ? null : new Budget(range.Value.Min, range.Value.Max, BudgetType.Fixed);
    }

    private static DateTimeOffset? ReadDate(string value, string label, string field, DateTimeOffset now, Row row)
    {
        var date = Dates.Parse(value, now);
        if (date.Success)
        {
            return date.Value;
        }

        row.Unreadable(field, $"the {label} '{value}' was not understood ({date.Error.Message})");
        return null;
    }

    private static int? ReadInt(string value, string label, string field, Row row)
    {
        var match = Integer().Match(value);
        if (match.Success && int.TryParse(match.Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        row.Unreadable(field, $"the {label} '{value}' is not a number");
        return null;
    }

    private static bool? YesNo(string value) => value.Trim().ToUpperInvariant() switch
    {
        "YES" or "YA" or "TRUE" => true,
        "NO" or "TIDAK" or "FALSE" => false,
        _ => null,
    };

    private static string Key(string label) => NonWord().Replace(label.Trim().ToLowerInvariant(), "_").Trim('_');

    private static string CamelCase(string key)
    {
        var parts = key.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static int? LastPage(HtmlPage page)
    {
        int? last = null;
        foreach (var anchor in page.QuerySelectorAll("ul.pagination a"))
        {
            var number = ToPage(anchor.GetAttribute("paramval"))
                ?? (PageParameter().Match(anchor.GetAttribute("href") ?? string.Empty) is { Success: true } m ? ToPage(m.Groups[1].Value) : null)
                ?? ToPage(anchor.TextContent.Trim());
            if (number is { } n && (last is null || n > last))
            {
                last = n;
            }
        }

        return last;
    }

    private static int? ToPage(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : null;

    [GeneratedRegex(@"/browse_projects/view/([0-9A-Za-z]+)(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectId();

    [GeneratedRegex(@"\d{1,3}(?:[.,]\d{3})+|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();

    [GeneratedRegex(@"[?&]page=(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PageParameter();

    // The row a value belongs to, for warnings that name the project by id and title.
    private readonly record struct Row(string Provider, string Id, string Title, List<GigWarning> Warnings)
    {
        public void Unreadable(string field, string what) =>
            Warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, Id, field, $"{Provider}: project '{Title}': {what}."));
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FreelanceAggregator.Html;

namespace FreelanceAggregator.Providers.ProjectsCoId;

/// <summary>One listing page, read: its projects, what was odd about it, and how many pages the listing has.</summary>
/// <param name="Gigs">The projects, in the page's order.</param>
/// <param name="Warnings">Rows skipped and values not understood, each naming the project.</param>
/// <param name="LastPage">The last page number the pagination offers, or <see langword="null"/> when the page has no pagination.</param>
internal sealed record ProjectsCoIdPage(IReadOnlyList<Gig> Gigs, IReadOnlyList<string> Warnings, int? LastPage);

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
        if (HtmlPageCheck.IsCutOff(html ?? string.Empty, out var ending))
        {
            throw new GigProviderException(provider, $"the page is cut off: it stops in the middle ('{ending}') without its closing </html>, so rows may be missing; try again", pageUri, failure: GigProviderFailure.InvalidResponse);
        }

        using var document = HtmlDocumentParser.Parse(html ?? string.Empty, provider, pageUri);
        if (HtmlPageCheck.FindBotWall(document) is { } wall)
        {
            throw new GigProviderException(provider, wall, pageUri, failure: GigProviderFailure.Blocked);
        }

        var warnings = new List<string>();
        var gigs = new List<Gig>();
        var columns = document.QuerySelectorAll("div.col-md-10").Where(c => c.QuerySelector("h2") is not null).ToList();
        foreach (var column in columns)
        {
            if (ReadRow(column, provider, now, warnings) is { } gig)
            {
                gigs.Add(gig);
            }
        }

        // A Bootstrap page of another kind (an error or maintenance page) can have a div.col-md-10 with an h2 too; only a
        // link to a project makes it a listing row.
        var rows = gigs.Count > 0 || columns.Any(c => c.QuerySelector("h2 a[href*='browse_projects/view']") is not null) ? columns.Count : 0;
        if (rows == 0 && (HtmlPageCheck.IsLoginAddress(pageUri) || (!LooksLikeListing(document) && HtmlPageCheck.HasPasswordField(document))))
        {
            throw new GigProviderException(provider, HtmlPageCheck.LoginProblem(document, "the project listing"), pageUri, failure: GigProviderFailure.LoginRequired);
        }

        if (rows == 0 && !LooksLikeListing(document))
        {
            if (HtmlPageCheck.IsEmptyAppShell(document, out var shell))
            {
                throw new GigProviderException(provider, "the site answered with " + shell, pageUri, failure: GigProviderFailure.JavaScriptRequired);
            }

            throw new GigProviderException(
                provider,
                $"the page holds no project rows (div.col-md-10 with an h2 title) and does not look like the project listing ({HtmlPageCheck.Describe(document)}); the site's markup may have changed",
                pageUri,
                failure: GigProviderFailure.InvalidResponse);
        }

        return new ProjectsCoIdPage(gigs, warnings, LastPage(document));
    }

    // An empty search still renders the listing's frame: the list container or the pagination. (Not the search box:
    // a login or error page may carry one in its navigation bar.)
    private static bool LooksLikeListing(IDocument document) =>
        document.QuerySelector("#ds, .form-body, ul.pagination") is not null;

    private static Gig? ReadRow(IElement column, string provider, DateTimeOffset now, List<string> warnings)
    {
        var heading = column.QuerySelector("h2");
        var link = heading?.QuerySelector("a[href]");
        var title = HtmlDocumentParser.VisibleText(link ?? heading)?.Replace('\n', ' ');
        if (title is null)
        {
            warnings.Add($"{provider}: a project row was skipped: it has no title.");
            return null;
        }

        var href = link?.GetAttribute("href");
        if (GigUrls.TryCreate(href, Site) is not { } url)
        {
            warnings.Add($"{provider}: project '{title}' was skipped: its link '{href}' is missing or not on projects.co.id.");
            return null;
        }

        if (ProjectId().Match(url.AbsolutePath) is not { Success: true } idMatch)
        {
            warnings.Add($"{provider}: project '{title}' was skipped: its link {url} holds no project id (/public/browse_projects/view/<id>/<slug>).");
            return null;
        }

        // Sized for the values a row can have, so that the dictionary is not grown for each row.
        var extra = new Dictionary<string, object>(8, StringComparer.Ordinal);
        var owner = Owner(column);
        if (owner?.GetAttribute("href") is { } ownerHref && GigUrls.TryCreate(ownerHref, Site) is { } ownerUrl)
        {
            extra["ownerUrl"] = ownerUrl;
        }

        Budget? budget = null;
        DateTimeOffset? postedAt = null;
        int? proposals = null;
        foreach (var (label, value) in Details(column))
        {
            switch (Key(label))
            {
                case "published_budget":
                    budget = ReadBudget(value, title, provider, warnings);
                    break;
                case "published_date":
                    postedAt = ReadDate(value, title, label, provider, now, warnings);
                    break;
                case "select_deadline" or "deadline":
                    if (ReadDate(value, title, label, provider, now, warnings) is { } deadline)
                    {
                        extra["deadline"] = deadline;
                    }

                    break;
                case "finish_days":
                    if (ReadInt(value, title, label, provider, warnings) is { } days)
                    {
                        extra["finishDays"] = days;
                    }

                    break;
                case "bid_count":
                    proposals = ReadInt(value, title, label, provider, warnings);
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

        var ownerName = HtmlDocumentParser.VisibleText(owner);
        return new Gig
        {
            Provider = provider,
            Id = idMatch.Groups[1].Value,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = Description(column),
            Budget = budget,
            Skills = column.QuerySelectorAll("span.tag").Select(t => HtmlDocumentParser.VisibleText(t)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            PostedAt = postedAt,
            Proposals = proposals,
            Client = ownerName is null ? null : new GigClient { Name = ownerName },
            Extra = extra,
        };
    }

    // The owner column sits beside the project column in the same div.row.
    private static IElement? Owner(IElement column) =>
        column.ParentElement?.QuerySelectorAll("a.short-username").FirstOrDefault(a => !column.Contains(a));

    // The excerpt is the paragraph(s) right under the title; the tag paragraph and the details box are not part of it.
    private static string? Description(IElement column)
    {
        var parts = column.Children
            .Where(e => e.LocalName == "p" && e.QuerySelector("span.tag") is null)
            .Select(e => HtmlDocumentParser.VisibleText(e))
            .OfType<string>()
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    // The details box (div.well) holds the labels; without one, a bold "Note:" in the owner's excerpt is not a label.
    private static IEnumerable<(string Label, string Value)> Details(IElement column)
    {
        var box = column.QuerySelector(".well");
        foreach (var strong in (box ?? column).QuerySelectorAll("strong"))
        {
            var label = HtmlDocumentParser.VisibleText(strong);
            if (label is null || !label.EndsWith(':') || strong.Closest("h2, a") is not null
                || (box is null && strong.Closest("p")?.ParentElement == column))
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
    private static string? ValueAfter(IElement label)
    {
        var text = new StringBuilder();
        for (var node = label.NextSibling; node is not null; node = node.NextSibling)
        {
            if (node is IElement element)
            {
                if (element.LocalName == "strong" || (element.LocalName == "br" && !string.IsNullOrWhiteSpace(text.ToString())))
                {
                    break;
                }

                text.Append(' ').Append(HtmlDocumentParser.VisibleText(element)).Append(' ');
            }
            else if (node is IText t)
            {
                text.Append(t.Data);
            }
        }

        return HtmlText.Tidy(text.ToString().Replace('\n', ' '));
    }

    private static Budget? ReadBudget(string value, string title, string provider, List<string> warnings)
    {
        var range = Price.ParseRange(value);
        if (!range.Success)
        {
            warnings.Add($"{provider}: project '{title}': the budget '{value}' was not understood ({range.Error.Message}).");
            return null;
        }

        return range.Value.Min is null && range.Value.Max is null ? null : new Budget(range.Value.Min, range.Value.Max, BudgetType.Fixed);
    }

    private static DateTimeOffset? ReadDate(string value, string title, string label, string provider, DateTimeOffset now, List<string> warnings)
    {
        var date = Dates.Parse(value, now);
        if (date.Success)
        {
            return date.Value;
        }

        warnings.Add($"{provider}: project '{title}': the {label} '{value}' was not understood ({date.Error.Message}).");
        return null;
    }

    private static int? ReadInt(string value, string title, string label, string provider, List<string> warnings)
    {
        var match = Integer().Match(value);
        if (match.Success && int.TryParse(match.Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        warnings.Add($"{provider}: project '{title}': the {label} '{value}' is not a number.");
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

    private static int? LastPage(IDocument document)
    {
        int? last = null;
        foreach (var anchor in document.QuerySelectorAll("ul.pagination a"))
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
}

using System.Globalization;
using System.Text.RegularExpressions;
using FreelanceAggregator.Providers.Html;

namespace FreelanceAggregator.Providers.Sribulancer;

/// <summary>One browse-jobs page, read.</summary>
/// <param name="Gigs">The jobs, in the page's order.</param>
/// <param name="Warnings">Cards skipped and values not understood, each naming the job and the value.</param>
/// <param name="HasNextPage">Whether the page links to a next page (<see cref="SribulancerPageOptions.NextPage"/>).</param>
internal sealed record SribulancerPage(IReadOnlyList<Gig> Gigs, IReadOnlyList<GigWarning> Warnings, bool HasNextPage);

/// <summary>
/// Reads a rendered browse-jobs page with the selectors in <see cref="SribulancerPageOptions"/>. A page without job cards
/// is zero results only when it shows the site's own "no jobs" message; an empty app shell, a login page or a bot wall
/// is a failure that says what came back.
/// </summary>
internal static partial class SribulancerPageParser
{
    private const string CardIdPrefix = "a_open_job_detail_";

    // The core resolves id-ID (or a day-first stand-in where globalization is invariant); prices use the same culture.
    private static readonly PriceTextPattern Price = PriceTextPattern.Create(DateTextPattern.Indonesian.Culture, Currency.IDR);

    private static readonly DateTextPattern Dates = DateTextPattern.Indonesian;

    /// <summary>Reads one page. Throws nothing but <see cref="GigProviderException"/>.</summary>
    /// <param name="html">The page.</param>
    /// <param name="pageUri">Where it came from, for messages and the login check.</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="options">The provider's options: selectors, the public site and the job path.</param>
    /// <param name="now">The clock's time, for relative dates.</param>
    /// <returns>The page's jobs.</returns>
    /// <exception cref="GigProviderException">The page is a wall, a login page, an empty shell, or holds neither cards nor a "no jobs" message.</exception>
    public static SribulancerPage Parse(string? html, Uri pageUri, string provider, SribulancerOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pageUri);
        ArgumentNullException.ThrowIfNull(options);
        var selectors = options.Page;
        if (PageChecks.IsCutOff(html, out var ending))
        {
            throw new GigProviderException(provider, $"the page is cut off: it stops in the middle ('{ending}') without its closing </html>, so job cards may be missing; try again", pageUri, failure: GigProviderFailure.InvalidResponse);
        }

        using var page = HtmlPage.Parse(html, provider, pageUri);
        if (page.FindBotWall() is { } wall)
        {
            throw page.Fail(wall, GigProviderFailure.Blocked);
        }

        var cards = All(page.Root, selectors.JobCard, nameof(selectors.JobCard), provider, pageUri);
        if (cards.Count == 0)
        {
            if (PageChecks.IsLoginAddress(pageUri))
            {
                throw page.Fail(page.LoginProblem("the job list"), GigProviderFailure.LoginRequired);
            }

            if (First(page.Root, selectors.NoResults, nameof(selectors.NoResults), provider, pageUri) is not null)
            {
                return new SribulancerPage([], [], false);
            }

            if (page.HasPasswordField)
            {
                throw page.Fail(page.LoginProblem("the job list"), GigProviderFailure.LoginRequired);
            }

            if (page.IsEmptyAppShell(out var shell))
            {
                throw page.Fail(
                    $"the site answered with {shell}; the job list is filled in by the browser, so read it from Sribu's API (Source = SribuApi)",
                    GigProviderFailure.JavaScriptRequired);
            }

            throw page.Fail(
                $"the page ({page.Describe()}) holds no job card matching Page.JobCard '{selectors.JobCard}' and no 'no jobs' message matching Page.NoResults '{selectors.NoResults}'; the markup may have changed, so adapt the Page selectors");
        }

        var warnings = new List<GigWarning>();
        var gigs = new List<Gig>(cards.Count);
        foreach (var card in cards)
        {
            if (ReadCard(card, provider, options, pageUri, now, warnings) is { } gig)
            {
                gigs.Add(gig);
            }
        }

        var next = First(page.Root, selectors.NextPage, nameof(selectors.NextPage), provider, pageUri);
        return new SribulancerPage(gigs, warnings, next is not null);
    }

    private static Gig? ReadCard(HtmlElement card, string provider, SribulancerOptions options, Uri pageUri, DateTimeOffset now, List<GigWarning> warnings)
    {
        var selectors = options.Page;
        var site = options.SiteAddress!;
        var link = card.LocalName == "a" && card.HasAttribute("href") ? card : First(card, selectors.Link, nameof(selectors.Link), provider, pageUri);
        var href = link?.GetAttribute("href");
        var title = Text(card, selectors.Title, nameof(selectors.Title), provider, pageUri)?.Replace('\n', ' ');
        var id = card.Id is { } cardId && cardId.StartsWith(CardIdPrefix, StringComparison.Ordinal) && cardId.Length > CardIdPrefix.Length
            ? cardId[CardIdPrefix.Length..]
            : IdFromLink(href);
        if (title is null)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, "title", $"{provider}: job card '{id ?? href ?? "?"}' was skipped: it has no title matching Page.Title '{selectors.Title}'."));
            return null;
        }

        var url = GigUrls.TryCreate(href, site)
            ?? (id is null ? null : GigUrls.TryCreate(options.JobPath.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal), site));
        if (url is null || id is null)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, id is null ? "id" : "url", $"{provider}: job '{title}' was skipped: its link '{href}' is missing or not on {site.Host}, and it has no id."));
            return null;
        }

        var extra = new Dictionary<string, object>(StringComparer.Ordinal);
        var closes = Text(card, selectors.ClosesAt, nameof(selectors.ClosesAt), provider, pageUri);
        if (closes is not null && ReadDate(closes, "closesAt", id, title, provider, now, warnings) is { } closesAt)
        {
            extra["closesAt"] = closesAt;
        }

        var client = Text(card, selectors.Client, nameof(selectors.Client), provider, pageUri) is { } owner ? ByPrefix().Replace(owner, string.Empty).Trim() : null;
        if (!string.IsNullOrEmpty(client) && GigUrls.TryCreate(options.ClientPath.Replace("{user}", Uri.EscapeDataString(client), StringComparison.Ordinal), site) is { } clientUrl)
        {
            extra["clientUrl"] = clientUrl;
        }

        var posted = Text(card, selectors.PostedAt, nameof(selectors.PostedAt), provider, pageUri);
        var proposals = Text(card, selectors.Proposals, nameof(selectors.Proposals), provider, pageUri);
        return new Gig
        {
            Provider = provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = Text(card, selectors.Description, nameof(selectors.Description), provider, pageUri),
            Budget = ReadBudget(Text(card, selectors.Budget, nameof(selectors.Budget), provider, pageUri), id, title, provider, warnings),
            Skills = All(card, selectors.Skills, nameof(selectors.Skills), provider, pageUri).Select(e => e.VisibleText).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            Category = Text(card, selectors.Category, nameof(selectors.Category), provider, pageUri),
            PostedAt = posted is null ? null : ReadDate(posted, "postedAt", id, title, provider, now, warnings),
            Proposals = proposals is not null && FirstNumber().Match(proposals) is { Success: true } n && int.TryParse(n.Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null,
            Client = string.IsNullOrEmpty(client) ? null : new GigClient { Name = client },
            Extra = extra,
        };
    }

    private static Budget? ReadBudget(string? text, string id, string title, string provider, List<GigWarning> warnings)
    {
        if (text is null)
        {
            return null;
        }

        var range = Price.ParseRange(text);
        if (!range.Success)
        {
            warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, id, "budget", $"{provider}: job '{title}': the budget '{text}' was not understood ({range.Error.Message})."));
            return null;
        }

        return range.Value.Min is null && range.Value.Max is null ? null : new Budget(range.Value.Min, range.Value.Max, BudgetType.Fixed);
    }

    private static DateTimeOffset? ReadDate(string text, string field, string id, string title, string provider, DateTimeOffset now, List<GigWarning> warnings)
    {
        var date = Dates.Parse(text, now);
        if (date.Success)
        {
            return date.Value;
        }

        var what = field == "closesAt" ? "closing date" : "posting date";
        warnings.Add(GigWarning.ForListing(GigWarningKind.ValueUnreadable, id, field, $"{provider}: job '{title}': the {what} '{text}' was not understood ({date.Error.Message})."));
        return null;
    }

    // Job links end in the job's UUID (Sribu: /id/jobs/<uuid>, services: /<slug>-<uuid>); else the last path segment is the id.
    private static string? IdFromLink(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uuid().Match(href) is { Success: true } uuid)
        {
            return uuid.Value.ToLowerInvariant();
        }

        var path = href.Split('?', '#')[0].TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        return last.Length == 0 || last.Contains(':', StringComparison.Ordinal) ? null : last;
    }

    private static string? Text(HtmlElement scope, string selector, string option, string provider, Uri pageUri) =>
        First(scope, selector, option, provider, pageUri)?.VisibleText;

    // Selectors come from options a user can edit; one that is not valid CSS is a configuration error, named as such.
    private static HtmlElement? First(HtmlElement scope, string selector, string option, string provider, Uri pageUri)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }

        try
        {
            return scope.QuerySelector(selector);
        }
        catch (ArgumentException ex)
        {
            throw InvalidSelector(selector, option, provider, pageUri, ex);
        }
    }

    private static IReadOnlyList<HtmlElement> All(HtmlElement scope, string selector, string option, string provider, Uri pageUri)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return [];
        }

        try
        {
            return scope.QuerySelectorAll(selector);
        }
        catch (ArgumentException ex)
        {
            throw InvalidSelector(selector, option, provider, pageUri, ex);
        }
    }

    private static GigProviderException InvalidSelector(string selector, string option, string provider, Uri pageUri, Exception ex) =>
        new(provider, $"Page.{option} '{selector}' is not a valid CSS selector", pageUri, failure: GigProviderFailure.Configuration, innerException: ex);

    [GeneratedRegex(@"^\s*(?:oleh|by|client|klien)\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{1,3}(?:[.,]\d{3})+|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNumber();
}

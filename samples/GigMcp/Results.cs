using System.ComponentModel;
using System.Globalization;
using FreelanceAggregator;

namespace GigMcp;

// What the tools return, as structured content. Plain strings and numbers only, so the output schema an assistant sees
// is simple and no library type is bound to the wire: money as invariant text ("USD 1,250.00") plus its amount and code.

[Description("The listings found and what every site did.")]
internal sealed record SearchResult(
    [property: Description("The query that ran, in the one-line form (site and currency included).")] string Query,
    [property: Description("The ISO 4217 code budgets were converted to.")] string Currency,
    [property: Description("How many listings matched in all, before the limit.")] int Matched,
    [property: Description("The listings, in the query's order, at most the limit.")] IReadOnlyList<ListingResult> Listings,
    [property: Description("One entry per site asked: its outcome in words. A site that failed never hides the others' listings.")] IReadOnlyList<SiteResult> Sites,
    [property: Description("Set when the server serves recorded pages instead of the live sites.")] string? Offline);

[Description("One listing: a buyer's job or a seller's service.")]
internal sealed record ListingResult(
    [property: Description("The site's name, e.g. upwork, fiverr, freelancer.co.id.")] string Site,
    [property: Description("The site's own id of the listing.")] string Id,
    [property: Description("job (a buyer's project) or service (a seller's offer).")] string Kind,
    string Title,
    [property: Description("The listing's page on the site.")] string Url,
    [property: Description("The budget exactly as the site gave it, in the site's currency.")] BudgetResult? Budget,
    [property: Description("The budget converted to the search's currency, with the exchange rate used and its date.")] ConvertedResult? Converted,
    [property: Description("Why there is no converted budget, when there is a budget but no rate.")] string? BudgetNote,
    [property: Description("When it was posted (ISO 8601), when the site says.")] string? Posted,
    [property: Description("How long before the search it was posted, e.g. '3 hours ago'.")] string? PostedAgo,
    [property: Description("Proposals, bids or applicants so far, when the site says.")] int? Proposals,
    [property: Description("The buyer, for jobs.")] ClientResult? Client,
    [property: Description("The seller, for services.")] SellerResult? Seller,
    string? Category,
    IReadOnlyList<string>? Skills,
    [property: Description("The start of the description, in plain text.")] string? Description);

internal sealed record BudgetResult(
    [property: Description("e.g. 'USD 50.00–100.00 fixed' or 'IDR 1,500,000 fixed' or 'USD 15.00–35.00 per hour'.")] string Text,
    [property: Description("fixed or hourly.")] string Type,
    decimal? Min,
    decimal? Max,
    string Currency);

internal sealed record ConvertedResult(
    string Text,
    decimal? Min,
    decimal? Max,
    string Currency,
    [property: Description("The rate used, e.g. '1 USD = 16912.34 IDR'; absent when the budget was already in this currency.")] string? Rate,
    [property: Description("The day the rate is for (yyyy-MM-dd).")] string? RateDate,
    [property: Description("Where the rate comes from.")] string? RateSource);

internal sealed record ClientResult(string? Name, string? Country, bool? PaymentVerified, decimal? Rating, int? Reviews, string? TotalSpent, int? Hires);

internal sealed record SellerResult(string? Name, string? Username, string? Level, decimal? Rating, int? Reviews, string? Country);

[Description("What one site did in the search.")]
internal sealed record SiteResult(
    string Site,
    [property: Description("succeeded, failed, timed out, cancelled or skipped.")] string Status,
    [property: Description("Listings of this site in the result (after filters and de-duplication).")] int Listings,
    [property: Description("Listings the site returned before filtering.")] int Received,
    [property: Description("The outcome in words, e.g. 'fiverr: blocked by bot protection: …'.")] string Outcome,
    [property: Description("What the user should know that did not stop the site (values not read, more may match).")] IReadOnlyList<string>? Warnings);

/// <summary>Turns library results into the tools' records.</summary>
internal static class ResultMapper
{
    private const int DescriptionLength = 300;
    private const int WarningsShown = 5;

    public static ListingResult Listing(Gig gig, DateTimeOffset now)
    {
        var budget = gig.Budget is { } b
            ? new BudgetResult(b.ToString(), Type(b.Type), b.Min?.Amount, b.Max?.Amount, b.Currency.Code)
            : null;
        var converted = gig.ConvertedBudget is { } c
            ? new ConvertedResult(
                c.ToString(),
                c.Min?.Amount,
                c.Max?.Amount,
                c.Currency.Code,
                c.Rate is { } r ? Rate(r) : null,
                c.Rate?.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                c.Rate?.Source)
            : null;
        var note = budget is not null && converted is null
            ? "No exchange rate to the search's currency is known for " + budget.Currency + "; the budget is shown only as the site gave it."
            : null;

        return new ListingResult(
            gig.Provider,
            gig.Id,
            gig.Kind == GigKind.Service ? "service" : "job",
            gig.Title,
            gig.Url.AbsoluteUri,
            budget,
            converted,
            note,
            gig.PostedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            gig.PostedAt is { } posted ? Ago(now - posted) : null,
            gig.Proposals,
            gig.Client is { } client
                ? new ClientResult(client.Name, client.Country, client.PaymentVerified, client.Rating, client.Reviews, client.TotalSpent?.ToString(), client.Hires)
                : null,
            gig.Seller is { } seller ? new SellerResult(seller.Name, seller.Username, seller.Level, seller.Rating, seller.Reviews, seller.Country) : null,
            gig.Category,
            gig.Skills.Count > 0 ? gig.Skills : null,
            Shorten(gig.Description));
    }

    public static SiteResult Site(ProviderOutcome outcome)
    {
        var warnings = outcome.Warnings.Count == 0
            ? null
            : outcome.Warnings.Take(WarningsShown).Select(w => w.Message)
                .Concat(outcome.Warnings.Count > WarningsShown ? [$"… and {outcome.Warnings.Count - WarningsShown} more warnings."] : [])
                .ToList();
        return new SiteResult(outcome.Provider, Status(outcome.Status), outcome.GigCount, outcome.ReceivedCount, Outcome(outcome), warnings);
    }

    /// <summary>The outcome as a sentence an assistant can pass on, e.g. <c>fiverr: blocked by bot protection: …</c>.</summary>
    public static string Outcome(ProviderOutcome outcome)
    {
        var seconds = outcome.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return outcome.Status switch
        {
            ProviderStatus.Succeeded => outcome.ReceivedCount == 0
                ? $"{outcome.Provider}: answered in {seconds} s with no listings for this search"
                : $"{outcome.Provider}: {Count(outcome.GigCount, "listing")} matched ({outcome.ReceivedCount} received, {Count(outcome.PageCount, "page")}) in {seconds} s",
            ProviderStatus.Skipped => $"{outcome.Provider}: skipped: {outcome.Message}",
            ProviderStatus.Cancelled => $"{outcome.Provider}: cancelled after {seconds} s",
            ProviderStatus.TimedOut => $"{outcome.Provider}: timed out after {seconds} s ({Count(outcome.GigCount, "listing")} arrived in time): {outcome.Message}",
            _ => $"{outcome.Provider}: {Failure(outcome.Failure)}: {outcome.Message}" + (outcome.GigCount > 0 ? $" ({Count(outcome.GigCount, "listing")} arrived before)" : string.Empty),
        };
    }

    public static string Rate(ExchangeRate rate) => $"1 {rate.From.Code} = {Readable(rate.Rate).ToString("0.############################", CultureInfo.InvariantCulture)} {rate.To.Code}";

    /// <summary>A rate cut to six significant digits for reading (cross rates carry 28); conversions use the exact rate.</summary>
    public static decimal Readable(decimal rate)
    {
        if (rate == 0)
        {
            return 0;
        }

        var digitsBeforePoint = (int)Math.Floor(Math.Log10((double)Math.Abs(rate))) + 1;
        return Math.Round(rate, Math.Clamp(6 - digitsBeforePoint, 0, 28));
    }

    public static string Type(BudgetType type) => type == BudgetType.Hourly ? "hourly" : "fixed";

    public static string Ago(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => Count((int)age.TotalMinutes, "minute") + " ago",
        { TotalDays: < 1 } => Count((int)age.TotalHours, "hour") + " ago",
        _ => Count((int)age.TotalDays, "day") + " ago",
    };

    private static string Status(ProviderStatus status) => status switch
    {
        ProviderStatus.Succeeded => "succeeded",
        ProviderStatus.Failed => "failed",
        ProviderStatus.TimedOut => "timed out",
        ProviderStatus.Cancelled => "cancelled",
        _ => "skipped",
    };

    private static string Failure(GigProviderFailure? failure) => failure switch
    {
        GigProviderFailure.Blocked => "blocked by bot protection",
        GigProviderFailure.LoginRequired => "asks for a login",
        GigProviderFailure.Unauthorized => "credentials missing, wrong or expired",
        GigProviderFailure.Forbidden => "refused the request",
        GigProviderFailure.Configuration => "not configured",
        GigProviderFailure.RateLimited => "rate limited",
        GigProviderFailure.Network => "could not be reached",
        GigProviderFailure.Timeout => "a request timed out",
        GigProviderFailure.JavaScriptRequired => "answered with a page only a browser can fill",
        GigProviderFailure.Redirected => "redirected off the site",
        GigProviderFailure.InvalidResponse => "answered with something unreadable",
        GigProviderFailure.ResponseTooLarge => "answered with too much",
        GigProviderFailure.SiteError => "answered with an error",
        GigProviderFailure.CircuitOpen => "paused after repeated failures",
        GigProviderFailure.HttpStatus => "answered with an HTTP error",
        _ => "failed",
    };

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string? Shorten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= DescriptionLength ? flat : flat[..DescriptionLength].TrimEnd() + "…";
    }
}

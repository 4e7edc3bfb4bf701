using System.ComponentModel;
using System.Globalization;
using FreelanceAggregator;
using FreelanceAggregator.ExchangeRates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace GigMcp;

/// <summary>The search tools: <c>search_gigs</c>, <c>parse_query</c> and <c>convert_money</c>.</summary>
[McpServerToolType]
internal sealed class SearchTools(
    GigAggregator aggregator,
    ExchangeRateProvider rates,
    ServerSettings settings,
    TimeProvider time,
    ILogger<SearchTools> log)
{
    /// <summary>The most listings one call returns, so a result fits an assistant's context.</summary>
    public const int MaxLimit = 100;

    /// <summary>The query syntax, written once for every tool that takes a query.</summary>
    public const string QuerySyntax = """
        One line of words and filters. Words must all appear (title, description, category or skills); "quoted phrases" stay
        together; -word excludes. Filters (no spaces around the colon): budget:>=500000IDR, budget:<=100USD,
        budget:100..500USD (amounts need a currency code unless currency: is given; 'Rp 1 juta' style is not a token: write
        budget:>=1000000IDR); type:fixed or type:hourly; posted:<3d (min, h, d, w); site:fiverr,upwork; kind:job (a buyer's
        project) or kind:service (a seller's offer, e.g. Fiverr); skill:python,react; country:ID,SG (the buyer's country);
        payment:verified; rating:>=4.5; proposals:<=10; currency:IDR (convert budgets to it); sort:relevance, sort:newest,
        sort:budget-high, sort:budget-low or sort:proposals; limit:20 (per site). Example: logo design -wordpress
        budget:>=1000000IDR posted:<7d sort:newest
        """;

    private const string SitesList = "upwork, fiverr, freelancer, freelancer.co.id, sribulancer, projects.co.id, microworkers";

    [McpServerTool(Name = "search_gigs", Title = "Search freelance marketplaces", ReadOnly = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Searches freelance marketplaces (" + SitesList + ") at once and returns matching listings with budgets as "
        + "the site gave them and converted to one currency (with the exchange rate and its date), when posted, proposals so "
        + "far, and the buyer or seller; plus each site's outcome in words (a blocked or failing site is reported there, and "
        + "never hides the other sites' listings). Check a query first with parse_query when unsure of the syntax.")]
    public async Task<SearchResult> SearchGigsAsync(
        [Description(QuerySyntax)] string query,
        [Description("Sites to search, by name (" + SitesList + "); omit for every site. Overrides site: in the query.")] string[]? sites = null,
        [Description("ISO 4217 code to convert budgets to, e.g. IDR, USD, EUR; omit for the query's currency: or the server's default.")] string? currency = null,
        [Description("The most listings to return (1-100, default 20); each site is asked for as many.")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = Parse(query);
        var wanted = limit ?? 20;
        if (wanted is < 1 or > MaxLimit)
        {
            throw new McpException($"limit {wanted.ToString(CultureInfo.InvariantCulture)} is outside 1-{MaxLimit}.");
        }

        sites = sites?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToArray();
        if (sites is { Length: > 0 })
        {
            var unknown = sites.Where(s => Sites.Find(s) is null).ToList();
            if (unknown.Count > 0)
            {
                throw new McpException($"Unknown site '{string.Join("', '", unknown)}'. Known sites: {SitesList}.");
            }

            parsed = parsed with { Providers = [.. sites.Select(s => Sites.Find(s)!.Name)] };
        }
        else if (parsed.Providers is { Count: > 0 } named && named.FirstOrDefault(n => Sites.Find(n) is null) is { } stranger)
        {
            throw new McpException($"Unknown site '{stranger}' in site:. Known sites: {SitesList}.");
        }

        if (currency is not null)
        {
            if (!Currency.TryFromCode(currency.Trim(), out var target))
            {
                throw new McpException($"currency '{currency}' is not an ISO 4217 currency code (e.g. IDR, USD, EUR).");
            }

            parsed = parsed with { TargetCurrency = target };
        }

        // A limit: token in the query is per site; without one, each site is asked for as many as the call returns.
        if (!HasToken(query, "limit:"))
        {
            parsed = parsed with { Limit = wanted };
        }

        parsed = parsed with { TargetCurrency = parsed.TargetCurrency ?? settings.Currency };
        var text = parsed.ToString();
        log.Searching(text);
        GigSearchResult result;
        try
        {
            result = await aggregator.SearchAllAsync(parsed, cancellationToken);

            // The aggregator ends a cancelled search with "cancelled" outcomes rather than always throwing; the client
            // gave up on this call, so nothing is sent back either way.
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.SearchCancelled(text);
            throw;
        }
        catch (Exception e) when (e is ArgumentException or OptionsValidationException or ExchangeRateNotFoundException)
        {
            // Caller errors and settings errors: the library's messages name the part that is wrong and hold no secrets.
            throw new McpException(e.Message, e);
        }

        var now = time.GetUtcNow();
        foreach (var outcome in result.Outcomes.Where(o => o.Status != ProviderStatus.Succeeded))
        {
            log.SiteOutcome(ResultMapper.Outcome(outcome));
        }

        return new SearchResult(
            result.Query.ToString(),
            result.Currency.Code,
            result.Gigs.Count,
            [.. result.Gigs.Take(wanted).Select(g => ResultMapper.Listing(g, now))],
            [.. result.Outcomes.Select(ResultMapper.Site)],
            OfflineNote());
    }

    [McpServerTool(Name = "parse_query", Title = "Explain a search query", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Reads a one-line search query without searching: says what it means in plain English and lists every "
        + "filter, or gives the exact parse error (naming the token and what was expected) so the query can be fixed.")]
    public static ParseResult ParseQuery([Description(QuerySyntax)] string query) =>
        GigQuery.TryParse(query, out var parsed, out var error) ? ParseResult.From(parsed) : ParseResult.Invalid(error);

    [McpServerTool(Name = "convert_money", Title = "Convert money", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Converts an amount between currencies with the exchange rates searches use (the European Central Bank's "
        + "reference rates, cross rates through EUR), and says the rate, its source and the day it is for. "
        + "Example: amount 'USD 5', to 'IDR'.")]
    public async Task<ConversionResult> ConvertMoneyAsync(
        [Description("The amount with its currency as code or unambiguous symbol: 'USD 5', '5 EUR', 'IDR 1,500,000', 'Rp 72.000', 'Rp 3 juta', '£20'. A bare '$' is ambiguous: write USD, AUD, SGD….")] string amount,
        [Description("ISO 4217 code of the currency to convert to, e.g. IDR.")] string to,
        CancellationToken cancellationToken = default)
    {
        Money money;
        try
        {
            money = Money.Parse(amount);
        }
        catch (FormatException e)
        {
            throw new McpException($"Cannot read the amount '{amount}': {e.Message}", e);
        }

        if (!Currency.TryFromCode(to?.Trim(), out var target))
        {
            throw new McpException($"'{to}' is not an ISO 4217 currency code (e.g. IDR, USD, EUR).");
        }

        if (money.Currency == target)
        {
            return new ConversionResult(money.ToString(), money.ToString(), money.Amount, target.Code, "1 " + target.Code + " = 1 " + target.Code, 1m, null, "same currency: nothing to convert");
        }

        ExchangeRate rate;
        try
        {
            rate = await rates.GetRateAsync(money.Currency, target, cancellationToken);
        }
        catch (ExchangeRateNotFoundException e)
        {
            throw new McpException(e.Message, e);
        }

        var converted = rate.Convert(money).Round();
        return new ConversionResult(
            money.ToString(),
            converted.ToString(),
            converted.Amount,
            target.Code,
            ResultMapper.Rate(rate),
            rate.Rate,
            rate.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rate.Source);
    }

    private static GigQuery Parse(string query) =>
        GigQuery.TryParse(query, out var parsed, out var error) ? parsed : throw new McpException("Bad query: " + error);

    private static bool HasToken(string query, string prefix) =>
        query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private string? OfflineNote() => settings.OfflineRecordedAt is not { } recordedAt
        ? null
        : "Offline: recorded pages of a search for 'logo design', as the sites answered on "
            + recordedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            + "; 'posted' ages are counted from then. Start the server without --offline for the live sites.";
}

[Description("An amount converted to another currency, with the rate used.")]
internal sealed record ConversionResult(
    [property: Description("The amount as read, e.g. 'USD 5.00'.")] string From,
    [property: Description("The converted amount, rounded to the currency's minor unit, e.g. 'IDR 84,562'.")] string To,
    decimal Amount,
    string Currency,
    [property: Description("e.g. '1 USD = 16912.34 IDR'.")] string Rate,
    [property: Description("The rate as a number (units of the target currency per unit of the source).")] decimal? RateValue,
    [property: Description("The day the rate is for (yyyy-MM-dd).")] string? RateDate,
    [property: Description("Where the rate comes from.")] string? RateSource);

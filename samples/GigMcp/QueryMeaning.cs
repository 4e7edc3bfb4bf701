using System.ComponentModel;
using System.Globalization;
using FreelanceAggregator;

namespace GigMcp;

[Description("What a one-line query means, or why it cannot be read.")]
internal sealed record ParseResult(
    [property: Description("True when the query can be searched as written.")] bool Valid,
    [property: Description("The exact parse error, naming the token and what was expected; absent when valid.")] string? Error,
    [property: Description("The query as the aggregator reads it, in the one-line form.")] string? Query,
    [property: Description("The query in plain English.")] string? Meaning,
    IReadOnlyList<string>? Keywords,
    IReadOnlyList<string>? ExcludedWords,
    [property: Description("job or service; absent for both.")] string? Kind,
    [property: Description("The sites asked; absent for every site.")] IReadOnlyList<string>? Sites,
    [property: Description("The least a listing must pay, e.g. 'IDR 500,000'.")] string? MinBudget,
    [property: Description("The most a listing may ask, e.g. 'USD 100.00'.")] string? MaxBudget,
    [property: Description("fixed or hourly; absent for both.")] string? BudgetType,
    [property: Description("How recent a listing must be, e.g. '3 days'.")] string? PostedWithin,
    IReadOnlyList<string>? Skills,
    [property: Description("Buyer countries, ISO 3166 alpha-2.")] IReadOnlyList<string>? ClientCountries,
    bool PaymentVerifiedOnly,
    decimal? MinRating,
    int? MaxProposals,
    [property: Description("The currency budgets are converted to, when the query names one.")] string? Currency,
    [property: Description("relevance, newest, budget-high, budget-low or proposals.")] string Sort,
    [property: Description("Listings wanted from each site.")] int Limit)
{
    public static ParseResult Invalid(string error) =>
        new(false, error, null, null, null, null, null, null, null, null, null, null, null, null, false, null, null, null, "relevance", GigQuery.DefaultLimit);

    public static ParseResult From(GigQuery q) => new(
        true,
        null,
        q.ToString(),
        QueryMeaning.Describe(q),
        q.Keywords.Count > 0 ? q.Keywords : null,
        q.ExcludedWords.Count > 0 ? q.ExcludedWords : null,
        q.Kind switch { GigKind.Job => "job", GigKind.Service => "service", _ => null },
        q.Providers is { Count: > 0 } p ? p : null,
        q.MinBudget?.ToString(),
        q.MaxBudget?.ToString(),
        q.BudgetType is { } t ? ResultMapper.Type(t) : null,
        q.PostedWithin is { } w ? QueryMeaning.Span(w) : null,
        q.Skills.Count > 0 ? q.Skills : null,
        q.ClientCountries.Count > 0 ? q.ClientCountries : null,
        q.PaymentVerifiedOnly,
        q.MinRating,
        q.MaxProposals,
        q.TargetCurrency?.Code,
        QueryMeaning.Sort(q.Sort),
        q.Limit);
}

/// <summary>A query in plain English, so an assistant can check it asked for what the user meant.</summary>
internal static class QueryMeaning
{
    public static string Describe(GigQuery q)
    {
        var what = q.Kind switch { GigKind.Job => "Jobs", GigKind.Service => "Services", _ => "Listings (jobs and services)" };
        var parts = new List<string>
        {
            q.Keywords.Count > 0 ? $"{what} mentioning {List(q.Keywords.Select(Quote), "and")}" : $"{what} of any subject",
        };
        if (q.ExcludedWords.Count > 0)
        {
            parts.Add($"not mentioning {List(q.ExcludedWords.Select(Quote), "or")}");
        }

        parts.Add(q.Providers is { Count: > 0 } sites ? $"on {List(sites, "and")}" : "on every site");
        switch (q.MinBudget, q.MaxBudget)
        {
            case ({ } min, { } max):
                parts.Add($"with a budget between {min} and {max}");
                break;
            case ({ } min, null):
                parts.Add($"paying at least {min}");
                break;
            case (null, { } max):
                parts.Add($"asking at most {max}");
                break;
        }

        if (q.BudgetType is { } type)
        {
            parts.Add(type == BudgetType.Hourly ? "paid by the hour" : "at a fixed price");
        }

        if (q.PostedWithin is { } within)
        {
            parts.Add($"posted in the last {Span(within)}");
        }

        if (q.Skills.Count > 0)
        {
            parts.Add($"with any of the skills {List(q.Skills, "or")}");
        }

        if (q.ClientCountries.Count > 0)
        {
            parts.Add($"from buyers in {List(q.ClientCountries.Select(c => CountryCodes.GetName(c) ?? c), "or")}");
        }

        if (q.PaymentVerifiedOnly)
        {
            parts.Add("from buyers with a verified payment method");
        }

        if (q.MinRating is { } rating)
        {
            parts.Add($"rated at least {rating.ToString(CultureInfo.InvariantCulture)} of 5");
        }

        if (q.MaxProposals is { } proposals)
        {
            parts.Add($"with at most {proposals.ToString(CultureInfo.InvariantCulture)} proposals so far");
        }

        var sentence = string.Join(", ", parts) + ".";
        var order = q.Sort == GigSort.Relevance ? "most relevant first" : Sort(q.Sort) switch
        {
            "newest" => "newest first",
            "budget-high" => "highest budget first",
            "budget-low" => "lowest budget first",
            _ => "fewest proposals first",
        };
        var currency = q.TargetCurrency is { } c ? $", budgets converted to {c.Code}" : string.Empty;
        return $"{sentence} Up to {q.Limit.ToString(CultureInfo.InvariantCulture)} from each site, {order}{currency}.";
    }

    public static string Sort(GigSort sort) => sort switch
    {
        GigSort.Newest => "newest",
        GigSort.BudgetHighest => "budget-high",
        GigSort.BudgetLowest => "budget-low",
        GigSort.FewestProposals => "proposals",
        _ => "relevance",
    };

    public static string Span(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? Unit((int)span.TotalDays, "day")
        : span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0 ? Unit((int)span.TotalHours, "hour")
        : Unit((int)Math.Ceiling(span.TotalMinutes), "minute");

    private static string Unit(int count, string noun) => count == 1 ? noun : count.ToString(CultureInfo.InvariantCulture) + " " + noun + "s";

    private static string Quote(string term) => "\"" + term + "\"";

    private static string List(IEnumerable<string> items, string conjunction)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " " + conjunction + " " + list[^1],
        };
    }
}

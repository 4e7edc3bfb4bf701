using System.Globalization;
using System.Text.RegularExpressions;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator;

/// <summary>The one-line query syntax: reading it and writing it back.</summary>
internal static partial class GigQueryParser
{
    private const string KnownFilters = "budget:, type:, posted:, site:, kind:, skill:, country:, payment:, rating:, proposals:, currency:, sort:, limit:";

    public static bool Parse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GigQuery? query, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        query = null;
        var keywords = new List<string>();
        var excluded = new List<string>();
        var budgets = new List<(string Token, string Op, string Value)>();
        var state = new GigQuery();
        Currency? currency = null;

        foreach (var token in QueryText.Tokenize(text))
        {
            if (token.Unterminated)
            {
                error = $"The quote before '{token.Text}' is never closed; end the phrase with a second \".";
                return false;
            }

            var raw = token.Text;
            if (raw.Length == 0)
            {
                continue;
            }

            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            // A colon inside quotes ("c#:net", country:"United States") belongs to the value, not to a filter name.
            var isFilter = colon > 0 && (token.FirstQuoteAt < 0 || token.FirstQuoteAt > colon);
            if (raw[0] == '-' && raw.Length > 1 && !isFilter)
            {
                excluded.Add(raw[1..]);
                continue;
            }

            if (!isFilter)
            {
                keywords.Add(raw);
                continue;
            }

            var key = raw[..colon].ToLowerInvariant();
            var value = raw[(colon + 1)..];
            if (value.Length == 0)
            {
                error = $"'{raw}' has no value; write e.g. {Example(key)}.";
                return false;
            }

            string? problem;
            switch (key)
            {
                case "budget" or "price":
                    problem = SplitComparison(value, out var op, out var operand);
                    if (problem is null)
                    {
                        budgets.Add((raw, op, operand));
                    }

                    break;
                case "type":
                    (state, problem) = value.ToLowerInvariant() switch
                    {
                        "fixed" or "fixed-price" => (state with { BudgetType = BudgetType.Fixed }, null),
                        "hourly" => (state with { BudgetType = BudgetType.Hourly }, null),
                        _ => (state, "expected type:fixed or type:hourly"),
                    };
                    break;
                case "kind":
                    (state, problem) = value.ToLowerInvariant() switch
                    {
                        "job" or "jobs" => (state with { Kind = GigKind.Job }, null),
                        "service" or "services" or "gig" or "gigs" => (state with { Kind = GigKind.Service }, null),
                        _ => (state, "expected kind:job or kind:service"),
                    };
                    break;
                case "posted" or "age":
                    problem = ParsePosted(value, out var within);
                    state = problem is null ? state with { PostedWithin = within } : state;
                    break;
                case "site" or "sites" or "provider" or "providers":
                    state = state with { Providers = [.. (state.Providers ?? []), .. SplitList(value)] };
                    problem = null;
                    break;
                case "skill" or "skills":
                    state = state with { Skills = [.. state.Skills, .. SplitList(value)] };
                    problem = null;
                    break;
                case "country" or "countries":
                    var codes = new List<string>();
                    problem = null;
                    foreach (var name in SplitList(value))
                    {
                        if (CountryCodes.Normalize(name) is { } code)
                        {
                            codes.Add(code);
                        }
                        else
                        {
                            problem = $"'{name}' is not a country name or ISO 3166 code (e.g. country:ID or country:\"United States\")";
                            break;
                        }
                    }

                    state = problem is null ? state with { ClientCountries = [.. state.ClientCountries, .. codes] } : state;
                    break;
                case "payment" or "verified":
                    (state, problem) = value.ToLowerInvariant() switch
                    {
                        "verified" or "true" or "yes" => (state with { PaymentVerifiedOnly = true }, null),
                        "any" or "false" or "no" => (state with { PaymentVerifiedOnly = false }, null),
                        _ => (state, "expected payment:verified"),
                    };
                    break;
                case "rating":
                    problem = SplitComparison(value, out var ratingOp, out var ratingValue);
                    if (problem is null)
                    {
                        if (ratingOp is not (">=" or "") || !decimal.TryParse(ratingValue, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rating) || rating > 5)
                        {
                            problem = "expected a minimum rating from 0 to 5, e.g. rating:>=4.5";
                        }
                        else
                        {
                            state = state with { MinRating = rating };
                        }
                    }

                    break;
                case "proposals" or "bids":
                    problem = SplitComparison(value, out var proposalsOp, out var proposalsValue);
                    if (problem is null)
                    {
                        if (!int.TryParse(proposalsValue, NumberStyles.None, CultureInfo.InvariantCulture, out var proposals) || proposalsOp is not ("<=" or "<" or ""))
                        {
                            problem = "expected a maximum number of proposals, e.g. proposals:<=10 or proposals:<5";
                        }
                        else if (proposalsOp == "<" && proposals == 0)
                        {
                            problem = "no listing has fewer than 0 proposals";
                        }
                        else
                        {
                            state = state with { MaxProposals = proposalsOp == "<" ? proposals - 1 : proposals };
                        }
                    }

                    break;
                case "currency" or "cur":
                    if (Currency.TryFromCode(value, out var target))
                    {
                        currency = target;
                        state = state with { TargetCurrency = target };
                        problem = null;
                    }
                    else
                    {
                        problem = $"'{value}' is not an ISO 4217 currency code (e.g. currency:IDR)";
                    }

                    break;
                case "sort" or "order":
                    (state, problem) = value.ToLowerInvariant() switch
                    {
                        "relevance" or "best" => (state with { Sort = GigSort.Relevance }, null),
                        "newest" or "new" or "recent" or "date" => (state with { Sort = GigSort.Newest }, null),
                        "budget" or "budget-high" or "price-high" => (state with { Sort = GigSort.BudgetHighest }, null),
                        "budget-low" or "price-low" or "cheapest" => (state with { Sort = GigSort.BudgetLowest }, null),
                        "proposals" or "fewest-proposals" or "competition" => (state with { Sort = GigSort.FewestProposals }, null),
                        _ => (state, "expected sort:relevance, sort:newest, sort:budget-high, sort:budget-low or sort:proposals"),
                    };
                    break;
                case "limit":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= GigQuery.MaxLimit)
                    {
                        state = state with { Limit = limit };
                        problem = null;
                    }
                    else
                    {
                        problem = $"expected a whole number from 1 to {GigQuery.MaxLimit}, e.g. limit:100";
                    }

                    break;
                default:
                    error = $"Unknown filter '{key}:' in '{raw}'. Known filters: {KnownFilters}. To search for a word with a colon, quote it.";
                    return false;
            }

            if (problem is not null)
            {
                error = $"Cannot read '{raw}': {problem}.";
                return false;
            }
        }

        // Budgets are read last, so that currency:XXX anywhere in the line settles a bare amount or a '$'.
        var pattern = PriceTextPattern.CreateWithInvariantCulture(currency);
        foreach (var (token, op, value) in budgets)
        {
            var problem = ApplyBudget(pattern, op, value, ref state);
            if (problem is not null)
            {
                error = $"Cannot read '{token}': {problem}.";
                return false;
            }
        }

        state = state with { Keywords = keywords, ExcludedWords = excluded };
        try
        {
            state.Validate();
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }

        query = state;
        error = null;
        return true;
    }

    public static string Format(GigQuery query)
    {
        var parts = new List<string>();
        parts.AddRange(query.Keywords.Select(QueryText.Quote));
        parts.AddRange(query.ExcludedWords.Select(w => "-" + QueryText.Quote(w)));
        if (query.MinBudget is { } min && query.MaxBudget is { } max && min.Currency == max.Currency)
        {
            parts.Add($"budget:{Amount(min)}..{Amount(max)}{min.Currency}");
        }
        else
        {
            if (query.MinBudget is { } lo)
            {
                parts.Add($"budget:>={Amount(lo)}{lo.Currency}");
            }

            if (query.MaxBudget is { } hi)
            {
                parts.Add($"budget:<={Amount(hi)}{hi.Currency}");
            }
        }

        if (query.BudgetType is { } type)
        {
            parts.Add(type == BudgetType.Fixed ? "type:fixed" : "type:hourly");
        }

        if (query.PostedWithin is { } within)
        {
            parts.Add("posted:<" + FormatSpan(within));
        }

        if (query.Providers is { Count: > 0 } providers)
        {
            parts.Add("site:" + string.Join(',', providers));
        }

        if (query.Kind is { } kind)
        {
            parts.Add(kind == GigKind.Job ? "kind:job" : "kind:service");
        }

        if (query.Skills.Count > 0)
        {
            parts.Add("skill:" + QueryText.Quote(string.Join(',', query.Skills)));
        }

        if (query.ClientCountries.Count > 0)
        {
            parts.Add("country:" + string.Join(',', query.ClientCountries));
        }

        if (query.PaymentVerifiedOnly)
        {
            parts.Add("payment:verified");
        }

        if (query.MinRating is { } rating)
        {
            parts.Add("rating:>=" + rating.ToString(CultureInfo.InvariantCulture));
        }

        if (query.MaxProposals is { } proposals)
        {
            parts.Add("proposals:<=" + proposals.ToString(CultureInfo.InvariantCulture));
        }

        if (query.TargetCurrency is { } currency)
        {
            parts.Add("currency:" + currency.Code);
        }

        if (query.Sort != GigSort.Relevance)
        {
            parts.Add("sort:" + query.Sort switch
            {
                GigSort.Newest => "newest",
                GigSort.BudgetHighest => "budget-high",
                GigSort.BudgetLowest => "budget-low",
                _ => "proposals",
            });
        }

        if (query.Limit != GigQuery.DefaultLimit)
        {
            parts.Add("limit:" + query.Limit.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(' ', parts);
    }

    private static string? ApplyBudget(PriceTextPattern pattern, string op, string value, ref GigQuery state)
    {
        switch (op)
        {
            case ">=" or "<=" or "=":
                var one = pattern.Parse(value);
                if (!one.Success)
                {
                    return Explain(one.Error);
                }

                state = op switch
                {
                    ">=" => state with { MinBudget = one.Value },
                    "<=" => state with { MaxBudget = one.Value },
                    _ => state with { MinBudget = one.Value, MaxBudget = one.Value },
                };
                return null;
            case "":
                var range = pattern.ParseRange(value.Replace("..", "-", StringComparison.Ordinal));
                if (!range.Success)
                {
                    return Explain(range.Error);
                }

                state = state with { MinBudget = range.Value.Min, MaxBudget = range.Value.Max };
                return null;
            default:
                return $"'{op}' is not supported because budget bounds are inclusive; write budget:>=500USD or budget:<=500USD";
        }
    }

    private static string Explain(TextParseError error) => error.Kind switch
    {
        TextParseErrorKind.MissingCurrency => "the amount needs a currency, e.g. budget:>=500000IDR or budget:<=100USD (or add currency:XXX)",
        TextParseErrorKind.AmbiguousCurrency => "a bare '$' could be several currencies; write an ISO code, e.g. budget:>=100USD",
        _ => error.Message.TrimEnd('.') + "; write e.g. budget:>=500000IDR, budget:<=100USD or budget:100..500USD",
    };

    private static string? SplitComparison(string value, out string op, out string operand)
    {
        var match = Comparison().Match(value);
        op = match.Groups[1].Value;
        operand = match.Groups[2].Value;
        return operand.Length == 0 ? "the comparison has no value" : null;
    }

    private static string? ParsePosted(string value, out TimeSpan within)
    {
        within = default;
        var match = Posted().Match(value);
        if (!match.Success)
        {
            return "expected an age such as posted:<3d, posted:<12h, posted:<2w or posted:<30min";
        }

        var amount = int.Parse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (amount == 0)
        {
            return "the age must be more than zero";
        }

        within = match.Groups[3].Value.ToLowerInvariant() switch
        {
            "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(amount),
            "h" or "hour" or "hours" => TimeSpan.FromHours(amount),
            "d" or "day" or "days" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromDays(7 * amount),
        };
        return null;
    }

    private static string FormatSpan(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0 && span.Days % 7 == 0 ? (span.Days / 7).ToString(CultureInfo.InvariantCulture) + "w"
        : span.Ticks % TimeSpan.TicksPerDay == 0 ? span.Days.ToString(CultureInfo.InvariantCulture) + "d"
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? ((long)span.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"
        : ((long)Math.Ceiling(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture) + "min";

    // The written amount must parse back to itself: "1.125USD" would read as 1,125 (a dot before three digits is a
    // thousands separator in a currency with two decimals), so such an amount gets a fourth decimal digit, "1.1250".
    private static string Amount(Money money)
    {
        var text = money.Amount.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point >= 0 && text.Length - point - 1 == 3 ? text + "0" : text;
    }

    private static string[] SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Example(string key) => key switch
    {
        "budget" => "budget:>=500000IDR",
        "posted" => "posted:<3d",
        "site" => "site:fiverr,upwork",
        _ => key + ":<value> (known: " + KnownFilters + ")",
    };

    [GeneratedRegex(@"^(>=|<=|=|>|<|)(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^(<=|<|)(\d{1,6})\s*(min|mins|minute|minutes|h|hour|hours|d|day|days|w|week|weeks)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Posted();
}

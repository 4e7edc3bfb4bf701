using System.Globalization;
using FreelanceAggregator;

namespace GigSearch;

/// <summary>How budgets and outcomes read on screen.</summary>
internal static class Display
{
    public static string Budget(Money? min, Money? max, BudgetType type, CultureInfo culture)
    {
        var text = (min, max) switch
        {
            ({ } lo, { } hi) when lo == hi => lo.ToString(culture),

            // One currency sign is enough for a range: "USD 250.00–750.00", "Rp 500.000–1.000.000".
            ({ } lo, { } hi) when lo.Currency == hi.Currency => lo.ToString(culture) + "–" + hi.ToString("N", culture),
            ({ } lo, { } hi) => lo.ToString(culture) + "–" + hi.ToString(culture),
            ({ } lo, null) => "from " + lo.ToString(culture),
            (null, { } hi) => "up to " + hi.ToString(culture),
            _ => "-",
        };
        return type == BudgetType.Hourly && (min ?? max) is not null ? text + "/h" : text;
    }

    public static string Budget(FreelanceAggregator.Budget? budget, CultureInfo culture) =>
        budget is null ? "-" : Budget(budget.Min, budget.Max, budget.Type, culture);

    public static string Budget(ConvertedBudget? budget, CultureInfo culture) =>
        budget is null ? "-" : Budget(budget.Min, budget.Max, budget.Type, culture);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>"done in 1.2 s: 6 gigs (9 received: 2 did not match, 1 duplicate)", "failed after 0.3 s: why", …</summary>
    public static string Outcome(ProviderOutcome o) => o.Status switch
    {
        ProviderStatus.Succeeded => $"done in {Seconds(o.Elapsed)}: {Gigs(o.GigCount)}{Dropped(o)}",
        ProviderStatus.Skipped => "skipped: " + o.Message,
        ProviderStatus.TimedOut => $"timed out after {Seconds(o.Elapsed)}{Partial(o)}: {o.Message}",
        ProviderStatus.Cancelled => $"cancelled after {Seconds(o.Elapsed)}{Partial(o)}",
        _ => $"failed after {Seconds(o.Elapsed)}{Partial(o)}: {o.Message}",
    };

    public static string Gigs(int count) => count == 1 ? "1 gig" : $"{count} gigs";

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    // Says why fewer gigs reached the list than the site gave, so "2 gigs" after "received 9" is not a mystery.
    private static string Dropped(ProviderOutcome o)
    {
        if (o.ReceivedCount == o.GigCount)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (o.FilteredOutCount > 0)
        {
            parts.Add($"{o.FilteredOutCount} did not match");
        }

        if (o.DuplicateCount > 0)
        {
            parts.Add(o.DuplicateCount == 1 ? "1 duplicate" : $"{o.DuplicateCount} duplicates");
        }

        if (o.InvalidCount > 0)
        {
            parts.Add($"{o.InvalidCount} unreadable");
        }

        return $" ({o.ReceivedCount} received{(parts.Count > 0 ? ": " + string.Join(", ", parts) : string.Empty)})";
    }

    private static string Partial(ProviderOutcome o) => o.GigCount > 0 ? $" with {Gigs(o.GigCount)}" : string.Empty;
}

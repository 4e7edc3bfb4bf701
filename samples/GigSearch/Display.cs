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
            ({ } lo, { } hi) => lo.ToString(culture) + "–" + hi.ToString(culture),
            ({ } lo, null) => "from " + lo.ToString(culture),
            (null, { } hi) => "up to " + hi.ToString(culture),
            _ => "-",
        };
        return type == BudgetType.Hourly ? text + "/h" : text;
    }

    public static string Budget(FreelanceAggregator.Budget? budget, CultureInfo culture) =>
        budget is null ? "-" : Budget(budget.Min, budget.Max, budget.Type, culture);

    public static string Budget(ConvertedBudget? budget, CultureInfo culture) =>
        budget is null ? "-" : Budget(budget.Min, budget.Max, budget.Type, culture);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Outcome(ProviderOutcome o) => o.Status switch
    {
        ProviderStatus.Succeeded => $"done in {Seconds(o.Elapsed)}: {o.GigCount} gigs ({o.ReceivedCount} received)",
        ProviderStatus.Skipped => "skipped: " + o.Message,
        ProviderStatus.TimedOut => $"timed out after {Seconds(o.Elapsed)}: {o.Message}",
        ProviderStatus.Cancelled => "cancelled",
        _ => $"failed after {Seconds(o.Elapsed)}: {o.Message}",
    };

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

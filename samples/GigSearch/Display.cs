using System.Globalization;
using FreelanceAggregator;

namespace GigSearch;

/// <summary>How budgets and outcomes read on screen: amounts in the culture given, words in the language given.</summary>
internal static class Display
{
    public static string Budget(Money? min, Money? max, BudgetType type, CultureInfo culture, CultureInfo language)
    {
        var text = (min, max) switch
        {
            ({ } lo, { } hi) when lo == hi => lo.ToString(culture),

            // One currency sign is enough for a range: "USD 250.00–750.00", "Rp 500.000–1.000.000".
            ({ } lo, { } hi) when lo.Currency == hi.Currency => lo.ToString(culture) + "–" + hi.ToString("N", culture),
            ({ } lo, { } hi) => lo.ToString(culture) + "–" + hi.ToString(culture),
            ({ } lo, null) => Words.Format(language, nameof(Strings.BudgetFrom), lo.ToString(culture)),
            (null, { } hi) => Words.Format(language, nameof(Strings.BudgetUpTo), hi.ToString(culture)),
            _ => "-",
        };
        return type == BudgetType.Hourly && (min ?? max) is not null ? Words.Format(language, nameof(Strings.BudgetHourly), text) : text;
    }

    public static string Budget(FreelanceAggregator.Budget? budget, CultureInfo culture, CultureInfo language) =>
        budget is null ? "-" : Budget(budget.Min, budget.Max, budget.Type, culture, language);

    public static string Budget(ConvertedBudget? budget, CultureInfo culture, CultureInfo language) =>
        budget is null ? "-" : Budget(budget.Min, budget.Max, budget.Type, culture, language);

    // The decimal separator goes with the words around it: "1.2 s", "1,2 dtk".
    public static string Seconds(TimeSpan elapsed, CultureInfo language) =>
        Words.Format(language, nameof(Strings.Seconds), elapsed.TotalSeconds.ToString("0.0", language));

    /// <summary>"done in 1.2 s: 6 gigs (9 received: 2 did not match, 1 duplicate)", "failed after 0.3 s: why", …</summary>
    /// <remarks>The reason a site failed or was skipped is the library's <see cref="ProviderOutcome.Message"/>, in English.</remarks>
    public static string Outcome(ProviderOutcome o, CultureInfo language) => o.Status switch
    {
        ProviderStatus.Succeeded => Words.Format(language, nameof(Strings.OutcomeDone), Seconds(o.Elapsed, language), Gigs(o.GigCount, language), Dropped(o, language)),
        ProviderStatus.Skipped => Words.Format(language, nameof(Strings.OutcomeSkipped), o.Message),
        ProviderStatus.TimedOut => Words.Format(language, nameof(Strings.OutcomeTimedOut), Seconds(o.Elapsed, language), Partial(o, language), o.Message),
        ProviderStatus.Cancelled => Words.Format(language, nameof(Strings.OutcomeCancelled), Seconds(o.Elapsed, language), Partial(o, language)),
        _ => Words.Format(language, nameof(Strings.OutcomeFailed), Seconds(o.Elapsed, language), Partial(o, language), o.Message),
    };

    public static string Gigs(int count, CultureInfo language) =>
        count == 1 ? Words.Get(language, nameof(Strings.Gig)) : Words.Format(language, nameof(Strings.Gigs), count);

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    // Says why fewer gigs reached the list than the site gave, so "2 gigs" after "received 9" is not a mystery.
    private static string Dropped(ProviderOutcome o, CultureInfo language)
    {
        if (o.ReceivedCount == o.GigCount)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (o.FilteredOutCount > 0)
        {
            parts.Add(Words.Format(language, nameof(Strings.DroppedNotMatching), o.FilteredOutCount));
        }

        if (o.DuplicateCount > 0)
        {
            parts.Add(o.DuplicateCount == 1
                ? Words.Get(language, nameof(Strings.DroppedDuplicate))
                : Words.Format(language, nameof(Strings.DroppedDuplicates), o.DuplicateCount));
        }

        if (o.InvalidCount > 0)
        {
            parts.Add(Words.Format(language, nameof(Strings.DroppedUnreadable), o.InvalidCount));
        }

        return parts.Count == 0
            ? Words.Format(language, nameof(Strings.OutcomeReceived), o.ReceivedCount)
            : Words.Format(language, nameof(Strings.OutcomeReceivedWhy), o.ReceivedCount, string.Join(", ", parts));
    }

    private static string Partial(ProviderOutcome o, CultureInfo language) =>
        o.GigCount > 0 ? Words.Format(language, nameof(Strings.OutcomePartial), Gigs(o.GigCount, language)) : string.Empty;
}

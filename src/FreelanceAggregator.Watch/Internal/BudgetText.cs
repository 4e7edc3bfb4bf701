using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>
/// A budget as one short invariant text, <c>fixed|USD|250|750</c>, for storing it beside a listing and telling whether
/// it changed. Amounts lose trailing zeros, so <c>250.00</c> and <c>250</c> (the same money) do not count as a change.
/// </summary>
internal static class BudgetText
{
    private const string AmountFormat = "0.############################";

    public static string? Write(Budget? budget) => budget is null
        ? null
        : string.Join('|', budget.Type == BudgetType.Hourly ? "hourly" : "fixed", budget.Currency.Code, Amount(budget.Min), Amount(budget.Max));

    public static Budget? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('|');
        var currency = Currency.FromCode(parts[1]);
        return new Budget(Money(parts[2], currency), Money(parts[3], currency), parts[0] == "hourly" ? BudgetType.Hourly : BudgetType.Fixed);
    }

    private static string Amount(Money? money) => money is { } m ? m.Amount.ToString(AmountFormat, CultureInfo.InvariantCulture) : string.Empty;

    private static Money? Money(string amount, Currency currency) =>
        amount.Length == 0 ? null : new Money(decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture), currency);
}

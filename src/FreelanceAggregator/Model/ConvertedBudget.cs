using System.Diagnostics;

namespace FreelanceAggregator;

/// <summary>
/// A listing's budget in the search's target currency, with the <see cref="ExchangeRate"/> used and its date.
/// Amounts are rounded to the target currency's minor unit (midpoint to even).
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record ConvertedBudget
{
    /// <summary>Initializes a new converted budget.</summary>
    /// <param name="min">The converted lower end, if any.</param>
    /// <param name="max">The converted upper end, if any.</param>
    /// <param name="type">Fixed or hourly, as the original.</param>
    /// <param name="rate">The rate used, or <see langword="null"/> when the budget was already in the target currency.</param>
    /// <exception cref="ArgumentException">Both ends are missing or in different currencies.</exception>
    public ConvertedBudget(Money? min, Money? max, BudgetType type, ExchangeRate? rate)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("A converted budget needs a minimum, a maximum or both.", nameof(min));
        }

        if (min is { } lo && max is { } hi && lo.Currency != hi.Currency)
        {
            throw new ArgumentException($"A converted budget's ends must share one currency; got {lo.Currency} and {hi.Currency}.", nameof(max));
        }

        Min = min;
        Max = max;
        Type = type;
        Rate = rate;
    }

    /// <summary>Gets the converted lower end, if any.</summary>
    public Money? Min { get; }

    /// <summary>Gets the converted upper end, if any.</summary>
    public Money? Max { get; }

    /// <summary>Gets whether the budget is fixed or hourly.</summary>
    public BudgetType Type { get; }

    /// <summary>Gets the rate used (with its date and source), or <see langword="null"/> when no conversion was needed.</summary>
    public ExchangeRate? Rate { get; }

    /// <summary>Gets the target currency.</summary>
    public Currency Currency => (Min ?? Max)!.Value.Currency;

    /// <summary>Gets the lowest amount: the minimum, or the maximum when there is no minimum.</summary>
    public Money Lowest => (Min ?? Max)!.Value;

    /// <summary>Gets the highest amount: the maximum, or the minimum when there is no maximum.</summary>
    public Money Highest => (Max ?? Min)!.Value;

    /// <summary>Converts a budget with a rate (or none when it is already in <paramref name="target"/>).</summary>
    /// <param name="budget">The site's budget.</param>
    /// <param name="target">The target currency.</param>
    /// <param name="rate">A rate between the budget's currency and <paramref name="target"/>; ignored when they are the same.</param>
    /// <returns>The converted budget.</returns>
    public static ConvertedBudget From(Budget budget, Currency target, ExchangeRate? rate)
    {
        ArgumentNullException.ThrowIfNull(budget);
        if (budget.Currency == target)
        {
            return new ConvertedBudget(budget.Min, budget.Max, budget.Type, null);
        }

        ArgumentNullException.ThrowIfNull(rate);
        if (!(rate.From == budget.Currency && rate.To == target) && !(rate.To == budget.Currency && rate.From == target))
        {
            throw new ArgumentException($"The rate {rate.From}/{rate.To} does not convert {budget.Currency} to {target}.", nameof(rate));
        }

        return new ConvertedBudget(Convert(budget.Min, rate), Convert(budget.Max, rate), budget.Type, rate);
    }

    /// <summary>Describes the converted budget culture-independently.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Budget.Describe(Min, Max, Type);

    private static Money? Convert(Money? money, ExchangeRate rate) => money is { } m ? rate.Convert(m).Round() : null;
}

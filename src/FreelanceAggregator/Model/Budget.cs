using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator;

/// <summary>
/// What a listing pays, in the site's own currency, exactly as the site gave it: a minimum, a maximum or both,
/// fixed or hourly (for hourly, the amounts are the rate per hour).
/// </summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed record Budget
{
    /// <summary>Initializes a new budget.</summary>
    /// <param name="min">The lower end, or <see langword="null"/> when the site gave only a maximum.</param>
    /// <param name="max">The upper end, or <see langword="null"/> when the site gave only a minimum ("from $5").</param>
    /// <param name="type">Fixed or hourly.</param>
    /// <exception cref="ArgumentException">Both ends are missing, they are in different currencies, or the lower end is above the upper end.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public Budget(Money? min, Money? max, BudgetType type)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("A budget needs a minimum, a maximum or both.", nameof(min));
        }

        if (min is { } lo && max is { } hi)
        {
            if (lo.Currency != hi.Currency)
            {
                throw new ArgumentException($"A budget's ends must share one currency; got {lo.Currency} and {hi.Currency}.", nameof(max));
            }

            if (lo.Amount > hi.Amount)
            {
                throw new ArgumentException($"A budget's minimum ({lo}) is above its maximum ({hi}).", nameof(max));
            }
        }

        if ((min?.Amount ?? 0) < 0 || (max?.Amount ?? 0) < 0)
        {
            throw new ArgumentOutOfRangeException(min?.Amount < 0 ? nameof(min) : nameof(max), "A budget cannot be negative.");
        }

        Min = min;
        Max = max;
        Type = type;
    }

    /// <summary>Gets the lower end, or <see langword="null"/> when the site gave only a maximum.</summary>
    public Money? Min { get; }

    /// <summary>Gets the upper end, or <see langword="null"/> when the site gave only a minimum.</summary>
    public Money? Max { get; }

    /// <summary>Gets whether the budget is fixed or hourly.</summary>
    public BudgetType Type { get; }

    /// <summary>Gets the currency of the amounts.</summary>
    public Currency Currency => (Min ?? Max)!.Value.Currency;

    /// <summary>Gets the lowest amount the listing names: the minimum, or the maximum when there is no minimum.</summary>
    public Money Lowest => (Min ?? Max)!.Value;

    /// <summary>Gets the highest amount the listing names: the maximum, or the minimum when there is no maximum.</summary>
    public Money Highest => (Max ?? Min)!.Value;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private string DebuggerDisplay => Describe(Min, Max, Type);

    /// <summary>Creates a fixed-price budget.</summary>
    /// <param name="min">The price, or the lower end of a range.</param>
    /// <param name="max">The upper end of a range, if any.</param>
    /// <returns>The budget.</returns>
    public static Budget Fixed(Money min, Money? max = null) => new(min, max, BudgetType.Fixed);

    /// <summary>Creates an hourly budget.</summary>
    /// <param name="min">The lowest rate per hour, if given.</param>
    /// <param name="max">The highest rate per hour, if given.</param>
    /// <returns>The budget.</returns>
    public static Budget Hourly(Money? min, Money? max = null) => new(min, max, BudgetType.Hourly);

    /// <summary>Describes the budget culture-independently, e.g. <c>USD 250.00–750.00 fixed</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Describe(Min, Max, Type);

    internal static string Describe(Money? min, Money? max, BudgetType type)
    {
        var kind = type == BudgetType.Hourly ? " per hour" : " fixed";
        return (min, max) switch
        {
            ({ } lo, { } hi) when lo == hi => lo + kind,
            ({ } lo, { } hi) => lo + "–" + hi.ToString("N", CultureInfo.InvariantCulture) + kind,
            ({ } lo, null) => "from " + lo + kind,
            (null, { } hi) => "up to " + hi + kind,
            _ => "no budget",
        };
    }
}

namespace FreelanceAggregator.Providers;

/// <summary>A price range as a site prints it: <c>Rp 1.000.000 - Rp 2.500.000</c>, <c>up to $500</c>, <c>from $5</c>.</summary>
/// <param name="Min">The lower end, or <see langword="null"/> for "up to".</param>
/// <param name="Max">The upper end, or <see langword="null"/> for "from".</param>
public readonly record struct MoneyRange(Money? Min, Money? Max);

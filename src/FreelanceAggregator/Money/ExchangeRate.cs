using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator;

/// <summary>
/// An exchange rate: one unit of <see cref="From"/> is worth <see cref="Rate"/> units of <see cref="To"/>,
/// as of <see cref="AsOf"/>, according to <see cref="Source"/>. It converts in both directions.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ExchangeRate : IEquatable<ExchangeRate>
{
    /// <summary>Initializes a new exchange rate.</summary>
    /// <param name="from">The base currency: one unit of it ...</param>
    /// <param name="to">... is worth <paramref name="rate"/> units of this quote currency.</param>
    /// <param name="rate">The rate; greater than zero.</param>
    /// <param name="asOf">The day the rate is for, when known.</param>
    /// <param name="source">Where the rate came from, in words a user can read (e.g. "ECB reference rate").</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException">The two currencies are the same, or <paramref name="source"/> is empty.</exception>
    public ExchangeRate(Currency from, Currency to, decimal rate, DateOnly? asOf, string source)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (from == to)
        {
            throw new ArgumentException($"An exchange rate needs two different currencies; both are {from}.", nameof(to));
        }

        From = from;
        To = to;
        Rate = rate;
        AsOf = asOf;
        Source = source;
    }

    /// <summary>Gets the base currency.</summary>
    public Currency From { get; }

    /// <summary>Gets the quote currency.</summary>
    public Currency To { get; }

    /// <summary>Gets how many units of <see cref="To"/> one unit of <see cref="From"/> is worth.</summary>
    public decimal Rate { get; }

    /// <summary>Gets the day the rate is for, or <see langword="null"/> when the source did not say.</summary>
    public DateOnly? AsOf { get; }

    /// <summary>Gets where the rate came from, e.g. "ECB reference rate (embedded snapshot)" or "fixed by the caller".</summary>
    public string Source { get; }

    /// <summary>Converts an amount in either currency of the rate into the other, exactly (unrounded).</summary>
    /// <param name="money">An amount in <see cref="From"/> or <see cref="To"/>.</param>
    /// <returns>The amount in the other currency.</returns>
    /// <exception cref="ArgumentException"><paramref name="money"/> is in neither currency.</exception>
    public Money Convert(Money money)
    {
        if (money.Currency == From)
        {
            return new Money(money.Amount * Rate, To);
        }

        if (money.Currency == To)
        {
            return new Money(money.Amount / Rate, From);
        }

        throw new ArgumentException($"The rate {From}/{To} cannot convert {money.Currency}.", nameof(money));
    }

    /// <summary>Gets the same rate seen the other way round.</summary>
    /// <returns>A rate from <see cref="To"/> to <see cref="From"/>.</returns>
    public ExchangeRate Invert() => new(To, From, 1m / Rate, AsOf, Source);

    /// <summary>Chains two rates through their shared currency: A→B then B→C gives A→C.</summary>
    /// <param name="first">The first rate; its quote currency is the second's base.</param>
    /// <param name="second">The second rate.</param>
    /// <returns>The cross rate, dated with the older of the two days, naming both sources.</returns>
    /// <exception cref="ArgumentException">The rates do not share the middle currency, or the result would be an identity.</exception>
    public static ExchangeRate Chain(ExchangeRate first, ExchangeRate second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.To != second.From)
        {
            throw new ArgumentException($"Cannot chain {first.From}/{first.To} with {second.From}/{second.To}: they share no middle currency.", nameof(second));
        }

        var asOf = first.AsOf is { } a && second.AsOf is { } b ? (a < b ? a : b) : first.AsOf ?? second.AsOf;
        var source = first.Source == second.Source ? first.Source : $"{first.Source}, crossed with {second.Source}";
        return new ExchangeRate(first.From, second.To, first.Rate * second.Rate, asOf, source);
    }

    /// <inheritdoc/>
    public bool Equals(ExchangeRate? other) =>
        other is not null && From == other.From && To == other.To && Rate == other.Rate && AsOf == other.AsOf && Source == other.Source;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ExchangeRate);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(From, To, Rate, AsOf);

    /// <summary>Describes the rate, e.g. <c>1 USD = 14400 IDR (fixed by the caller, 2026-11-23)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var day = AsOf is { } d ? ", " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        return $"1 {From} = {Rate.ToString(CultureInfo.InvariantCulture)} {To} ({Source}{day})";
    }
}

using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator;

/// <summary>
/// An amount of money: a <see cref="decimal"/> amount in one <see cref="FreelanceAggregator.Currency"/>.
/// Arithmetic and comparison work only within one currency; convert with an <see cref="ExchangeRate"/> first.
/// </summary>
/// <remarks>
/// <para>
/// The amount is kept exactly as given (a site's budget stays as the site printed it). <see cref="Round()"/>
/// rounds to the currency's ISO 4217 minor unit with <see cref="MidpointRounding.ToEven"/> (banker's rounding,
/// as ISO 4217 money libraries do, so that rounding errors do not drift one way); conversions made by the
/// library round this way too.
/// </para>
/// <para>
/// <see cref="ToString()"/> is culture-independent (<c>IDR 72,000</c>, <c>USD 5.00</c>); currencies whose prices
/// are written in whole units (IDR, HUF, TWD, ...) are shown without decimals, rounded to even, though the amount keeps them;
/// <see cref="ToString(IFormatProvider)"/> formats for a culture: <c>Rp 72.000</c> in id-ID, <c>$5.00</c> in
/// en-US, <c>1.234,56 €</c> in de-DE. Nothing reads the current culture implicitly.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))]
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, IFormattable
{
    /// <summary>Initializes a new amount of money.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency.</param>
    public Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>Initializes a new amount of money from an ISO 4217 code.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currencyCode">An ISO 4217 code such as <c>IDR</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="currencyCode"/> is not an active ISO 4217 code.</exception>
    public Money(decimal amount, string currencyCode)
        : this(amount, Currency.FromCode(currencyCode))
    {
    }

    /// <summary>Gets the amount, exactly as given.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Rounds to the currency's minor unit, midpoint to even.</summary>
    /// <returns>The rounded amount; unchanged where ISO 4217 gives the currency no minor unit.</returns>
    public Money Round() => Round(MidpointRounding.ToEven);

    /// <summary>Rounds to the currency's minor unit with the given midpoint rule.</summary>
    /// <param name="mode">How to round a value exactly halfway between two others.</param>
    /// <returns>The rounded amount; unchanged where ISO 4217 gives the currency no minor unit.</returns>
    public Money Round(MidpointRounding mode) =>
        Currency.MinorUnit is { } digits ? new Money(Math.Round(Amount, digits, mode), Currency) : this;

    /// <summary>Parses a price as a site prints it (<c>$5</c>, <c>Rp 72.000</c>, <c>IDR 1,500,000</c>, <c>Rp3Jt</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="provider">The culture the text is written in, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not a price, or its currency is ambiguous (a bare <c>$</c>) or missing.</exception>
    public static Money Parse(string text, IFormatProvider? provider = null) =>
        PriceTextPattern.Create(ToCulture(provider)).Parse(text).GetValueOrThrow();

    /// <summary>Parses a price printed by a site whose currency is known, so a bare <c>$</c> or a bare number means that currency.</summary>
    /// <param name="text">The text.</param>
    /// <param name="siteCurrency">The currency the site prices in.</param>
    /// <param name="provider">The culture the text is written in, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not a price.</exception>
    public static Money Parse(string text, Currency siteCurrency, IFormatProvider? provider = null) =>
        PriceTextPattern.Create(ToCulture(provider), siteCurrency).Parse(text).GetValueOrThrow();

    /// <summary>Tries to parse a price as a site prints it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="provider">The culture the text is written in, or <see langword="null"/> for the invariant culture.</param>
    /// <param name="result">The amount, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the text is a price with an unambiguous currency.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, IFormatProvider? provider, out Money result) =>
        PriceTextPattern.Create(ToCulture(provider)).Parse(text).TryGetValue(default, out result);

    /// <inheritdoc/>
    public bool Equals(Money other) => Currency == other.Currency && Amount == other.Amount;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>The comparison of the amounts.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(this, other, "compare");
        return Amount.CompareTo(other.Amount);
    }

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("The object is not Money.", nameof(obj)),
    };

    /// <summary>Formats culture-independently: the ISO code, a space and the amount (<c>IDR 72,000</c>, <c>USD 5.00</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => MoneyFormatter.Format(this, null, CultureInfo.InvariantCulture);

    /// <summary>Formats for a culture: <c>Rp 72.000</c> in id-ID, <c>$5.00</c> in en-US, <c>IDR 72,000</c> invariant.</summary>
    /// <param name="provider">The culture.</param>
    /// <returns>The text.</returns>
    public string ToString(IFormatProvider? provider) => MoneyFormatter.Format(this, null, provider);

    /// <summary>Formats with a format string.</summary>
    /// <param name="format">
    /// <c>C</c> or <see langword="null"/> for the culture's money form with a symbol (<c>Rp 72.000</c>);
    /// <c>I</c> for the ISO code in the culture's number form (<c>IDR 72.000</c>); <c>N</c> for the number alone (<c>72.000</c>).
    /// </param>
    /// <param name="formatProvider">The culture, or <see langword="null"/> for the invariant culture.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => MoneyFormatter.Format(this, format, formatProvider);

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right)
    {
        RequireSameCurrency(left, right, "add");
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right)
    {
        RequireSameCurrency(left, right, "subtract");
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies an amount by a number.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The product, unrounded.</returns>
    public static Money operator *(Money left, decimal right) => new(left.Amount * right, left.Currency);

    /// <summary>Multiplies an amount by a number.</summary>
    /// <param name="left">The factor.</param>
    /// <param name="right">The amount.</param>
    /// <returns>The product, unrounded.</returns>
    public static Money operator *(decimal left, Money right) => new(left * right.Amount, right.Currency);

    /// <summary>Divides an amount by a number.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient, unrounded.</returns>
    public static Money operator /(Money left, decimal right) => new(left.Amount / right, left.Currency);

    /// <summary>Determines whether two amounts are equal (same currency and amount).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Determines whether two amounts differ.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the currency or the amount differs.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private static void RequireSameCurrency(Money left, Money right, string operation)
    {
        if (left.Currency != right.Currency)
        {
            throw new ArgumentException(
                $"Cannot {operation} {left} and {right}: the currencies differ. Convert one with an ExchangeRate first.");
        }
    }

    private static CultureInfo ToCulture(IFormatProvider? provider) => provider as CultureInfo ?? CultureInfo.InvariantCulture;
}

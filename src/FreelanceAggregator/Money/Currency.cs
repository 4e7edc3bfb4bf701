using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace FreelanceAggregator;

/// <summary>
/// A currency from ISO 4217: its three-letter code, numeric code, minor unit and the symbol its home
/// market prints. Every active ISO 4217 code is known; the data ships inside the package.
/// </summary>
/// <remarks>
/// <para>
/// <c>default(Currency)</c> is <c>XXX</c>, the ISO 4217 code for "no currency", so an uninitialised
/// value never pretends to be US dollars.
/// </para>
/// <para>Equality is by code. Instances are cheap value wrappers around one shared table row.</para>
/// </remarks>
[DebuggerDisplay("{Code,nq}")]
[System.Text.Json.Serialization.JsonConverter(typeof(CurrencyJsonConverter))]
public readonly struct Currency : IEquatable<Currency>
{
    private readonly CurrencyInfo? _info;

    internal Currency(CurrencyInfo info) => _info = info;

    private CurrencyInfo Info => _info ?? CurrencyTable.NoCurrency;

    /// <summary>Gets the ISO 4217 alphabetic code, e.g. <c>IDR</c>.</summary>
    public string Code => Info.Code;

    /// <summary>Gets the ISO 4217 numeric code, e.g. 360 for IDR.</summary>
    public int NumericCode => Info.NumericCode;

    /// <summary>
    /// Gets the number of decimal places ISO 4217 gives the currency (2 for USD and IDR, 0 for JPY, 3 for KWD),
    /// or <see langword="null"/> where ISO 4217 says "N.A." (precious metals, XDR, XXX).
    /// </summary>
    public int? MinorUnit => Info.MinorUnit;

    /// <summary>Gets the symbol printed in the currency's home market, e.g. <c>Rp</c>, <c>$</c>, <c>€</c>; the code where there is none.</summary>
    public string Symbol => Info.Symbol;

    /// <summary>Gets the English ISO 4217 name, e.g. <c>Rupiah</c>.</summary>
    public string Name => Info.Name;

    /// <summary>Gets the US dollar.</summary>
    public static Currency USD => CurrencyTable.Get("USD");

    /// <summary>Gets the euro.</summary>
    public static Currency EUR => CurrencyTable.Get("EUR");

    /// <summary>Gets the Indonesian rupiah.</summary>
    public static Currency IDR => CurrencyTable.Get("IDR");

    /// <summary>Gets the pound sterling.</summary>
    public static Currency GBP => CurrencyTable.Get("GBP");

    /// <summary>Gets the Indian rupee.</summary>
    public static Currency INR => CurrencyTable.Get("INR");

    /// <summary>Gets the Australian dollar.</summary>
    public static Currency AUD => CurrencyTable.Get("AUD");

    /// <summary>Gets every active ISO 4217 currency, ordered by code.</summary>
    public static IReadOnlyList<Currency> All => CurrencyTable.All;

    internal bool ShownWithoutMinorUnit => Info.ShownWithoutMinorUnit;

    /// <summary>Gets the currency with the given ISO 4217 code (case-insensitive).</summary>
    /// <param name="code">A three-letter code such as <c>USD</c> or <c>idr</c>.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not an active ISO 4217 code.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryFromCode(code, out var currency))
        {
            return currency;
        }

        throw new ArgumentException($"'{code}' is not an active ISO 4217 currency code.", nameof(code));
    }

    /// <summary>Gets the currency with the given ISO 4217 code (case-insensitive), if there is one.</summary>
    /// <param name="code">A three-letter code such as <c>USD</c>.</param>
    /// <param name="currency">The currency, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is an active ISO 4217 code.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && CurrencyTable.TryGet(code.Trim(), out var info))
        {
            currency = new Currency(info);
            return true;
        }

        currency = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(Currency other) => ReferenceEquals(Info, other.Info);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Returns the ISO 4217 code.</summary>
    /// <returns>The code, e.g. <c>IDR</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Determines whether two currencies are the same.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when both have the same code.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Determines whether two currencies differ.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);
}

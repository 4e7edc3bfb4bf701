using System.Collections.Concurrent;
using System.Globalization;

namespace FreelanceAggregator;

/// <summary>
/// Formats money for a culture. The rules: the invariant culture writes the ISO code
/// (<c>IDR 72,000</c>); a culture writes its own currency with its own symbol and pattern (<c>$5.00</c>,
/// <c>1.234,56 €</c>), another currency with that currency's symbol when the symbol names no other currency
/// (<c>Rp</c>, <c>€</c>) and with the ISO code otherwise (a bare <c>$</c> outside the US would be a guess);
/// a symbol made of letters is set apart from the number by a space (<c>Rp 72.000</c>).
/// </summary>
internal static class MoneyFormatter
{
    private static readonly ConcurrentDictionary<string, CultureData> Cultures = new(StringComparer.Ordinal);

    public static string Format(Money money, string? format, IFormatProvider? provider)
    {
        var culture = provider as CultureInfo
            ?? provider?.GetFormat(typeof(CultureInfo)) as CultureInfo
            ?? CultureInfo.InvariantCulture;
        var data = Cultures.GetOrAdd(culture.Name, static (_, c) => CultureData.Create(c), culture);
        var number = FormatNumber(money, data.Numbers);

        return format switch
        {
            null or "" or "C" or "c" or "G" or "g" => data.IsInvariant ? WithCode(money, number, data) : WithSymbol(money, number, data),
            "I" or "i" => WithCode(money, number, data),
            "N" or "n" => money.Amount < 0 ? data.Numbers.NegativeSign + number : number,
            _ => throw new FormatException($"'{format}' is not a money format: use C (symbol), I (ISO code) or N (number only)."),
        };
    }

    private static string FormatNumber(Money money, NumberFormatInfo numbers)
    {
        var currency = money.Currency;
        var rounded = Math.Abs(money.Round().Amount);
        if (currency.MinorUnit is not { } digits)
        {
            return rounded.ToString("#,0.############", numbers);
        }

        if (currency.ShownWithoutMinorUnit)
        {
            // "Rp 72.000", never "Rp 72.000,00" or "Rp 448.317,50": prices in these currencies are written in whole
            // units. The amount itself keeps its decimals; only the text rounds (midpoint to even).
            digits = 0;
            rounded = Math.Round(rounded, 0, MidpointRounding.ToEven);
        }

        return rounded.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), numbers);
    }

    private static string WithCode(Money money, string number, CultureData data) =>
        (money.Amount < 0 ? data.Numbers.NegativeSign : string.Empty) + money.Currency.Code + " " + number;

    private static string WithSymbol(Money money, string number, CultureData data)
    {
        var currency = money.Currency;
        string symbol;
        if (currency.Code == data.HomeCurrency)
        {
            symbol = data.HomeSymbol;
        }
        else if (currency.Symbol != currency.Code && CurrencyTable.CandidatesForSymbol(currency.Symbol).Length == 1)
        {
            symbol = currency.Symbol;
        }
        else
        {
            symbol = currency.Code;
        }

        var spaced = symbol.Length > 0 && char.IsLetter(symbol[^1]);
        var pattern = data.PositivePattern switch
        {
            0 when spaced => 2,
            1 when spaced => 3,
            var p => p,
        };
        var text = pattern switch
        {
            0 => symbol + number,
            1 => number + symbol,
            2 => symbol + " " + number,
            _ => number + " " + symbol,
        };
        return money.Amount < 0 ? data.Numbers.NegativeSign + text : text;
    }

    private sealed record CultureData(bool IsInvariant, NumberFormatInfo Numbers, string? HomeCurrency, string HomeSymbol, int PositivePattern)
    {
        public static CultureData Create(CultureInfo culture)
        {
            var source = culture.NumberFormat;
            var numbers = (NumberFormatInfo)source.Clone();
            numbers.NumberDecimalSeparator = source.CurrencyDecimalSeparator;
            numbers.NumberGroupSeparator = source.CurrencyGroupSeparator;
            numbers.NumberGroupSizes = source.CurrencyGroupSizes;
            numbers = NumberFormatInfo.ReadOnly(numbers);

            var invariant = culture.Name.Length == 0;
            string? home = null;
            if (!invariant && !culture.IsNeutralCulture)
            {
                try
                {
                    home = new RegionInfo(culture.Name).ISOCurrencySymbol;
                }
                catch (ArgumentException)
                {
                    // A custom or unusual culture without a region: every currency is then written by symbol or code.
                }
            }

            return new CultureData(invariant, numbers, home, source.CurrencySymbol, source.CurrencyPositivePattern);
        }
    }
}

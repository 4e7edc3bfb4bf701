using System.Collections.Frozen;
using System.Globalization;

namespace FreelanceAggregator;

internal sealed record CurrencyInfo(string Code, int NumericCode, int? MinorUnit, string Symbol, string Name, bool ShownWithoutMinorUnit);

/// <summary>The ISO 4217 table, read once from the CSV embedded in the assembly.</summary>
internal static class CurrencyTable
{
    // Currencies whose ISO minor unit is 2 but whose prices are written without decimals in everyday use
    // (CLDR gives them cashDigits="0"): "Rp 72.000", not "Rp 72.000,00". Formatting shows them in whole units;
    // the amounts and the rounding of conversions keep the ISO minor unit.
    private static readonly FrozenSet<string> ZeroCashDigits = new[]
    {
        "IDR", "HUF", "TWD", "PKR", "CZK", "NOK", "SEK", "COP", "CRC", "MNT", "AMD", "ALL", "UZS",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Prefixed dollar and other symbols that name exactly one currency although the plain symbol is shared.
    private static readonly (string Symbol, string Code)[] UnambiguousAliases =
    [
        ("US$", "USD"), ("U$S", "USD"), ("A$", "AUD"), ("AU$", "AUD"), ("C$", "CAD"), ("CA$", "CAD"),
        ("NZ$", "NZD"), ("S$", "SGD"), ("SG$", "SGD"), ("HK$", "HKD"), ("MX$", "MXN"), ("R$", "BRL"),
        ("NT$", "TWD"), ("RD$", "DOP"), ("J$", "JMD"), ("TT$", "TTD"), ("BZ$", "BZD"), ("Bds$", "BBD"),
        ("E£", "EGP"), ("L£", "LBP"), ("CN¥", "CNY"), ("JP¥", "JPY"), ("RMB", "CNY"), ("₱", "PHP"),
        ("Rp.", "IDR"),
    ];

    private static readonly Lazy<State> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static CurrencyInfo NoCurrency => Loaded.Value.NoCurrency;

    public static IReadOnlyList<Currency> All => Loaded.Value.All;

    /// <summary>Symbols (longest first) with the currencies that print them.</summary>
    public static IReadOnlyList<KeyValuePair<string, Currency[]>> SymbolsLongestFirst => Loaded.Value.Symbols;

    public static Currency Get(string code) => new(Loaded.Value.ByCode[code]);

    public static bool TryGet(string code, out CurrencyInfo info)
    {
        if (code.Length == 3 && Loaded.Value.ByCode.TryGetValue(code, out var found))
        {
            info = found;
            return true;
        }

        info = null!;
        return false;
    }

    /// <summary>The currencies that print <paramref name="symbol"/>; more than one when it is ambiguous.</summary>
    public static Currency[] CandidatesForSymbol(string symbol)
    {
        foreach (var pair in Loaded.Value.Symbols)
        {
            if (string.Equals(pair.Key, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return [];
    }

    private sealed record State(
        FrozenDictionary<string, CurrencyInfo> ByCode,
        IReadOnlyList<Currency> All,
        IReadOnlyList<KeyValuePair<string, Currency[]>> Symbols,
        CurrencyInfo NoCurrency);

    private static State Load()
    {
        var rows = new List<CurrencyInfo>(200);
        foreach (var fields in EmbeddedCsv.Read("FreelanceAggregator.Money.Data.iso4217.csv", expectedFields: 5))
        {
            // code,numeric,minor_unit,symbol,name
            var code = fields[0].Trim().ToUpperInvariant();
            var numeric = int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture);
            int? minor = int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
            var symbol = string.IsNullOrWhiteSpace(fields[3]) ? code : fields[3].Trim();
            rows.Add(new CurrencyInfo(code, numeric, minor, symbol, fields[4].Trim(), ZeroCashDigits.Contains(code)));
        }

        var byCode = rows.ToFrozenDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var all = rows.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new Currency(r)).ToArray();

        // A symbol is whatever a price can carry: the local symbols from the table (shared ones stay
        // ambiguous on purpose), plus the prefixed forms that settle the ambiguity.
        var symbols = new Dictionary<string, List<Currency>>(StringComparer.OrdinalIgnoreCase);
        foreach (var currency in all)
        {
            if (currency.Symbol != currency.Code && !IsFundOrSpecial(currency.Code))
            {
                Add(symbols, currency.Symbol, currency);
            }
        }

        foreach (var (symbol, code) in UnambiguousAliases)
        {
            if (byCode.TryGetValue(code, out var info))
            {
                symbols[symbol] = [new Currency(info)];
            }
        }

        var ordered = symbols
            .OrderByDescending(p => p.Key.Length)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, Currency[]>(p.Key, [.. p.Value]))
            .ToArray();

        var none = byCode.TryGetValue("XXX", out var xxx) ? xxx : new CurrencyInfo("XXX", 999, null, "XXX", "No currency", false);
        return new State(byCode, all, ordered, none);
    }

    private static void Add(Dictionary<string, List<Currency>> symbols, string symbol, Currency currency)
    {
        if (!symbols.TryGetValue(symbol, out var list))
        {
            symbols[symbol] = list = [];
        }

        list.Add(currency);
    }

    // Fund codes (BOV, CLF, USN, ...) and X-codes reuse national symbols; a printed price never means them.
    private static bool IsFundOrSpecial(string code) =>
        code[0] == 'X' || code is "BOV" or "CHE" or "CHW" or "CLF" or "COU" or "MXV" or "USN" or "UYI" or "UYW" or "VED";
}

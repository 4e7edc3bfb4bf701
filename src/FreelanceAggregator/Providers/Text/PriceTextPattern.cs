using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FreelanceAggregator.Providers;

/// <summary>
/// Parses prices the way marketplaces print them: <c>$5</c>, <c>USD 5</c>, <c>5 USD</c>, <c>Rp 72.000</c>,
/// <c>Rp72.000</c>, <c>IDR 1,500,000</c>, <c>Rp 1.500.000,50</c>, <c>Rp3Jt</c>, <c>Rp 3 juta</c>,
/// <c>Rp 500rb</c>, <c>€1.234,56</c>, and ranges such as <c>Rp 1.000.000 - Rp 2.500.000</c>.
/// Create one per site and culture, once; it is immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The currency is never guessed. A code (<c>IDR</c>) or a symbol used by one currency only (<c>Rp</c>, <c>€</c>)
/// settles it. A shared symbol (<c>$</c>, <c>¥</c>, <c>kr</c>) is settled by the site's currency when it is one
/// of the candidates, else by the culture's own currency (<c>$</c> in en-US), else it is an error that lists the
/// candidates. A bare number takes the site's currency, or is an error when none was given.
/// </para>
/// <para>
/// Separators: with both <c>.</c> and <c>,</c> the last one is the decimal point. A separator that repeats groups
/// thousands. A single one followed by exactly three digits groups thousands (<c>Rp 72.000</c>,
/// <c>$1,500</c>) unless the currency has three decimals (KWD), a multiplier follows (<c>Rp 1,5 juta</c>) or the
/// digits before it are zero (<c>$0.105</c>); otherwise it is the decimal point. Indonesian multipliers: <c>rb</c>/<c>ribu</c> (thousand),
/// <c>jt</c>/<c>juta</c> (million), <c>M</c>/<c>miliar</c> (billion in Indonesian; <c>M</c> is a million
/// in other cultures), and <c>k</c> for thousand everywhere.
/// </para>
/// </remarks>
public sealed partial class PriceTextPattern
{
    private readonly string? _homeCurrency;
    private readonly bool _indonesian;

    private PriceTextPattern(CultureInfo culture, Currency? siteCurrency)
    {
        Culture = culture;
        SiteCurrency = siteCurrency;
        _indonesian = culture.TwoLetterISOLanguageName == "id";
        if (culture.Name.Length > 0 && !culture.IsNeutralCulture)
        {
            try
            {
                _homeCurrency = new RegionInfo(culture.Name).ISOCurrencySymbol;
            }
            catch (ArgumentException)
            {
                _homeCurrency = null;
            }
        }
    }

    /// <summary>Gets the culture the prices are written in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Gets the currency the site prices in, if known.</summary>
    public Currency? SiteCurrency { get; }

    /// <summary>Creates a pattern for prices written in a culture.</summary>
    /// <param name="culture">The culture (e.g. id-ID for Indonesian sites); it settles shared symbols and the meaning of <c>M</c>.</param>
    /// <param name="siteCurrency">The currency the site prices in, if known.</param>
    /// <returns>The pattern.</returns>
    public static PriceTextPattern Create(CultureInfo culture, Currency? siteCurrency = null)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return new PriceTextPattern(culture, siteCurrency);
    }

    /// <summary>Creates a pattern that trusts no culture: only codes, unique symbols and the site's currency settle a currency.</summary>
    /// <param name="siteCurrency">The currency the site prices in, if known.</param>
    /// <returns>The pattern.</returns>
    public static PriceTextPattern CreateWithInvariantCulture(Currency? siteCurrency = null) => new(CultureInfo.InvariantCulture, siteCurrency);

    /// <summary>Parses one price.</summary>
    /// <param name="text">The text, e.g. <c>Rp 72.000</c>; surrounding words such as "From" or "Budget:" are ignored.</param>
    /// <returns>The amount, exactly as printed (no rounding), or why there is none.</returns>
    public TextParseResult<Money> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TextParseResult<Money>.ForError(TextParseErrorKind.Empty, text ?? string.Empty, "The price text is empty.");
        }

        var normalized = Normalize(text);
        var pieces = Scan(normalized);
        if (pieces.Count == 0)
        {
            return TextParseResult<Money>.ForError(TextParseErrorKind.NoNumber, text, $"'{text}' holds no number, so it is not a price.");
        }

        if (pieces.Count > 1)
        {
            return TextParseResult<Money>.ForError(TextParseErrorKind.MultipleAmounts, text, $"'{text}' holds {pieces.Count} amounts where one price was expected.");
        }

        return Resolve(text, pieces[0], borrowed: null, borrowedMultiplier: null);
    }

    /// <summary>
    /// Parses a price range: <c>Rp 1.000.000 - Rp 2.500.000</c>, <c>$10.00-$20.00</c>, <c>Rp 1-2 juta</c>,
    /// <c>Rp 1.000.000 s/d Rp 2.000.000</c>, <c>up to $500</c> / <c>sampai Rp 5 juta</c> (upper end only),
    /// <c>from $5</c> / <c>mulai Rp 50rb</c> (lower end only). A single amount is both ends.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The range, or why there is none.</returns>
    public TextParseResult<MoneyRange> ParseRange(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TextParseResult<MoneyRange>.ForError(TextParseErrorKind.Empty, text ?? string.Empty, "The price range text is empty.");
        }

        var normalized = Normalize(text);
        var lowerOnly = LowerOnlyPrefix().IsMatch(normalized);
        var upperOnly = !lowerOnly && UpperOnlyPrefix().IsMatch(normalized);
        var pieces = Scan(normalized);
        switch (pieces.Count)
        {
            case 0:
                return TextParseResult<MoneyRange>.ForError(TextParseErrorKind.NoNumber, text, $"'{text}' holds no number, so it is not a price range.");
            case 1:
            {
                var one = Resolve(text, pieces[0], null, null);
                if (!one.Success)
                {
                    return TextParseResult<MoneyRange>.ForError(one.Error.Kind, text, one.Error.Message);
                }

                var value = one.Value;
                return TextParseResult<MoneyRange>.ForValue(lowerOnly ? new(value, null) : upperOnly ? new(null, value) : new(value, value));
            }

            case 2:
                break;
            default:
                return TextParseResult<MoneyRange>.ForError(TextParseErrorKind.MultipleAmounts, text, $"'{text}' holds {pieces.Count} amounts; a range has two.");
        }

        var (left, right) = (pieces[0], pieces[1]);

        // One currency mark can touch both numbers ("5 USD 10"), so the pieces overlap and nothing lies between them.
        var between = left.End < right.Start ? normalized[left.End..right.Start] : string.Empty;
        if (!RangeSeparator().IsMatch(between))
        {
            return TextParseResult<MoneyRange>.ForError(TextParseErrorKind.Unrecognized, text, $"'{text}' holds two amounts without a range separator (-, –, to, s/d, sampai) between them.");
        }

        // "Rp 1-2 juta": a multiplier written once, after the upper end, applies to the lower end too.
        var shareMultiplier = left.Multiplier is null && right.Multiplier is not null
            && decimal.TryParse(left.Number, NumberStyles.Number, CultureInfo.InvariantCulture, out var l)
            && decimal.TryParse(right.Number, NumberStyles.Number, CultureInfo.InvariantCulture, out var r) && l < r;
        var max = Resolve(text, right, left.Mark, null);
        if (!max.Success)
        {
            return TextParseResult<MoneyRange>.ForError(max.Error.Kind, text, max.Error.Message);
        }

        var min = Resolve(text, left, right.Mark, shareMultiplier ? right.Multiplier : null);
        if (!min.Success)
        {
            return TextParseResult<MoneyRange>.ForError(min.Error.Kind, text, min.Error.Message);
        }

        if (min.Value.Currency != max.Value.Currency)
        {
            return TextParseResult<MoneyRange>.ForError(TextParseErrorKind.Unrecognized, text, $"'{text}' has ends in two currencies ({min.Value.Currency} and {max.Value.Currency}).");
        }

        if (min.Value.Amount > max.Value.Amount)
        {
            return TextParseResult<MoneyRange>.ForError(TextParseErrorKind.InvalidNumber, text, $"'{text}' has its lower end above its upper end.");
        }

        return TextParseResult<MoneyRange>.ForValue(new MoneyRange(min.Value, max.Value));
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u00A0' or '\u202F' or '\u2009' or '\u2007' or '\t' => ' ',
                '\u2019' => '\'',
                _ => c,
            });
        }

        // Indonesian prices often end in ",-" or ".-" ("Rp 150.000,-"): a flourish meaning "no cents".
        return TrailingDash().Replace(builder.ToString(), "$1");
    }

    private List<Piece> Scan(string text)
    {
        var pieces = new List<Piece>();
        foreach (Match match in NumberRun().Matches(text))
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            var run = match.Value.TrimEnd(' ', '\'');
            end = start + run.Length;

            decimal? multiplier = null;
            var after = MultiplierAfter().Match(text, end);
            if (after.Success)
            {
                multiplier = MultiplierValue(after.Groups[1].Value);
                end = after.Index + after.Length;
            }

            var mark = FindMark(text, start, end);
            pieces.Add(new Piece(run, multiplier, mark, mark is { } m ? Math.Min(start, m.Start) : start, mark is { } n ? Math.Max(end, n.End) : end));
        }

        return pieces;
    }

    private decimal? MultiplierValue(string word) => word.ToLowerInvariant() switch
    {
        "k" or "rb" or "ribu" => 1_000m,
        "jt" or "juta" or "mn" or "mio" or "million" => 1_000_000m,
        "m" => word == "M" && _indonesian ? 1_000_000_000m : 1_000_000m,
        "miliar" or "milyar" or "bn" or "billion" => 1_000_000_000m,
        _ => null,
    };

    // A currency mark counts only right next to the amount (one space at most), so words around a price
    // ("Budget", "From", "Terbaru") are never read as a currency.
    private static CurrencyMark? FindMark(string text, int start, int end)
    {
        // Before the number: "Rp 72.000", "USD 5", "$5", "Rp. 72.000".
        var before = text.AsSpan(0, start).TrimEnd(' ');
        if (start - before.Length <= 2 && before.Length > 0)
        {
            if (MatchMarkEndingAt(text, before.Length) is { } mark)
            {
                return mark;
            }
        }

        // After the number: "5 USD", "1.234,56 €", "5$".
        var afterStart = end;
        while (afterStart < text.Length && text[afterStart] == ' ' && afterStart - end < 2)
        {
            afterStart++;
        }

        return MatchMarkStartingAt(text, afterStart);
    }

    private static CurrencyMark? MatchMarkEndingAt(string text, int endExclusive)
    {
        var codeStart = endExclusive - 3;
        if (codeStart >= 0 && IsCodeAt(text, codeStart) && (codeStart == 0 || !char.IsLetter(text[codeStart - 1])))
        {
            return new CurrencyMark(text.Substring(codeStart, 3), IsCode: true, codeStart, endExclusive);
        }

        foreach (var (symbol, _) in CurrencyTable.SymbolsLongestFirst)
        {
            var s = endExclusive - symbol.Length;
            if (s >= 0 && string.Compare(text, s, symbol, 0, symbol.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (!char.IsLetter(symbol[0]) || s == 0 || !char.IsLetter(text[s - 1])))
            {
                return new CurrencyMark(symbol, IsCode: false, s, endExclusive);
            }
        }

        return null;
    }

    private static CurrencyMark? MatchMarkStartingAt(string text, int start)
    {
        if (start >= text.Length)
        {
            return null;
        }

        if (IsCodeAt(text, start) && (start + 3 == text.Length || !char.IsLetter(text[start + 3])))
        {
            return new CurrencyMark(text.Substring(start, 3), IsCode: true, start, start + 3);
        }

        foreach (var (symbol, _) in CurrencyTable.SymbolsLongestFirst)
        {
            var e = start + symbol.Length;
            if (e <= text.Length && string.Compare(text, start, symbol, 0, symbol.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (!char.IsLetter(symbol[^1]) || e == text.Length || !char.IsLetter(text[e])))
            {
                return new CurrencyMark(symbol, IsCode: false, start, e);
            }
        }

        return null;
    }

    // Three ASCII letters, all upper case or all lower case ("USD", "idr"), that are not a known symbol word.
    private static bool IsCodeAt(string text, int index) =>
        index + 3 <= text.Length
        && ((char.IsAsciiLetterUpper(text[index]) && char.IsAsciiLetterUpper(text[index + 1]) && char.IsAsciiLetterUpper(text[index + 2]))
            || (char.IsAsciiLetterLower(text[index]) && char.IsAsciiLetterLower(text[index + 1]) && char.IsAsciiLetterLower(text[index + 2])))
        && CurrencyTable.CandidatesForSymbol(text.Substring(index, 3)).Length == 0
        && (Currency.TryFromCode(text.Substring(index, 3), out _) || char.IsAsciiLetterUpper(text[index]));

    private TextParseResult<Money> Resolve(string text, Piece piece, CurrencyMark? borrowed, decimal? borrowedMultiplier)
    {
        var currency = ResolveCurrency(text, piece.Mark ?? borrowed, out var error);
        if (error is not null)
        {
            return error;
        }

        var multiplier = piece.Multiplier ?? borrowedMultiplier;
        if (!TryReadNumber(piece.Number, currency!.Value, multiplier is not null, out var amount, out var problem))
        {
            return TextParseResult<Money>.ForError(problem == "overflow" ? TextParseErrorKind.OutOfRange : TextParseErrorKind.InvalidNumber, text, $"'{text}' has a malformed number '{piece.Number}': {problem}.");
        }

        try
        {
            return TextParseResult<Money>.ForValue(new Money(amount * (multiplier ?? 1m), currency.Value));
        }
        catch (OverflowException)
        {
            return TextParseResult<Money>.ForError(TextParseErrorKind.OutOfRange, text, $"'{text}' is too large an amount.");
        }
    }

    private Currency? ResolveCurrency(string text, CurrencyMark? mark, out TextParseResult<Money>? error)
    {
        error = null;
        if (mark is null)
        {
            if (SiteCurrency is { } site)
            {
                return site;
            }

            error = TextParseResult<Money>.ForError(TextParseErrorKind.MissingCurrency, text, $"'{text}' names no currency, and the site's currency is not known.");
            return null;
        }

        if (mark.Value.IsCode)
        {
            if (Currency.TryFromCode(mark.Value.Text, out var byCode))
            {
                return byCode;
            }

            error = TextParseResult<Money>.ForError(TextParseErrorKind.UnknownCurrency, text, $"'{text}' names the currency '{mark.Value.Text}', which is not an active ISO 4217 code.");
            return null;
        }

        var candidates = CurrencyTable.CandidatesForSymbol(mark.Value.Text);
        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        if (SiteCurrency is { } known && candidates.Contains(known))
        {
            return known;
        }

        if (_homeCurrency is not null && candidates.FirstOrDefault(c => c.Code == _homeCurrency) is { Code: not "XXX" } home && home.Code == _homeCurrency)
        {
            return home;
        }

        var list = string.Join(", ", candidates.Take(8).Select(c => c.Code)) + (candidates.Length > 8 ? ", ..." : string.Empty);
        error = TextParseResult<Money>.ForError(
            TextParseErrorKind.AmbiguousCurrency,
            text,
            $"'{text}' uses the symbol '{mark.Value.Text}', which several currencies use ({list}); give the site's currency or write an ISO code such as USD.");
        return null;
    }

    private static bool OnlyZeros(StringBuilder digits, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (digits[i] != '0')
            {
                return false;
            }
        }

        return count > 0;
    }

    private static bool TryReadNumber(string run, Currency currency, bool hasMultiplier, out decimal amount, out string problem)
    {
        amount = 0;
        problem = string.Empty;
        var digits = new StringBuilder(run.Length);
        var separators = new List<(char Char, int DigitsBefore)>();
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else
            {
                separators.Add((c, digits.Length));
            }
        }

        // "100.,500" or "1,,000" is no way of writing a number; reading it would only guess.
        if (separators.Count != separators.Select(s => s.DigitsBefore).Distinct().Count())
        {
            problem = "it has two separators in a row";
            return false;
        }

        var decimalAt = -1;
        var marks = separators.Where(s => s.Char is '.' or ',').ToList();
        if (marks.Count > 0)
        {
            var last = marks[^1];
            var kinds = marks.Select(m => m.Char).Distinct().Count();
            var digitsAfterLast = digits.Length - last.DigitsBefore;
            if (kinds == 2)
            {
                if (marks.Count(m => m.Char == last.Char) != 1)
                {
                    problem = $"'{last.Char}' appears both as a decimal point and between groups";
                    return false;
                }

                decimalAt = last.DigitsBefore;
            }
            else if (marks.Count == 1 && (hasMultiplier || digitsAfterLast != 3 || currency.MinorUnit == 3 || OnlyZeros(digits, last.DigitsBefore)))
            {
                // Nothing groups thousands after a zero: "$0.105" (a micro-task's pay) is a tenth and a half of a cent.
                decimalAt = last.DigitsBefore;
            }
        }

        // Every group separator must be followed by a whole group: three digits, or two in the Indian
        // lakh/crore form ("1,00,000"); the last group before the decimal point is always three.
        var groupEnds = separators.Where(s => s.DigitsBefore != decimalAt || s.Char is ' ' or '\'').Select(s => s.DigitsBefore).ToList();
        var integerDigits = decimalAt >= 0 ? decimalAt : digits.Length;
        for (var i = 0; i < groupEnds.Count; i++)
        {
            var next = i + 1 < groupEnds.Count ? groupEnds[i + 1] : integerDigits;
            var size = next - groupEnds[i];
            var lastGroup = i + 1 == groupEnds.Count;
            if (size != 3 && !(size == 2 && !lastGroup))
            {
                problem = "its digit groups are not of three";
                return false;
            }
        }

        if (groupEnds.Count > 0 && (groupEnds[0] is 0 or > 3))
        {
            problem = "its first digit group is not of one to three digits";
            return false;
        }

        var canonical = decimalAt >= 0
            ? digits.ToString(0, decimalAt) + "." + digits.ToString(decimalAt, digits.Length - decimalAt)
            : digits.ToString();
        if (canonical.StartsWith('.'))
        {
            canonical = "0" + canonical;
        }

        try
        {
            amount = decimal.Parse(canonical, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            problem = "overflow";
            return false;
        }
    }

    [GeneratedRegex(@"\d(?:[\d.,']|\s(?=\d{3}(?!\d)))*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRun();

    [GeneratedRegex(@"\G\s?(k|K|rb|ribu|jt|Jt|JT|juta|Juta|mn|mio|million|miliar|milyar|Miliar|bn|billion|M)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex MultiplierAfter();

    [GeneratedRegex(@"(\d)\s?[.,]-(?!\s?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDash();

    [GeneratedRegex(@"^\s*(?:-|–|—|~|to|s/d|s\.d\.?|sd|sampai|hingga|until)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"^\s*(?:from|starting at|starts at|at least|min\.?|minimum|mulai|mulai dari|minimal|dari)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LowerOnlyPrefix();

    [GeneratedRegex(@"^\s*(?:up to|upto|max\.?|maximum|maks\.?|maksimal|sampai|hingga|s/d|under|below|less than)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UpperOnlyPrefix();

    private readonly record struct CurrencyMark(string Text, bool IsCode, int Start, int End);

    private sealed record Piece(string Number, decimal? Multiplier, CurrencyMark? Mark, int Start, int End);
}

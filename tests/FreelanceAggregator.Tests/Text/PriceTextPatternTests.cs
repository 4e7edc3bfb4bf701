using System.Globalization;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Tests;

public sealed class PriceTextPatternTests
{
    private static PriceTextPattern Pattern(string culture, string? site) =>
        PriceTextPattern.Create(CultureInfo.GetCultureInfo(culture), site is null ? null : Currency.FromCode(site));

    /// <summary>What the sites print, as in the issue: text, culture, site currency, expected amount and currency.</summary>
    public static TheoryData<string, string, string?, string, string> Prices => new()
    {
        { "$5", "", "USD", "5", "USD" },
        { "$5", "en-US", null, "5", "USD" },
        { "USD 5", "", null, "5", "USD" },
        { "5 USD", "", null, "5", "USD" },
        { "Rp 72.000", "", null, "72000", "IDR" },
        { "Rp72.000", "", null, "72000", "IDR" },
        { "IDR 1,500,000", "", null, "1500000", "IDR" },
        { "Rp 1.500.000,50", "id-ID", null, "1500000.50", "IDR" },
        { "Rp3Jt", "id-ID", null, "3000000", "IDR" },
        { "Rp 3 juta", "id-ID", null, "3000000", "IDR" },
        { "Rp 500rb", "id-ID", null, "500000", "IDR" },
        { "€1.234,56", "de-DE", null, "1234.56", "EUR" },
        { "Rp 1,5 juta", "id-ID", null, "1500000", "IDR" },
        { "Rp 150.000,-", "id-ID", "IDR", "150000", "IDR" },
        { "Rp. 72.000", "id-ID", null, "72000", "IDR" },
        { "IDR 750,000", "id-ID", null, "750000", "IDR" },
        { "Rp 2 M", "id-ID", null, "2000000000", "IDR" },
        { "$2M", "en-US", null, "2000000", "USD" },
        { "$5k", "en-US", null, "5000", "USD" },
        { "From $5", "en-US", null, "5", "USD" },
        { "Budget: US$ 20.50", "", null, "20.50", "USD" },
        { "A$50", "", null, "50", "AUD" },
        { "1,00,000 INR", "en-IN", null, "100000", "INR" },
        { "₹37,500", "", null, "37500", "INR" },
        { "KWD 1.234", "", null, "1.234", "KWD" },
        { "£250", "en-GB", null, "250", "GBP" },
        { "1 234,50 €", "fr-FR", null, "1234.50", "EUR" },
        { "72000", "", "IDR", "72000", "IDR" },
        { "250.5", "", "USD", "250.5", "USD" },
        { "500000idr", "", null, "500000", "IDR" },
        { "$0.105", "", "USD", "0.105", "USD" },
        { "$0,105", "id-ID", "USD", "0.105", "USD" },
        { "0.050", "", "USD", "0.050", "USD" },
    };

    [Theory]
    [MemberData(nameof(Prices))]
    public void ParsesPricesAsSitesPrintThem(string text, string culture, string? site, string amount, string currency)
    {
        var result = Pattern(culture, site).Parse(text);

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), result.Value.Amount);
        Assert.Equal(currency, result.Value.Currency.Code);
    }

    [Theory]
    [InlineData("", "", null, TextParseErrorKind.Empty)]
    [InlineData("   ", "", null, TextParseErrorKind.Empty)]
    [InlineData("Negotiable", "", "USD", TextParseErrorKind.NoNumber)]
    [InlineData("$5", "", null, TextParseErrorKind.AmbiguousCurrency)]
    [InlineData("$5", "id-ID", "IDR", TextParseErrorKind.AmbiguousCurrency)]
    [InlineData("¥500", "", null, TextParseErrorKind.AmbiguousCurrency)]
    [InlineData("5", "", null, TextParseErrorKind.MissingCurrency)]
    [InlineData("5 ABC", "", null, TextParseErrorKind.UnknownCurrency)]
    [InlineData("Rp 1.00.0", "", null, TextParseErrorKind.InvalidNumber)]
    [InlineData("Rp 1.000,000.000", "", null, TextParseErrorKind.InvalidNumber)]
    [InlineData("$5 or $10", "en-US", null, TextParseErrorKind.MultipleAmounts)]
    [InlineData("Rp 99999999999999999999999999999999", "", null, TextParseErrorKind.OutOfRange)]
    public void FailsWithAReasonInsteadOfGuessing(string text, string culture, string? site, TextParseErrorKind kind)
    {
        var result = Pattern(culture, site).Parse(text);

        Assert.False(result.Success, $"'{text}' parsed as {result}");
        Assert.Equal(kind, result.Error.Kind);
        Assert.Contains(text.Trim().Length == 0 ? "empty" : text, result.Error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => result.GetValueOrThrow());
        Assert.False(result.TryGetValue(new Money(1m, Currency.USD), out var fallback));
        Assert.Equal(new Money(1m, Currency.USD), fallback);
    }

    [Theory]
    [InlineData("Rp 1.000.000 - Rp 2.500.000", "1000000", "2500000", "IDR")]
    [InlineData("Rp 1.000.000 – Rp 2.500.000", "1000000", "2500000", "IDR")]
    [InlineData("Rp 500,000 - 1,000,000", "500000", "1000000", "IDR")]
    [InlineData("Rp 1-2 juta", "1000000", "2000000", "IDR")]
    [InlineData("Rp 1.000.000 s/d Rp 2.000.000", "1000000", "2000000", "IDR")]
    [InlineData("$10.00-$20.00", "10.00", "20.00", "USD")]
    [InlineData("Rp 500rb - 1jt", "500000", "1000000", "IDR")]
    [InlineData("Rp 2.000.000", "2000000", "2000000", "IDR")]
    public void ParsesRanges(string text, string min, string max, string currency)
    {
        var result = Pattern("id-ID", "IDR").ParseRange(text.Replace("$", "US$", StringComparison.Ordinal));

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(new Money(decimal.Parse(min, CultureInfo.InvariantCulture), currency), result.Value.Min);
        Assert.Equal(new Money(decimal.Parse(max, CultureInfo.InvariantCulture), currency), result.Value.Max);
    }

    [Theory]
    [InlineData("up to $500", null, "500")]
    [InlineData("sampai Rp 5 juta", null, "5000000")]
    [InlineData("From $5", "5", null)]
    [InlineData("mulai Rp 50rb", "50000", null)]
    public void ParsesOneSidedRanges(string text, string? min, string? max)
    {
        var site = text.Contains('$', StringComparison.Ordinal) ? "USD" : "IDR";
        var result = Pattern("id-ID", site).ParseRange(text);

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(min, result.Value.Min?.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(max, result.Value.Max?.Amount.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Rp 2.500.000 - Rp 1.000.000", TextParseErrorKind.InvalidNumber)]
    [InlineData("Rp 1 Rp 2", TextParseErrorKind.Unrecognized)]
    [InlineData("Rp 1 - 2 - 3", TextParseErrorKind.MultipleAmounts)]
    [InlineData("USD 5 - IDR 10", TextParseErrorKind.Unrecognized)]

    // Found by fuzzing: one currency mark touching both numbers made the pieces overlap, and slicing the text between
    // them threw ArgumentOutOfRangeException instead of returning a result.
    [InlineData("5 USD 10", TextParseErrorKind.Unrecognized)]
    [InlineData("8p72'00l", TextParseErrorKind.Unrecognized)]
    [InlineData("Rpu4.0e0", TextParseErrorKind.Unrecognized)]
    [InlineData("9999999999999999999999999999999Rp72.000", TextParseErrorKind.Unrecognized)]

    // Found by a longer fuzzing run: two separators in a row were read as one ("100.,500" as 100.5).
    [InlineData("USD 100.,500", TextParseErrorKind.InvalidNumber)]
    [InlineData("Rp 1,,000", TextParseErrorKind.InvalidNumber)]
    public void RejectsRangesThatDoNotRead(string text, TextParseErrorKind kind)
    {
        var result = Pattern("id-ID", "IDR").ParseRange(text);

        Assert.False(result.Success);
        Assert.Equal(kind, result.Error.Kind);
    }
}

using System.Globalization;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Tests.Text;

/// <summary>
/// The money forms the Indonesian marketplaces print (issue 6), through the pattern both Indonesian providers use:
/// id-ID with the site currency IDR.
/// </summary>
public sealed class IndonesianPriceTextTests
{
    private static readonly PriceTextPattern Pattern = PriceTextPattern.Create(CultureInfo.GetCultureInfo("id-ID"), Currency.IDR);

    public static TheoryData<string, decimal> Prices => new()
    {
        { "Rp 1.500.000", 1_500_000m },
        { "Rp1.500.000", 1_500_000m },
        { "IDR 1,500,000", 1_500_000m },
        { "Rp 1,5 juta", 1_500_000m },
        { "Rp3Jt", 3_000_000m },
        { "Rp 3 juta", 3_000_000m },
        { "Rp 1,5 Jt", 1_500_000m },
        { "Rp 500rb", 500_000m },
        { "Rp 500 ribu", 500_000m },
        { "Rp 72.000", 72_000m },
        { "Rp. 72.000", 72_000m },
        { "Rp 150.000,-", 150_000m },
        { "Rp 5,000,000", 5_000_000m },
        { "IDR 750,000", 750_000m },
        { "750,000", 750_000m },
        { "Rp 2 M", 2_000_000_000m },
        { "Published Budget: Rp 5,000,000", 5_000_000m },
    };

    public static TheoryData<string, decimal?, decimal?> Ranges => new()
    {
        { "Rp 1.000.000 - Rp 2.500.000", 1_000_000m, 2_500_000m },
        { "Rp 500,000 - 1,000,000", 500_000m, 1_000_000m },
        { "Rp 500,000 - 500,000", 500_000m, 500_000m },
        { "Rp 100,001 - 200,000", 100_001m, 200_000m },
        { "Rp 9,000,000 - 10,000,000", 9_000_000m, 10_000_000m },
        { "Rp 1,000,000 - 2,000,000", 1_000_000m, 2_000_000m },
        { "Rp 1-2 juta", 1_000_000m, 2_000_000m },
        { "Rp 1.000.000 s/d Rp 2.000.000", 1_000_000m, 2_000_000m },
        { "Rp 500rb - Rp 1,5 juta", 500_000m, 1_500_000m },
        { "sampai Rp 5 juta", null, 5_000_000m },
        { "mulai Rp 50rb", 50_000m, null },
        { "Rp 5,000,000", 5_000_000m, 5_000_000m },
    };

    [Theory]
    [MemberData(nameof(Prices))]
    public void ParsesIndonesianPrices(string text, decimal expected)
    {
        var result = Pattern.Parse(text);

        Assert.True(result.Success, result.ToString());
        Assert.Equal(new Money(expected, Currency.IDR), result.Value);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void ParsesIndonesianRanges(string text, decimal? min, decimal? max)
    {
        var result = Pattern.ParseRange(text);

        Assert.True(result.Success, result.ToString());
        Assert.Equal(min is { } lo ? new Money(lo, Currency.IDR) : null, result.Value.Min);
        Assert.Equal(max is { } hi ? new Money(hi, Currency.IDR) : null, result.Value.Max);
    }

    [Theory]
    [InlineData("", TextParseErrorKind.Empty)]
    [InlineData("Nego", TextParseErrorKind.NoNumber)]
    [InlineData("Rp 1.5.000", TextParseErrorKind.InvalidNumber)]
    [InlineData("Rp 2.000.000 - Rp 1.000.000", TextParseErrorKind.InvalidNumber)]
    public void RejectsWhatIsNotAnIndonesianPrice(string text, TextParseErrorKind kind)
    {
        var result = Pattern.ParseRange(text);

        Assert.False(result.Success);
        Assert.Equal(kind, result.Error.Kind);
    }
}

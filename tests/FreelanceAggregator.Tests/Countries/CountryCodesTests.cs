namespace FreelanceAggregator.Tests;

public sealed class CountryCodesTests
{
    [Theory]
    [InlineData("United States", "US")]
    [InlineData("USA", "US")]
    [InlineData("GBR", "GB")]
    [InlineData("gb", "GB")]
    [InlineData("za", "ZA")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("Amerika Serikat", "US")]
    [InlineData("Indonesia", "ID")]
    [InlineData("IDN", "ID")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("COTE D'IVOIRE", "CI")]
    [InlineData("Korea, Republic of", "KR")]
    [InlineData("  Viet Nam ", "VN")]
    [InlineData("AUS", "AU")]
    [InlineData("PAK", "PK")]
    [InlineData("ROU", "RO")]
    [InlineData("IND", "IN")]
    public void NamesAndCodesBecomeAlpha2(string value, string expected) => Assert.Equal(expected, CountryCodes.Normalize(value));

    [Theory]
    [InlineData("Narnia")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("XX")]

    // Found by fuzzing the query parser: text with a lone surrogate made Unicode normalisation throw ArgumentException.
    [InlineData("United Stat\ud83ds")]
    [InlineData("\ud800")]
    public void AnUnknownCountryIsNull(string? value) => Assert.Null(CountryCodes.Normalize(value));

    [Fact]
    public void NamesComeBackForCodes()
    {
        Assert.Equal("Indonesia", CountryCodes.GetName("id"));
        Assert.Null(CountryCodes.GetName("XX"));
    }
}

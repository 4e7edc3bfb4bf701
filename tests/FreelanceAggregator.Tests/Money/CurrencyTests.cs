namespace FreelanceAggregator.Tests;

public sealed class CurrencyTests
{
    [Fact]
    public void EveryActiveIso4217CodeIsKnown()
    {
        Assert.InRange(Currency.All.Count, 170, 190);
        Assert.Equal(Currency.All.Count, Currency.All.Select(c => c.Code).Distinct().Count());
        Assert.Contains(Currency.All, c => c.Code == "XCG");
        Assert.DoesNotContain(Currency.All, c => c.Code is "HRK" or "BGN" or "ANG");
    }

    [Theory]
    [InlineData("IDR", 360, 2, "Rp", "Rupiah")]
    [InlineData("USD", 840, 2, "$", "US Dollar")]
    [InlineData("JPY", 392, 0, "¥", "Yen")]
    [InlineData("KWD", 414, 3, "KWD", "Kuwaiti Dinar")]
    [InlineData("EUR", 978, 2, "€", "Euro")]
    public void ACurrencyCarriesItsIsoData(string code, int numeric, int minorUnit, string symbol, string name)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(numeric, currency.NumericCode);
        Assert.Equal(minorUnit, currency.MinorUnit);
        Assert.Equal(symbol, currency.Symbol);
        Assert.Equal(name, currency.Name);
    }

    [Fact]
    public void PreciousMetalsHaveNoMinorUnit() => Assert.Null(Currency.FromCode("XAU").MinorUnit);

    [Fact]
    public void CodesAreCaseInsensitive() => Assert.Equal(Currency.IDR, Currency.FromCode("idr"));

    [Fact]
    public void AnUnknownCodeIsAnErrorNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.FromCode("ABC"));
        Assert.Contains("'ABC'", ex.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryFromCode("HRK", out _));
    }

    [Fact]
    public void TheDefaultCurrencyIsNoCurrencyNotDollars()
    {
        Assert.Equal("XXX", default(Currency).Code);
        Assert.Equal(Currency.FromCode("XXX"), default);
        Assert.NotEqual(Currency.USD, default);
    }
}

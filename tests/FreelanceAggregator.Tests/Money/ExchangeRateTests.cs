using FreelanceAggregator.ExchangeRates;

namespace FreelanceAggregator.Tests;

public sealed class ExchangeRateTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiveDollarsAtAFixed14400IsExactlyRp72000AndBackIsFiveDollars()
    {
        var rates = new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("USD", "IDR", 14_400m));

        var rupiah = await rates.ConvertAsync(new Money(5m, Currency.USD), Currency.IDR, Ct);
        var dollars = await rates.ConvertAsync(rupiah, Currency.USD, Ct);

        Assert.Equal(new Money(72_000m, Currency.IDR), rupiah);
        Assert.Equal("Rp 72.000", rupiah.ToString(System.Globalization.CultureInfo.GetCultureInfo("id-ID")));
        Assert.Equal(new Money(5.00m, Currency.USD), dollars);
        Assert.Equal("USD 5.00", dollars.ToString());
    }

    [Theory]
    [InlineData("5")]
    [InlineData("123.45")]
    [InlineData("99999.99")]
    [InlineData("0.01")]
    public async Task EcbCrossRatesGiveTheSameResultBothWaysToTheMinorUnit(string amount)
    {
        var ecb = EcbSnapshotExchangeRateProvider.Instance;
        var dollars = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.USD);

        var usdToIdr = await ecb.GetRateAsync(Currency.USD, Currency.IDR, Ct);
        var idrToUsd = await ecb.GetRateAsync(Currency.IDR, Currency.USD, Ct);

        // Through the USD→IDR rate, or through the inverse of the IDR→USD rate: the same rupiah.
        Assert.Equal(usdToIdr.Convert(dollars).Round(), idrToUsd.Convert(dollars).Round());

        // And there and back again gives the dollars back.
        var rupiah = await ecb.ConvertAsync(dollars, Currency.IDR, Ct);
        Assert.Equal(dollars, await ecb.ConvertAsync(rupiah, Currency.USD, Ct));
    }

    [Fact]
    public async Task TheEmbeddedSnapshotIsTheEcbFileOfItsDay()
    {
        var ecb = EcbSnapshotExchangeRateProvider.Instance;
        var rate = await ecb.GetRateAsync(Currency.EUR, Currency.IDR, Ct);

        Assert.Equal(new DateOnly(2026, 9, 24), ecb.AsOf);
        Assert.Equal(20384.10m, rate.Rate);
        Assert.Equal(new DateOnly(2026, 9, 24), rate.AsOf);
        Assert.Equal("ECB reference rate (embedded snapshot)", rate.Source);
        Assert.Equal(30, (await ecb.GetCurrenciesAsync(Ct)).Count);

        var cross = await ecb.GetRateAsync(Currency.USD, Currency.IDR, Ct);
        Assert.Equal(20384.10m / 1.1367m, cross.Rate);
    }

    [Fact]
    public async Task ACurrencyNoSourceKnowsIsAClearErrorNamingIt()
    {
        var ex = await Assert.ThrowsAsync<ExchangeRateNotFoundException>(
            async () => await ExchangeRateProvider.Default.ConvertAsync(new Money(100_000m, "VND"), Currency.USD, Ct));

        Assert.Contains("VND", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("USD and", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ECB reference rates of 2026-09-24", ex.Message, StringComparison.Ordinal);
        Assert.Equal("VND", ex.From.Code);
    }

    [Fact]
    public async Task FixedRatesCrossThroughACommonBaseInBothDirections()
    {
        var rates = new FixedExchangeRateProvider(
            FixedExchangeRateProvider.Rate("USD", "IDR", 16_000m),
            FixedExchangeRateProvider.Rate("USD", "EUR", 0.8m));

        var idrToEur = await rates.GetRateAsync(Currency.IDR, Currency.EUR, Ct);
        var eurToIdr = await rates.GetRateAsync(Currency.EUR, Currency.IDR, Ct);

        Assert.Equal(new Money(0.80m, Currency.EUR), idrToEur.Convert(new Money(16_000m, Currency.IDR)).Round());
        Assert.Equal(new Money(20_000m, Currency.IDR), eurToIdr.Convert(new Money(1m, Currency.EUR)).Round());
        Assert.Null(await rates.FindRateAsync(Currency.IDR, Currency.GBP, Ct));
    }

    [Fact]
    public async Task CombinedSourcesPreferTheFirstAndCrossBetweenThem()
    {
        var fixedRate = new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("USD", "IDR", 14_400m));
        var combined = ExchangeRateProvider.Combine(fixedRate, ExchangeRateProvider.Default);

        Assert.Equal(14_400m, (await combined.GetRateAsync(Currency.USD, Currency.IDR, Ct)).Rate);
        Assert.StartsWith("ECB", (await combined.GetRateAsync(Currency.EUR, Currency.GBP, Ct)).Source, StringComparison.Ordinal);
    }

    [Fact]
    public void ARateIsValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExchangeRate(Currency.USD, Currency.IDR, 0m, null, "x"));
        Assert.Throws<ArgumentException>(() => new ExchangeRate(Currency.USD, Currency.USD, 1m, null, "x"));
        var rate = new ExchangeRate(Currency.USD, Currency.IDR, 14_400m, null, "x");
        Assert.Throws<ArgumentException>(() => rate.Convert(new Money(1m, Currency.EUR)));
        Assert.Equal("1 USD = 14400 IDR (x)", rate.ToString());
    }

    [Fact]
    public void ChainingTwoRatesMultipliesThemAndKeepsTheOlderDay()
    {
        var a = new ExchangeRate(Currency.IDR, Currency.USD, 0.00006m, new DateOnly(2026, 11, 20), "site");
        var b = new ExchangeRate(Currency.USD, Currency.EUR, 0.9m, new DateOnly(2026, 11, 21), "ECB");

        var chained = ExchangeRate.Chain(a, b);

        Assert.Equal(0.000054m, chained.Rate);
        Assert.Equal(new DateOnly(2026, 11, 20), chained.AsOf);
        Assert.Equal("site, crossed with ECB", chained.Source);
    }
}

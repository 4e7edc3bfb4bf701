using System.Globalization;

namespace FreelanceAggregator.Tests;


public sealed class MoneyTests
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo American = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public sealed class Arithmetic
    {
        [Fact]
        public void AmountsInOneCurrencyAddSubtractAndCompare()
        {
            var a = new Money(72_000m, Currency.IDR);
            var b = new Money(28_000m, "IDR");

            Assert.Equal(new Money(100_000m, Currency.IDR), a + b);
            Assert.Equal(new Money(44_000m, Currency.IDR), a - b);
            Assert.Equal(new Money(144_000m, Currency.IDR), a * 2);
            Assert.Equal(new Money(36_000m, Currency.IDR), a / 2);
            Assert.True(a > b);
            Assert.True(b <= a);
            Assert.Equal(new Money(5.0m, Currency.USD), new Money(5.00m, Currency.USD));
            Assert.Equal(new Money(5.0m, Currency.USD).GetHashCode(), new Money(5.00m, Currency.USD).GetHashCode());
        }

        [Fact]
        public void MixingCurrenciesIsAnErrorThatSaysToConvertFirst()
        {
            var usd = new Money(5m, Currency.USD);
            var idr = new Money(72_000m, Currency.IDR);

            var ex = Assert.Throws<ArgumentException>(() => usd + idr);
            Assert.Contains("USD 5.00", ex.Message, StringComparison.Ordinal);
            Assert.Contains("IDR 72,000", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Convert", ex.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => usd < idr);
            Assert.NotEqual(usd, idr);
        }
    }

    public sealed class Rounding
    {
        [Theory]
        [InlineData("USD", "2.345", "2.34")]
        [InlineData("USD", "2.355", "2.36")]
        [InlineData("USD", "-2.345", "-2.34")]
        [InlineData("JPY", "2.5", "2")]
        [InlineData("JPY", "3.5", "4")]
        [InlineData("KWD", "1.23456", "1.235")]
        [InlineData("IDR", "72000.125", "72000.12")]
        public void RoundsToTheMinorUnitMidpointToEven(string code, string amount, string expected) =>
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), code).Round().Amount);

        [Fact]
        public void AnotherMidpointRuleCanBeChosen() =>
            Assert.Equal(2.35m, new Money(2.345m, Currency.USD).Round(MidpointRounding.AwayFromZero).Amount);
    }

    public sealed class Formatting
    {
        [Theory]
        [InlineData("IDR", "72000", "id-ID", "Rp 72.000")]
        [InlineData("IDR", "1500000.50", "id-ID", "Rp 1.500.000")]
        [InlineData("IDR", "448317.51", "id-ID", "Rp 448.318")]
        [InlineData("IDR", "448317.50", "", "IDR 448,318")]
        [InlineData("USD", "5", "en-US", "$5.00")]
        [InlineData("IDR", "72000", "", "IDR 72,000")]
        [InlineData("USD", "5", "", "USD 5.00")]
        [InlineData("EUR", "1234.56", "de-DE", "1.234,56 €")]
        [InlineData("USD", "5", "id-ID", "USD 5,00")]
        [InlineData("AUD", "5", "en-US", "AUD 5.00")]
        [InlineData("EUR", "1234.56", "en-US", "€1,234.56")]
        [InlineData("IDR", "72000", "en-US", "Rp 72,000")]
        [InlineData("JPY", "500", "", "JPY 500")]
        [InlineData("USD", "-5", "en-US", "-$5.00")]
        [InlineData("USD", "2.345", "en-US", "$2.34")]
        public void FormatsPerCulture(string code, string amount, string culture, string expected) =>
            Assert.Equal(expected, new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), code).ToString(CultureInfo.GetCultureInfo(culture)));

        [Fact]
        public void ToStringIsCultureIndependent()
        {
            var previous = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = German;
                Assert.Equal("IDR 72,000", new Money(72_000m, Currency.IDR).ToString());
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }

        [Theory]
        [InlineData("I", "IDR 72.000")]
        [InlineData("N", "72.000")]
        [InlineData("C", "Rp 72.000")]
        public void FormatStringsChooseTheForm(string format, string expected) =>
            Assert.Equal(expected, new Money(72_000m, Currency.IDR).ToString(format, Indonesian));

        [Fact]
        public void AnUnknownFormatIsAnError() =>
            Assert.Throws<FormatException>(() => new Money(1m, Currency.USD).ToString("X", American));
    }

    public sealed class Parsing
    {
        [Fact]
        public void ParseReadsWhatSitesPrint()
        {
            Assert.Equal(new Money(72_000m, Currency.IDR), Money.Parse("Rp 72.000"));
            Assert.Equal(new Money(5m, Currency.USD), Money.Parse("$5", Currency.USD));
            Assert.Equal(new Money(5m, Currency.USD), Money.Parse("$5", American));
        }

        [Fact]
        public void ABareDollarWithoutASiteCurrencyIsAnErrorThatSaysSo()
        {
            var ex = Assert.Throws<FormatException>(() => Money.Parse("$5"));
            Assert.Contains("'$'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
            Assert.Contains("AUD", ex.Message, StringComparison.Ordinal);
            Assert.False(Money.TryParse("$5", null, out _));
        }
    }
}

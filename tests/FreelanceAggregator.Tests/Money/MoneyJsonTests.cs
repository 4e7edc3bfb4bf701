using System.Text.Json;

namespace FreelanceAggregator.Tests;

public sealed class MoneyJsonTests
{
    [Fact]
    public void MoneyIsWrittenAsAnExactAmountAndACurrencyCode()
    {
        var json = JsonSerializer.Serialize(new Money(72_000.50m, Currency.IDR));

        Assert.Equal("""{"amount":72000.50,"currency":"IDR"}""", json);
    }

    [Fact]
    public void MoneyAndCurrencyRoundTripInsideARecord()
    {
        var budget = new Wrapper(new Money(0.1m, "USD"), Currency.FromCode("EUR"), null);

        var back = JsonSerializer.Deserialize<Wrapper>(JsonSerializer.Serialize(budget));

        Assert.Equal(budget, back);
        Assert.Equal(0.1m, back!.Price.Amount);
    }

    [Theory]
    [InlineData("""{"amount":"5","currency":"USD"}""", "amount must be a JSON number")]
    [InlineData("""{"amount":5}""", "currency is missing")]
    [InlineData("""{"currency":"USD"}""", "amount is missing")]
    [InlineData("""{"amount":5,"currency":"XYZ"}""", "'XYZ' is not an active ISO 4217")]
    [InlineData("\"USD 5\"", "is an object")]
    public void AMoneyThatCannotBeReadSaysWhy(string json, string words)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FreelanceAggregator.Money>(json));

        Assert.Contains(words, ex.Message, StringComparison.Ordinal);
    }

    private sealed record Wrapper(Money Price, Currency Currency, Money? Missing);
}

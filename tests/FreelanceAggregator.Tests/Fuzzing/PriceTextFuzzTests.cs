using System.Globalization;
using FreelanceAggregator.Testing.Fuzzing;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Tests.Fuzzing;

/// <summary>
/// <see cref="PriceTextPattern"/> under mutated prices, in the three set-ups sites use (rupiah in id-ID, dollars in
/// en-US, and no site currency): a result, success or failure, and never an exception. The samples cover each form the
/// pattern reads: symbol, code, thousands separators, multiplier words, ",-", ranges and one-sided ranges.
/// </summary>
public sealed class PriceTextFuzzTests
{
    private static readonly PriceTextPattern[] Prices =
    [
        PriceTextPattern.Create(CultureInfo.GetCultureInfo("id-ID"), Currency.IDR),
        PriceTextPattern.Create(CultureInfo.GetCultureInfo("en-US"), Currency.USD),
        PriceTextPattern.CreateWithInvariantCulture(),
    ];

    [Theory]
    [InlineData("$5")]
    [InlineData("Rp 72.000")]
    [InlineData("Rp3Jt")]
    [InlineData("Rp 500rb")]
    [InlineData("Rp 150.000,-")]
    [InlineData("1.234,56 €")]
    [InlineData("$10.00-$20.00")]
    [InlineData("Rp 1-2 juta")]
    [InlineData("IDR 1,500,000")]
    [InlineData("up to $500")]
    [InlineData("mulai Rp 50rb")]
    public void PricesGiveAResultAndNeverThrow(string text) =>
        ParserFuzzing.AssertContract(
            FixtureMutator.Text(text, ParserFuzzing.Iterations, ParserFuzzing.Seed),
            mutated =>
            {
                foreach (var pattern in Prices)
                {
                    _ = pattern.Parse(mutated);
                    _ = pattern.ParseRange(mutated);
                }
            });
}

using System.Globalization;
using FreelanceAggregator.Testing.Fuzzing;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Tests.Fuzzing;

/// <summary>
/// <see cref="DateTextPattern"/> under mutated dates, Indonesian and English, absolute and relative: a result, success or
/// failure, and never an exception.
/// </summary>
public sealed class DateTextFuzzTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateTextPattern[] Dates =
    [
        DateTextPattern.Indonesian,
        DateTextPattern.Create(CultureInfo.GetCultureInfo("en-US"), TimeZoneInfo.Utc),
        DateTextPattern.CreateWithInvariantCulture(TimeZoneInfo.Utc),
    ];

    [Theory]
    [InlineData("12 Januari 2025")]
    [InlineData("January 12, 2025")]
    [InlineData("24/04/2022 16:41:06 WIB")]
    [InlineData("2026-09-18 08:00:00")]
    [InlineData("2024-04-24T16:41:06.123456789+07:00")]
    [InlineData("2 hari yang lalu")]
    [InlineData("3 jam lalu")]
    [InlineData("kemarin 14:30")]
    [InlineData("Published Date: 12 Januari 2025 10:15 WITA")]
    public void DatesGiveAResultAndNeverThrow(string text) =>
        ParserFuzzing.AssertContract(
            FixtureMutator.Text(text, ParserFuzzing.Iterations, ParserFuzzing.Seed),
            mutated =>
            {
                foreach (var pattern in Dates)
                {
                    _ = pattern.Parse(mutated, Now);
                }
            });
}

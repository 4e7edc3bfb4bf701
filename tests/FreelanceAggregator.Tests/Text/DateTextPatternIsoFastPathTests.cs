using System.Globalization;
using System.Text;
using FreelanceAggregator.Testing.Fuzzing;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Tests.Text;

/// <summary>
/// The ISO 8601 fast path of <see cref="DateTextPattern"/> (<c>TryParseIso</c>) must give exactly what the regular
/// expressions give (<c>ParseWithPatterns</c>): the same moment and offset, or the same error, for every text it takes,
/// and it must leave every other text to them.
/// </summary>
public sealed class DateTextPatternIsoFastPathTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    // Indonesian (day first, Jakarta), en-US (month first) in New York, which has daylight saving time, and the invariant culture in UTC.
    private static readonly DateTextPattern[] Patterns =
    [
        DateTextPattern.Indonesian,
        DateTextPattern.Create(CultureInfo.GetCultureInfo("en-US"), NewYork()),
        DateTextPattern.CreateWithInvariantCulture(TimeZoneInfo.Utc),
    ];

    /// <summary>Texts the fast path reads itself.</summary>
    public static TheoryData<string> Taken => new()
    {
        "2023-09-05",
        "2023-09-05T09:12",
        "2023-09-05T09:12:44",
        "2023-09-05T09:12:44.5",
        "2023-09-05T09:12:44.512",
        "2023-09-05T09:12:44.512+07:00",
        "2023-09-05T09:12:44.1234567Z",
        "2023-09-05T09:12:44.12345678Z",
        "2023-09-05T09:12:44.123456789Z",
        "2023-09-05T09:12:44.999999999-03:30",
        "2025-10-16T06:06:47+0000",
        "2025-10-16T06:06:47-0530",
        "2025-10-16T06:06:47Z",
        "2025-10-16T06:06Z",
        "2025-10-16T06:06+07:00",
        "2026-09-18 08:00:00",
        "2026-09-18 08:00",
        "2026-09-18 08:00:00+07:00",
        "2023-09-30Z",
        "2023-09-30+07:00",
        "2023-09-30-0700",
        "2024-02-29T23:59:59.9999999+14:00",
        "2026-03-08T02:30:00",
        "2026-11-01T01:30:00",

        // Checked and refused by the same rules as the patterns': no such day, time or offset, or out of range.
        "2023-02-29",
        "2023-13-01",
        "2023-00-10",
        "2023-09-31T10:00",
        "0000-01-01",
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "2023-09-05T24:00",
        "2023-09-05T23:60",
        "2023-09-05T23:59:60",
        "2023-09-05T10:00+15:00",
        "2023-09-05T10:00+14:30",
        "2023-09-05T10:00+14:00",
        "2023-09-05T10:00-14:00",
        "2023-09-05T10:00+07:60",
        "2023-09-05T10:00+9999",
    };

    /// <summary>Texts that are not just an ISO date, or not in the fast path's form: the patterns read them.</summary>
    public static TheoryData<string> LeftToPatterns => new()
    {
        " 2023-09-05",
        "2023-09-05 ",
        "Posted 2023-09-05",
        "2023-09-05 WIB",
        "2023-09-05T09:12:44 WIB",
        "2023-09-05T09:12:44UTC",
        "2023-09-05T09:12:44GMT+7",
        "2023-09-05T09:12:44Z+07:00",
        "2023-09-05T09:12:44z",
        "2023-09-05t09:12:44",
        "2023-09-05T9:12",
        "2023-09-05T09.12",
        "2023-09-05T09:12:4",
        "2023-09-05T09:12:44.",
        "2023-09-05T09:12:44.1234567890Z",
        "2023-09-05T09:12:44,5Z",
        "2023-09-05T09:12:44+07",
        "2023-09-05T09:12:44+7:00",
        "2023-09-05T09:12:44+07:0",
        "2023-09-05T09:12:44+07:000",
        "2023-09-05T09:12:44+070",
        "2023-09-05T09:12:44+07:00:00",
        "2023-09-05T09:12 PM",
        "2023-09-05T09:12PM",
        "2023-09-05  09:12",
        "2023-09-05\t09:12",
        "2023-09-05\u00A009:12",
        "2023-09-05T",
        "2023-09-05 ",
        "2023-9-5",
        "2023/09/05",
        "2023.09.05",
        "2023-09/05",
        "20230905",
        "12023-09-05",
        "2023-09-051",
        "2023-09-05T09:12:44.5\u0663",
        "\u0662\u0660\u0662\u0663-09-05",
        "2023-09-05T\u0660\u0669:12",
        "2023-09-05 kemarin",
        "2023-09-05T09:12:44+07:00 (3 jam lalu)",
    };

    [Theory]
    [MemberData(nameof(Taken))]
    public void TakesAnIsoDateAndGivesThePatternsAnswer(string text)
    {
        foreach (var pattern in Patterns)
        {
            Assert.True(pattern.TryParseIso(text, Now, out var fast), $"The fast path left '{text}' to the patterns.");
            AssertSame(pattern.ParseWithPatterns(text, Now), fast, text);
            AssertSame(fast, pattern.Parse(text, Now), text);
        }
    }

    [Theory]
    [MemberData(nameof(LeftToPatterns))]
    public void LeavesOtherTextsToThePatterns(string text)
    {
        foreach (var pattern in Patterns)
        {
            Assert.False(pattern.TryParseIso(text, Now, out _), $"The fast path took '{text}'.");
            AssertSame(SafePatterns(pattern, text), Safe(() => pattern.Parse(text, Now)), text);
        }
    }

    [Fact]
    public void AgreesWithThePatternsOnRandomIsoLikeTexts()
    {
        var random = new Random(20_261_123);
        var taken = 0;
        for (var n = 0; n < 40_000; n++)
        {
            var text = RandomIsoLike(random);
            foreach (var pattern in Patterns)
            {
                var viaPatterns = SafePatterns(pattern, text);
                if (pattern.TryParseIso(text, Now, out var fast))
                {
                    taken++;
                    AssertSame(viaPatterns, Describe(fast), text);
                }

                AssertSame(viaPatterns, Safe(() => pattern.Parse(text, Now)), text);
            }
        }

        // The generator must exercise the fast path itself, not only the fallback.
        Assert.InRange(taken, 30_000, 120_000);
    }

    [Fact]
    public void AgreesWithThePatternsOnMutatedIsoDates()
    {
        string[] seeds = ["2023-09-05T09:12:44.512+07:00", "2025-10-16T06:06:47+0000", "2026-09-18 08:00:00", "2023-09-30", "2022-04-24T09:41:06.250Z"];
        foreach (var seed in seeds)
        {
            foreach (var mutation in FixtureMutator.Text(seed, 2_000, ParserFuzzing.Seed))
            {
                if (string.IsNullOrWhiteSpace(mutation.Text))
                {
                    continue;
                }

                foreach (var pattern in Patterns)
                {
                    var viaPatterns = SafePatterns(pattern, mutation.Text);
                    if (pattern.TryParseIso(mutation.Text, Now, out var fast))
                    {
                        AssertSame(viaPatterns, Describe(fast), mutation.Text);
                    }

                    AssertSame(viaPatterns, Safe(() => pattern.Parse(mutation.Text, Now)), mutation.Text);
                }
            }
        }
    }

    // Mostly well-formed ISO dates with random fields (some out of range), and now and then a character changed,
    // added or dropped, so that both the fast path's checks and its fallbacks run.
    private static string RandomIsoLike(Random random)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{random.Next(0, 10_000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2}");
        if (random.Next(5) > 0)
        {
            builder.Append(random.Next(4) == 0 ? ' ' : 'T');
            builder.Append(CultureInfo.InvariantCulture, $"{random.Next(0, 26):D2}:{random.Next(0, 62):D2}");
            if (random.Next(4) > 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $":{random.Next(0, 62):D2}");
                if (random.Next(2) == 0)
                {
                    builder.Append('.');
                    var digits = random.Next(1, 11);
                    for (var i = 0; i < digits; i++)
                    {
                        builder.Append((char)('0' + random.Next(10)));
                    }
                }
            }
        }

        switch (random.Next(6))
        {
            case 0:
                break;
            case 1:
                builder.Append('Z');
                break;
            case 2 or 3:
                builder.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):D2}:{random.Next(0, 61):D2}");
                break;
            default:
                builder.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):D2}{random.Next(0, 61):D2}");
                break;
        }

        if (random.Next(5) == 0)
        {
            const string alphabet = "0123456789-+:.TZ tzWIBUTCGMAPM,/\u00A0\u0663";
            var position = random.Next(builder.Length + 1);
            switch (random.Next(3))
            {
                case 0:
                    builder.Insert(position, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 1 when position < builder.Length:
                    builder[position] = alphabet[random.Next(alphabet.Length)];
                    break;
                default:
                    if (position < builder.Length)
                    {
                        builder.Remove(position, 1);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string SafePatterns(DateTextPattern pattern, string text) =>
        string.IsNullOrWhiteSpace(text) ? Safe(() => pattern.Parse(text, Now)) : Safe(() => pattern.ParseWithPatterns(text, Now));

    // Any exception is part of the answer too: the fast path must not turn one into a result or the other way round.
    private static string Safe(Func<TextParseResult<DateTimeOffset>> parse)
    {
        try
        {
            return Describe(parse());
        }
        catch (Exception ex)
        {
            return "threw " + ex.GetType().Name;
        }
    }

    // The moment and its offset (DateTimeOffset equality ignores the offset), or the whole error.
    private static string Describe(TextParseResult<DateTimeOffset> result) =>
        result.Success
            ? result.Value.ToString("O", CultureInfo.InvariantCulture)
            : $"{result.Error!.Kind}: {result.Error.Text}: {result.Error.Message}";

    private static void AssertSame(TextParseResult<DateTimeOffset> expected, TextParseResult<DateTimeOffset> actual, string text) =>
        AssertSame(Describe(expected), Describe(actual), text);

    private static void AssertSame(string expected, string actual, string text) =>
        Assert.True(expected == actual, $"'{text}': the patterns give {expected}, the fast path {actual}.");

    private static TimeZoneInfo NewYork() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("America/New_York", out var zone) ? zone : TimeZoneInfo.Utc;
}

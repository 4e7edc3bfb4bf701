using System.Globalization;
using System.Text;
using FreelanceAggregator.Providers.Upwork.Parsing;
using FreelanceAggregator.Testing.Fuzzing;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>
/// The fast path of <see cref="UpworkSearchParser.TryParseDate"/> (<c>TryParseIsoDate</c>) must give exactly what the
/// exact formats give (<c>TryParseDateWithFormats</c>) for every text it answers, and leave every other text to them.
/// </summary>
public sealed class UpworkDateFastPathTests
{
    public static TheoryData<string> Answered => new()
    {
        "2025-10-16T06:06:47+0000",
        "2025-10-16T06:06:47+00:00",
        "2025-10-16T06:06:47-0000",
        "2025-10-16T06:06:47Z",
        "2025-10-16T11:36:47+0530",
        "2025-10-16T01:06:47-05:00",
        "2025-10-16T06:06:47.1+0000",
        "2025-10-16T06:06:47.123Z",
        "2025-10-16T06:06:47.1234567+07:00",
        "2024-02-29T23:59:59.9999999+14:00",
        "2024-02-29T00:00:00-14:00",
        "0001-01-01T00:00:00Z",
        "0001-01-01T12:00:00+01:00",
        "9999-12-31T23:59:59.9999999Z",
        "9999-12-31T22:00:00-01:00",
    };

    public static TheoryData<string> LeftToTheFormats => new()
    {
        " 2025-10-16T06:06:47Z",
        "2025-10-16T06:06:47Z ",
        "2025-10-16T06:06:47",
        "2025-10-16 06:06:47Z",
        "2025-10-16t06:06:47Z",
        "2025-10-16T06:06:47z",
        "2025-10-16T06:06Z",
        "2025-10-16T06:06:47.Z",
        "2025-10-16T06:06:47.12345678Z",
        "2025-10-16T06:06:47+07",
        "2025-10-16T06:06:47+7:00",
        "2025-10-16T06:06:47+07:60",
        "2025-10-16T06:06:47+15:00",
        "2025-10-16T06:06:47+14:01",
        "2025-10-16T06:06:47+00000",
        "2025-02-29T06:06:47Z",
        "2025-13-16T06:06:47Z",
        "2025-10-16T24:00:00Z",
        "2025-10-16T23:60:00Z",
        "2025-10-16T23:59:60Z",
        "0000-10-16T06:06:47Z",
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:00:00-01:00",
        "2025-10-16T06:06:4\u0667Z",
        "20251016T060647Z",
    };

    [Theory]
    [MemberData(nameof(Answered))]
    public void AnswersUpworksFormAsTheFormatsDo(string text)
    {
        Assert.True(UpworkSearchParser.TryParseIsoDate(text, out var fast), $"The fast path left '{text}' to the formats.");
        Assert.Equal(Describe(UpworkSearchParser.TryParseDateWithFormats(text, out var exact), exact), Describe(true, fast));
    }

    [Theory]
    [MemberData(nameof(LeftToTheFormats))]
    public void LeavesOtherTextsToTheFormats(string text)
    {
        Assert.False(UpworkSearchParser.TryParseIsoDate(text, out _), $"The fast path answered '{text}'.");
        Assert.Equal(Describe(UpworkSearchParser.TryParseDateWithFormats(text, out var exact), exact), Describe(UpworkSearchParser.TryParseDate(text, out var value), value));
    }

    [Fact]
    public void AgreesWithTheFormatsOnRandomDates()
    {
        var random = new Random(20_261_123);
        var answered = 0;
        for (var n = 0; n < 50_000; n++)
        {
            var text = RandomDate(random);
            var exact = Describe(UpworkSearchParser.TryParseDateWithFormats(text, out var e), e);
            if (UpworkSearchParser.TryParseIsoDate(text, out var fast))
            {
                answered++;
                Assert.True(exact == Describe(true, fast), $"'{text}': the formats give {exact}, the fast path {Describe(true, fast)}.");
            }

            Assert.True(exact == Describe(UpworkSearchParser.TryParseDate(text, out var value), value), $"'{text}': TryParseDate differs from the formats.");
        }

        // The generator must reach the fast path's answers, not only its refusals.
        Assert.InRange(answered, 10_000, 50_000);
    }

    [Fact]
    public void AgreesWithTheFormatsOnMutatedDates()
    {
        foreach (var seed in new[] { "2025-10-16T06:06:47+0000", "2025-10-16T06:06:47.123+05:30", "2025-10-16T06:06:48Z" })
        {
            foreach (var mutation in FixtureMutator.Text(seed, 3_000, ParserFuzzing.Seed))
            {
                var text = mutation.Text;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var exact = Describe(UpworkSearchParser.TryParseDateWithFormats(text, out var e), e);
                if (UpworkSearchParser.TryParseIsoDate(text, out var fast))
                {
                    Assert.True(exact == Describe(true, fast), $"'{text}': the formats give {exact}, the fast path {Describe(true, fast)}.");
                }
            }
        }
    }

    private static string RandomDate(Random random)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{random.Next(0, 10_000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 32):D2}T{random.Next(0, 25):D2}:{random.Next(0, 61):D2}:{random.Next(0, 61):D2}");
        if (random.Next(3) == 0)
        {
            builder.Append('.');
            var digits = random.Next(0, 9);
            for (var i = 0; i < digits; i++)
            {
                builder.Append((char)('0' + random.Next(10)));
            }
        }

        switch (random.Next(5))
        {
            case 0:
                builder.Append('Z');
                break;
            case 1:
                break;
            case 2:
                builder.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):D2}:{random.Next(0, 61):D2}");
                break;
            default:
                builder.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):D2}{random.Next(0, 61):D2}");
                break;
        }

        if (random.Next(6) == 0)
        {
            const string alphabet = "0123456789-+:.TZ tz\u0663";
            var position = random.Next(builder.Length);
            builder[position] = alphabet[random.Next(alphabet.Length)];
        }

        return builder.ToString();
    }

    // The moment and its offset (DateTimeOffset equality ignores the offset), or no answer.
    private static string Describe(bool success, DateTimeOffset value) =>
        success ? value.ToString("O", CultureInfo.InvariantCulture) : "no date";
}

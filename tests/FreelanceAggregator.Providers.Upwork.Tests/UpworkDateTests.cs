using System.Globalization;
using System.Text;
using FreelanceAggregator.Providers.Upwork.Parsing;
using FreelanceAggregator.Testing.Fuzzing;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>
/// Upwork's dates are read by the core's <see cref="DateTextPattern"/> (its ISO fast path), not by a copy of Upwork's
/// own. These tests hold it to what Upwork's exact formats give (<see cref="DateTimeOffset.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
/// with <c>yyyy-MM-ddTHH:mm:ss[.FFFFFFF]zzz</c> or <c>…Z</c>, after putting back the colon Upwork leaves out of
/// <c>+0000</c>): for every text in the form Upwork writes, the same moment and offset, or no date for both; and for a
/// text in any other form, the same moment whenever those formats read it at all.
/// </summary>
public sealed class UpworkDateTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] UpworkFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static TheoryData<string> UpworksForm => new()
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

    // Not Upwork's form, but read by its exact formats (around white space, a fraction point without digits): the core
    // reads them the same.
    public static TheoryData<string> OtherFormsBothRead => new()
    {
        " 2025-10-16T06:06:47Z",
        "2025-10-16T06:06:47Z ",
        "2025-10-16T06:06:47.Z",
    };

    // In Upwork's form, but no date: both must refuse them.
    public static TheoryData<string> UpworksFormButNoDate => new()
    {
        "2025-10-16T06:06:47+07:60",
        "2025-10-16T06:06:47+15:00",
        "2025-10-16T06:06:47+14:01",
        "2025-02-29T06:06:47Z",
        "2025-13-16T06:06:47Z",
        "2025-10-16T24:00:00Z",
        "2025-10-16T23:60:00Z",
        "2025-10-16T23:59:60Z",
        "0000-10-16T06:06:47Z",
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:00:00-01:00",
    };

    // Not Upwork's form, and not a date to either.
    public static TheoryData<string> NoDateToEither => new()
    {
        "2025-10-16T06:06:4\u0667Z",
        "20251016T060647Z",
        "16/10/2025 06:06",
        "+0000",
    };

    // Not Upwork's form, which its exact formats refuse, and the core reads as ISO 8601 allows: the date and time as
    // written, in UTC when no offset follows (Upwork keeps its times in UTC). Upwork sends none of these.
    public static TheoryData<string, string> ReadMoreWidely => new()
    {
        { "2025-10-16T06:06:47", "2025-10-16T06:06:47.0000000+00:00" },
        { "2025-10-16 06:06:47Z", "2025-10-16T06:06:47.0000000+00:00" },
        { "2025-10-16", "2025-10-16T00:00:00.0000000+00:00" },
        { "2025-10-16T06:06Z", "2025-10-16T06:06:00.0000000+00:00" },
        { "2025-10-16T06:06:47.12345678Z", "2025-10-16T06:06:47.1234567+00:00" },
    };

    [Theory]
    [MemberData(nameof(UpworksForm))]
    [MemberData(nameof(OtherFormsBothRead))]
    public void ReadsUpworksFormAsItsExactFormatsDo(string text)
    {
        Assert.True(ReadAsUpworkFormats(text, out _), $"the exact formats refuse '{text}'");
        Assert.Equal(Describe(ReadAsUpworkFormats(text, out var exact), exact), Describe(UpworkJobReader.TryParseDate(text, Now, out var read), read));
    }

    [Theory]
    [MemberData(nameof(UpworksFormButNoDate))]
    [MemberData(nameof(NoDateToEither))]
    public void RefusesWhatTheExactFormatsRefuse(string text)
    {
        Assert.False(ReadAsUpworkFormats(text, out _), $"the exact formats read '{text}'");
        Assert.False(UpworkJobReader.TryParseDate(text, Now, out var read), $"'{text}' was read as {read:O}");
    }

    [Theory]
    [MemberData(nameof(ReadMoreWidely))]
    public void ReadsOtherIsoFormsAsWritten(string text, string expected)
    {
        Assert.False(ReadAsUpworkFormats(text, out _), $"the exact formats read '{text}'");
        Assert.Equal(expected, Describe(UpworkJobReader.TryParseDate(text, Now, out var read), read));
    }

    [Fact]
    public void AgreesWithTheExactFormatsOnRandomDatesInUpworksForm()
    {
        var random = new Random(20_261_123);
        var read = 0;
        for (var n = 0; n < 50_000; n++)
        {
            var text = RandomUpworkDate(random);
            var exact = Describe(ReadAsUpworkFormats(text, out var e), e);
            var core = Describe(UpworkJobReader.TryParseDate(text, Now, out var c), c);
            Assert.True(exact == core, $"'{text}': the exact formats give {exact}, the core {core}.");
            read += exact == "no date" ? 0 : 1;
        }

        // The generator must reach dates both read, not only values out of range.
        Assert.InRange(read, 10_000, 45_000);
    }

    [Fact]
    public void AgreesWithTheExactFormatsWheneverTheyReadAMutatedDate()
    {
        var compared = 0;
        foreach (var seed in new[] { "2025-10-16T06:06:47+0000", "2025-10-16T06:06:47.123+05:30", "2025-10-16T06:06:48Z" })
        {
            foreach (var mutation in FixtureMutator.Text(seed, 3_000, ParserFuzzing.Seed))
            {
                var text = mutation.Text;
                if (ReadAsUpworkFormats(text, out var exact))
                {
                    compared++;
                    var core = Describe(UpworkJobReader.TryParseDate(text, Now, out var c), c);
                    Assert.True(Describe(true, exact) == core, $"'{text}': the exact formats give {Describe(true, exact)}, the core {core}.");
                }
            }
        }

        Assert.True(compared > 100, $"only {compared} mutations were dates");
    }

    // Upwork's own reading, as the provider did it before the core's pattern took over: the oracle.
    private static bool ReadAsUpworkFormats(string text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();

        // "+0000" → "+00:00": the exact formats want the colon that Upwork leaves out.
        if (s.Length > 5 && s[^5] is '+' or '-' && char.IsAsciiDigit(s[^4]) && char.IsAsciiDigit(s[^3]) && char.IsAsciiDigit(s[^2]) && char.IsAsciiDigit(s[^1]))
        {
            s = string.Concat(s.AsSpan(0, s.Length - 2), ":", s.AsSpan(s.Length - 2));
        }

        return DateTimeOffset.TryParseExact(s, UpworkFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    // Dates in Upwork's form, with every field drawn a little beyond its range so that some are no dates at all.
    private static string RandomUpworkDate(Random random)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{random.Next(0, 10_000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 32):D2}T{random.Next(0, 25):D2}:{random.Next(0, 61):D2}:{random.Next(0, 61):D2}");
        if (random.Next(3) == 0)
        {
            builder.Append('.');
            var digits = random.Next(1, 8);
            for (var i = 0; i < digits; i++)
            {
                builder.Append((char)('0' + random.Next(10)));
            }
        }

        switch (random.Next(3))
        {
            case 0:
                builder.Append('Z');
                break;
            case 1:
                builder.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):D2}:{random.Next(0, 61):D2}");
                break;
            default:
                builder.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):D2}{random.Next(0, 61):D2}");
                break;
        }

        return builder.ToString();
    }

    // The moment and its offset (DateTimeOffset equality ignores the offset), or no date.
    private static string Describe(bool success, DateTimeOffset value) =>
        success ? value.ToString("O", CultureInfo.InvariantCulture) : "no date";
}

using System.Globalization;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.Time.Testing;

namespace FreelanceAggregator.Tests.Text;

/// <summary>The date forms of issue 6 (Indonesian and English, absolute and relative), as data tables.</summary>
public sealed class DateTextPatternTests
{
    // Wednesday 15 January 2025, 10:00 in Jakarta.
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 3, 0, 0, TimeSpan.Zero);

    private static readonly DateTextPattern Indonesian = DateTextPattern.Indonesian;

    public static TheoryData<string, string> AbsoluteDates => new()
    {
        { "12 Januari 2025", "2025-01-12T00:00:00+07:00" },
        { "12 Jan 2025", "2025-01-12T00:00:00+07:00" },
        { "12 January 2025", "2025-01-12T00:00:00+07:00" },
        { "12-Jan-2025", "2025-01-12T00:00:00+07:00" },
        { "January 12, 2025", "2025-01-12T00:00:00+07:00" },
        { "Jan 12 2025", "2025-01-12T00:00:00+07:00" },
        { "Senin, 12 Januari 2025", "2025-01-12T00:00:00+07:00" },
        { "12 Januari 2025 14:30", "2025-01-12T14:30:00+07:00" },
        { "12 Jan 2025 pukul 14.30 WIB", "2025-01-12T14:30:00+07:00" },
        { "12 January 2025, 2:30 PM", "2025-01-12T14:30:00+07:00" },
        { "13 April 2022", "2022-04-13T00:00:00+07:00" },
        { "Ditutup: 13 April 2022", "2022-04-13T00:00:00+07:00" },
        { "1 Mei 2024", "2024-05-01T00:00:00+07:00" },
        { "3 Agu 2024", "2024-08-03T00:00:00+07:00" },
        { "12 Agustus 2024", "2024-08-12T00:00:00+07:00" },
        { "5 Okt 2024", "2024-10-05T00:00:00+07:00" },
        { "31 Desember 2024", "2024-12-31T00:00:00+07:00" },
        { "31 Des 2024", "2024-12-31T00:00:00+07:00" },
        { "24/04/2022 16:41:06 WIB", "2022-04-24T16:41:06+07:00" },
        { "24/04/2022 16:41:06 WITA", "2022-04-24T16:41:06+08:00" },
        { "24/04/2022 16:41:06 WIT", "2022-04-24T16:41:06+09:00" },
        { "24/04/2022 16:41:06", "2022-04-24T16:41:06+07:00" },
        { "Published Date:\n    24/04/2022 16:41:06 WIB", "2022-04-24T16:41:06+07:00" },
        { "29/12/2020 19:29:45", "2020-12-29T19:29:45+07:00" },
        { "24/04/2022", "2022-04-24T00:00:00+07:00" },
        { "24-04-2022 16.41", "2022-04-24T16:41:00+07:00" },
        { "2026-09-18 08:00:00", "2026-09-18T08:00:00+07:00" },
        { "2022-04-24T16:41:06+07:00", "2022-04-24T16:41:06+07:00" },
        { "2022-04-24T09:41:06.250Z", "2022-04-24T09:41:06.250+00:00" },
        { "2023-09-04T03:15:00.123456789Z", "2023-09-04T03:15:00.1234567+00:00" },
        { "24/04/2022 09:41 UTC", "2022-04-24T09:41:00+00:00" },
        { "24/04/2022 16:41 GMT+7", "2022-04-24T16:41:00+07:00" },
        { "Mon May 31 14:29:28 2021", "2021-05-31T14:29:28+07:00" },
        { "12 Jan", "2025-01-12T00:00:00+07:00" },
        { "28 Des", "2024-12-28T00:00:00+07:00" },
        { "3 Januari", "2025-01-03T00:00:00+07:00" },
    };

    public static TheoryData<string, string> RelativeDates => new()
    {
        { "2 hari yang lalu", "2025-01-13T10:00:00+07:00" },
        { "2 hari lalu", "2025-01-13T10:00:00+07:00" },
        { "2 hari yg lalu", "2025-01-13T10:00:00+07:00" },
        { "Diposting 2 hari yang lalu", "2025-01-13T10:00:00+07:00" },
        { "3 jam lalu", "2025-01-15T07:00:00+07:00" },
        { "3 jam yang lalu", "2025-01-15T07:00:00+07:00" },
        { "sejam lalu", "2025-01-15T09:00:00+07:00" },
        { "5 menit yang lalu", "2025-01-15T09:55:00+07:00" },
        { "30 detik lalu", "2025-01-15T09:59:30+07:00" },
        { "sehari yang lalu", "2025-01-14T10:00:00+07:00" },
        { "seminggu yang lalu", "2025-01-08T10:00:00+07:00" },
        { "2 minggu lalu", "2025-01-01T10:00:00+07:00" },
        { "sebulan yang lalu", "2024-12-15T10:00:00+07:00" },
        { "2 bulan lalu", "2024-11-15T10:00:00+07:00" },
        { "setahun lalu", "2024-01-15T10:00:00+07:00" },
        { "kemarin", "2025-01-14T10:00:00+07:00" },
        { "Kemarin, 14:30", "2025-01-14T14:30:00+07:00" },
        { "kemarin lusa", "2025-01-13T10:00:00+07:00" },
        { "baru saja", "2025-01-15T10:00:00+07:00" },
        { "Baru saja", "2025-01-15T10:00:00+07:00" },
        { "hari ini", "2025-01-15T10:00:00+07:00" },
        { "3 hours ago", "2025-01-15T07:00:00+07:00" },
        { "Posted 3 hours ago", "2025-01-15T07:00:00+07:00" },
        { "an hour ago", "2025-01-15T09:00:00+07:00" },
        { "5 minutes ago", "2025-01-15T09:55:00+07:00" },
        { "2 days ago", "2025-01-13T10:00:00+07:00" },
        { "a day ago", "2025-01-14T10:00:00+07:00" },
        { "1 week ago", "2025-01-08T10:00:00+07:00" },
        { "3 months ago", "2024-10-15T10:00:00+07:00" },
        { "2 years ago", "2023-01-15T10:00:00+07:00" },
        { "yesterday", "2025-01-14T10:00:00+07:00" },
        { "Yesterday at 9:15 AM", "2025-01-14T09:15:00+07:00" },
        { "today", "2025-01-15T10:00:00+07:00" },
        { "just now", "2025-01-15T10:00:00+07:00" },
        { "5m ago", "2025-01-15T09:55:00+07:00" },
        { "3h ago", "2025-01-15T07:00:00+07:00" },
        { "2d ago", "2025-01-13T10:00:00+07:00" },
        { "dalam 3 hari", "2025-01-18T10:00:00+07:00" },
        { "3 hari lagi", "2025-01-18T10:00:00+07:00" },
        { "in 2 days", "2025-01-17T10:00:00+07:00" },
        { "besok", "2025-01-16T10:00:00+07:00" },
    };

    [Theory]
    [MemberData(nameof(AbsoluteDates))]
    public void ParsesAbsoluteDates(string text, string expected) => AssertParses(text, expected);

    [Theory]
    [MemberData(nameof(RelativeDates))]
    public void ParsesRelativeDatesAgainstTheClock(string text, string expected) => AssertParses(text, expected);

    [Theory]
    [InlineData(null, TextParseErrorKind.Empty)]
    [InlineData("", TextParseErrorKind.Empty)]
    [InlineData("   ", TextParseErrorKind.Empty)]
    [InlineData("Nego", TextParseErrorKind.Unrecognized)]
    [InlineData("beberapa hari yang lalu", TextParseErrorKind.Unrecognized)]
    [InlineData("12 Foo 2025", TextParseErrorKind.Unrecognized)]
    [InlineData("Rp 1.500.000", TextParseErrorKind.Unrecognized)]
    [InlineData("31 Februari 2025", TextParseErrorKind.OutOfRange)]
    [InlineData("32 Januari 2025", TextParseErrorKind.OutOfRange)]
    [InlineData("31/02/2025", TextParseErrorKind.OutOfRange)]
    [InlineData("04/24/2022", TextParseErrorKind.OutOfRange)]
    [InlineData("24/04/2022 25:00", TextParseErrorKind.OutOfRange)]
    [InlineData("24/04/2022 10:00 +15:00", TextParseErrorKind.OutOfRange)]
    [InlineData("999999999 tahun lalu", TextParseErrorKind.OutOfRange)]
    [InlineData("2023-09-05T09:12:44.5\u0663", TextParseErrorKind.OutOfRange)] // an Arabic-Indic digit in the fraction
    [InlineData("2023-09-05T\u0660\u0669:12", TextParseErrorKind.OutOfRange)]
    public void SaysWhyATextIsNotADate(string? text, TextParseErrorKind kind)
    {
        var result = Indonesian.Parse(text, Now);

        Assert.False(result.Success, $"'{text}' parsed as {result}");
        Assert.Equal(kind, result.Error.Kind);
        Assert.Contains(text?.Trim() ?? string.Empty, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvesRelativeDatesAgainstTheInjectedTimeProvider()
    {
        var clock = new FakeTimeProvider(Now);

        Assert.Equal(Now.AddHours(-3), Indonesian.Parse("3 jam lalu", clock).Value);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(Now.AddDays(1).AddHours(-3), Indonesian.Parse("3 jam lalu", clock).Value);
    }

    [Fact]
    public void TheCultureDecidesTheOrderOfNumericDates()
    {
        var us = DateTextPattern.Create(CultureInfo.GetCultureInfo("en-US"), TimeZoneInfo.Utc);
        var invariant = DateTextPattern.CreateWithInvariantCulture(TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2022, 4, 24, 16, 41, 0, TimeSpan.Zero), us.Parse("04/24/2022 4:41 PM", Now).Value);
        Assert.Equal(new DateTimeOffset(2022, 4, 24, 0, 0, 0, TimeSpan.Zero), invariant.Parse("04/24/2022", Now).Value);
        Assert.Equal(new DateTimeOffset(2022, 4, 24, 0, 0, 0, TimeSpan.FromHours(7)), Indonesian.Parse("24/04/2022", Now).Value);
    }

    [Fact]
    public void TheCultureAddsItsOwnMonthNames()
    {
        var german = DateTextPattern.Create(CultureInfo.GetCultureInfo("de-DE"), TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero), german.Parse("12. März 2025", Now).Value);
        Assert.Equal(new DateTimeOffset(2025, 1, 12, 0, 0, 0, TimeSpan.Zero), german.Parse("12 Januari 2025", Now).Value);
    }

    [Fact]
    public void DatesWithoutAnOffsetAreWallClockTimeInTheGivenZone()
    {
        var tokyo = DateTextPattern.Create(CultureInfo.GetCultureInfo("id-ID"), TimeZoneInfo.CreateCustomTimeZone("test/+09", TimeSpan.FromHours(9), "+09", "+09"));

        var value = tokyo.Parse("24/04/2022 16:41:06", Now).Value;

        Assert.Equal(new DateTimeOffset(2022, 4, 24, 16, 41, 6, TimeSpan.FromHours(9)), value);
        Assert.Equal(TimeSpan.FromHours(9), value.Offset);
    }

    [Fact]
    public void JakartaIsSevenHoursAheadOfUtcAllYear()
    {
        Assert.Equal(TimeSpan.FromHours(7), DateTextPattern.Jakarta.GetUtcOffset(new DateTime(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(7), DateTextPattern.Jakarta.GetUtcOffset(new DateTime(2025, 7, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Same(DateTextPattern.Jakarta, DateTextPattern.Indonesian.TimeZone);
    }

    [Fact]
    public void AMissingJakartaZoneFallsBackToAFixedUtcPlusSeven()
    {
        var asked = new List<string>();
        var zone = DateTextPattern.ResolveJakarta(id =>
        {
            asked.Add(id);
            return null;
        });

        Assert.Equal(["Asia/Jakarta", "SE Asia Standard Time"], asked);
        Assert.Equal("Asia/Jakarta", zone.Id);
        Assert.Equal(TimeSpan.FromHours(7), zone.BaseUtcOffset);
        Assert.False(zone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void TheWindowsZoneIsUsedWhenTheIanaOneIsMissing()
    {
        var windows = TimeZoneInfo.CreateCustomTimeZone("SE Asia Standard Time", TimeSpan.FromHours(7), "SE Asia", "SE Asia");

        var zone = DateTextPattern.ResolveJakarta(id => id == "SE Asia Standard Time" ? windows : null);

        Assert.Same(windows, zone);
    }

    [Fact]
    public void NeverThrowsOnCutOrMangledText()
    {
        string[] samples =
        [
            "Published Date: 24/04/2022 16:41:06 WIB", "12 Januari 2025 pukul 14.30 WITA", "2 hari yang lalu", "Kemarin, 14:30",
            "2022-04-24T09:41:06.250Z", "Mon May 31 14:29:28 2021", "dalam 3 hari", "24/04/2022 16:41 GMT+7", "9999-12-31 23:59:59 -14:00",
            "0001-01-01 00:00 +14:00", "99/99/9999 99:99:99", "00 Jan 0000", "4294967296 hari lalu",
        ];
        foreach (var sample in samples)
        {
            for (var start = 0; start < sample.Length; start++)
            {
                for (var end = start + 1; end <= sample.Length; end++)
                {
                    var text = sample[start..end];
                    var exception = Record.Exception(() => Indonesian.Parse(text, Now));
                    Assert.True(exception is null, $"'{text}' threw {exception}");
                }
            }
        }

        Assert.False(Indonesian.Parse("0001-01-01 00:00 +14:00", Now).Success);
        Assert.False(Indonesian.Parse("9999-12-31 23:59:59 -14:00", Now).Success);
    }

    private static void AssertParses(string text, string expected)
    {
        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);

        var result = Indonesian.Parse(text, Now);

        Assert.True(result.Success, result.ToString());
        Assert.Equal(want, result.Value);
        Assert.Equal(want.Offset, result.Value.Offset);
    }
}

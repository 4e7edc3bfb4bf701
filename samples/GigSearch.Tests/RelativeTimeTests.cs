using System.Globalization;

namespace GigSearch.Tests;

/// <summary>A listing's age, in English and in Bahasa Indonesia, read at 09:00 in Jakarta on the offline bundle's day.</summary>
public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("2026-11-20T09:00:00+07:00", "just now", "baru saja")]
    [InlineData("2026-11-20T08:59:01+07:00", "just now", "baru saja")]
    [InlineData("2026-11-20T08:59:00+07:00", "1 minute ago", "1 menit yang lalu")]
    [InlineData("2026-11-20T08:15:00+07:00", "45 minutes ago", "45 menit yang lalu")]
    [InlineData("2026-11-20T08:00:00+07:00", "1 hour ago", "1 jam yang lalu")]
    [InlineData("2026-11-20T05:01:00+07:00", "3 hours ago", "3 jam yang lalu")]

    // Less than a day ago is hours, even across midnight.
    [InlineData("2026-11-19T10:00:00+07:00", "23 hours ago", "23 jam yang lalu")]
    [InlineData("2026-11-19T08:00:00+07:00", "yesterday", "kemarin")]
    [InlineData("2026-11-19T00:00:00+07:00", "yesterday", "kemarin")]

    // Yesterday is the reader's calendar day: 20:00 UTC on the 18th is 03:00 on the 19th in Jakarta.
    [InlineData("2026-11-18T20:00:00+00:00", "yesterday", "kemarin")]
    [InlineData("2026-11-18T23:59:00+07:00", "2 days ago", "2 hari yang lalu")]
    [InlineData("2026-11-14T09:00:00+07:00", "6 days ago", "6 hari yang lalu")]
    [InlineData("2026-11-13T09:00:00+07:00", "1 week ago", "1 minggu yang lalu")]
    [InlineData("2026-10-31T09:00:00+07:00", "2 weeks ago", "2 minggu yang lalu")]
    [InlineData("2026-10-21T09:00:00+07:00", "4 weeks ago", "4 minggu yang lalu")]

    // Past a month, and in the future (a clock ahead of ours), the date says more; it reads the same in both.
    [InlineData("2026-10-11T09:00:00+07:00", "2026-10-11", "2026-10-11")]
    [InlineData("2026-11-20T10:00:00+07:00", "2026-11-20", "2026-11-20")]
    public void AnAgeReadsInTheLanguageGiven(string posted, string english, string indonesian)
    {
        var at = DateTimeOffset.Parse(posted, CultureInfo.InvariantCulture);

        Assert.Equal(english, RelativeTime.Describe(at, Now, CultureInfo.InvariantCulture));
        Assert.Equal(indonesian, RelativeTime.Describe(at, Now, CultureInfo.GetCultureInfo("id-ID")));
    }

    [Fact]
    public void NoDateReadsAsADash()
    {
        Assert.Equal("-", RelativeTime.Describe(null, Now, CultureInfo.GetCultureInfo("id-ID")));
    }

    // Indonesian is found from the language alone; a language GigSearch has no words for falls back to English.
    [Theory]
    [InlineData("id-ID", "2 jam yang lalu")]
    [InlineData("id", "2 jam yang lalu")]
    [InlineData("en-US", "2 hours ago")]
    [InlineData("en-GB", "2 hours ago")]
    [InlineData("fr-FR", "2 hours ago")]
    [InlineData("", "2 hours ago")]
    public void ALanguageWithoutItsOwnWordsReadsEnglish(string culture, string expected)
    {
        Assert.Equal(expected, RelativeTime.Describe(Now.AddHours(-2), Now, CultureInfo.GetCultureInfo(culture)));
    }
}

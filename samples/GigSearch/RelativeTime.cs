using System.Globalization;

namespace GigSearch;

/// <summary>"3 hours ago", "kemarin": a listing's age the way a freelancer reads it, in the language given.</summary>
internal static class RelativeTime
{
    public static string Describe(DateTimeOffset? when, DateTimeOffset now, CultureInfo language)
    {
        if (when is not { } at)
        {
            return "-";
        }

        var age = now - at;

        // "Yesterday" is a calendar day, on the clock of the one reading: a listing of 22:00 read at 09:00 is "11 hours
        // ago", one of 08:00 the day before is "yesterday", and one of 10:00 two days before is "2 days ago".
        var days = (now.Date - at.ToOffset(now.Offset).Date).Days;
        return age switch
        {
            { TotalSeconds: < 0 } => Date(at),
            { TotalMinutes: < 1 } => Words.Get(language, nameof(Strings.TimeJustNow)),
            { TotalMinutes: < 60 } => Count(language, (int)age.TotalMinutes, nameof(Strings.TimeMinuteAgo), nameof(Strings.TimeMinutesAgo)),
            { TotalHours: < 24 } => Count(language, (int)age.TotalHours, nameof(Strings.TimeHourAgo), nameof(Strings.TimeHoursAgo)),
            _ when days <= 1 => Words.Get(language, nameof(Strings.TimeYesterday)),
            _ when days < 7 => Words.Format(language, nameof(Strings.TimeDaysAgo), days),
            _ when days < 31 => Count(language, days / 7, nameof(Strings.TimeWeekAgo), nameof(Strings.TimeWeeksAgo)),

            // Past a month a date says more than "5 weeks ago"; ISO reads the same in every language.
            _ => Date(at),
        };
    }

    private static string Count(CultureInfo language, int n, string one, string many) =>
        n == 1 ? Words.Get(language, one) : Words.Format(language, many, n);

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace GigSearch;

/// <summary>"3 hours ago", the way a freelancer reads a listing's age.</summary>
internal static class RelativeTime
{
    public static string Describe(DateTimeOffset? when, DateTimeOffset now)
    {
        if (when is not { } at)
        {
            return "-";
        }

        var age = now - at;
        return age switch
        {
            { TotalSeconds: < 0 } => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            { TotalMinutes: < 1 } => "just now",
            { TotalMinutes: < 60 } => Plural((int)age.TotalMinutes, "minute"),
            { TotalHours: < 24 } => Plural((int)age.TotalHours, "hour"),
            { TotalDays: < 31 } => Plural((int)age.TotalDays, "day"),
            _ => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit} ago" : $"{n} {unit}s ago";
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FreelanceAggregator.Providers;

/// <summary>
/// Parses the dates marketplaces print, absolute or relative, in Indonesian or English: <c>12 Januari 2025</c>,
/// <c>12 Jan 2025</c>, <c>12 January 2025</c>, <c>January 12, 2025</c>, <c>24/04/2022 16:41:06 WIB</c>,
/// <c>2026-09-18 08:00:00</c>, <c>2 hari yang lalu</c>, <c>3 jam lalu</c>, <c>3 hours ago</c>, <c>kemarin</c>,
/// <c>yesterday</c>, <c>baru saja</c>. Create one per site, once; it is immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Relative forms are resolved against the clock given to <see cref="Parse(string?, TimeProvider)"/> (the provider's
/// injected <see cref="TimeProvider"/>), never the machine's. <c>kemarin</c>/<c>yesterday</c> is one day before now and
/// <c>hari ini</c>/<c>today</c> is now, unless a time of day follows (<c>kemarin 14:30</c>). A month or a year ago is a
/// calendar month or year in <see cref="TimeZone"/>.
/// </para>
/// <para>
/// A date with an offset keeps it: <c>WIB</c> is +07:00, <c>WITA</c> +08:00, <c>WIT</c> +09:00, and <c>UTC</c>, <c>GMT</c>,
/// <c>Z</c> and <c>+07:00</c> mean what they say. A date without one is a wall-clock time in <see cref="TimeZone"/>, and a
/// date without a time of day is its midnight there. A date without a year (<c>12 Jan</c>) takes the year that puts it
/// nearest to now, so both "posted" and "closes" dates come out right around New Year.
/// </para>
/// <para>
/// Indonesian and English month names and phrases are always understood, whatever the culture; the culture adds its own
/// month names and decides whether a numeric date is day first (<c>24/04/2022</c> in id-ID) or month first (en-US).
/// Words around a date (<c>Published Date:</c>, <c>Ditutup:</c>, <c>Posted</c>) are ignored.
/// </para>
/// </remarks>
public sealed partial class DateTextPattern
{
    private const string TimePart =
        @"(?:(?:T|\s*,?\s*(?:(?:pukul|pkl\.?|jam|at|@)\s*)?)(?<h>\d{1,2})[:.](?<mi>\d{2})(?:[:.](?<s>\d{2})(?<frac>\.\d{1,9})?)?(?:\s*(?<ampm>[AaPp]\.?[Mm]\.?)(?![\p{L}]))?)?";

    private const string ZonePart =
        @"(?:\s*(?<zone>WITA|WIB|WIT|UTC|GMT|Z)(?:(?<zsign>[+-])(?<zh>\d{1,2})(?::?(?<zm>\d{2}))?)?(?![\p{L}\d])|\s*(?<zsign>[+-])(?<zh>\d{2}):?(?<zm>\d{2})(?!\d))?";

    private static readonly (string Name, int Month)[] KnownMonths =
    [
        ("januari", 1), ("februari", 2), ("pebruari", 2), ("maret", 3), ("april", 4), ("mei", 5), ("juni", 6), ("juli", 7),
        ("agustus", 8), ("september", 9), ("oktober", 10), ("november", 11), ("nopember", 11), ("desember", 12),
        ("jan", 1), ("feb", 2), ("peb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("agu", 8), ("ags", 8), ("agt", 8),
        ("agust", 8), ("sep", 9), ("sept", 9), ("okt", 10), ("nov", 11), ("nop", 11), ("des", 12),
        ("january", 1), ("february", 2), ("march", 3), ("may", 5), ("june", 6), ("july", 7), ("august", 8), ("october", 10),
        ("december", 12), ("aug", 8), ("oct", 10), ("dec", 12),
    ];

    // IANA first (ICU on Linux and macOS, and Windows with .NET 8+), then the Windows id for UTC+07:00 without DST.
    private static readonly string[] JakartaZoneIds = ["Asia/Jakarta", "SE Asia Standard Time"];

    private static readonly Lazy<TimeZoneInfo> JakartaZone = new(() => ResolveJakarta(static id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null));

    private static readonly Lazy<DateTextPattern> IndonesianPattern = new(() => Create(IndonesianCulture(), Jakarta));

    private readonly Dictionary<string, int> _months;
    private readonly bool _monthFirst;

    private DateTextPattern(CultureInfo culture, TimeZoneInfo timeZone)
    {
        Culture = culture;
        TimeZone = timeZone;
        _monthFirst = culture.DateTimeFormat.ShortDatePattern.TrimStart().StartsWith('M');
        _months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, month) in KnownMonths)
        {
            _months[name] = month;
        }

        var format = culture.DateTimeFormat;
        foreach (var names in new[] { format.MonthNames, format.AbbreviatedMonthNames, format.MonthGenitiveNames, format.AbbreviatedMonthGenitiveNames })
        {
            for (var i = 0; i < 12 && i < names.Length; i++)
            {
                var key = names[i].Trim().TrimEnd('.').ToLowerInvariant();
                if (key.Length >= 3)
                {
                    _months.TryAdd(key, i + 1);
                }
            }
        }
    }

    /// <summary>
    /// Gets the Asia/Jakarta time zone (WIB, UTC+07:00): the system's zone when it has one (IANA <c>Asia/Jakarta</c>
    /// with ICU on Linux and macOS, and on Windows with .NET 8 or later; else Windows' <c>SE Asia Standard Time</c>),
    /// otherwise a fixed +07:00 zone, which is exact because Indonesia keeps no daylight saving time.
    /// </summary>
    public static TimeZoneInfo Jakarta => JakartaZone.Value;

    /// <summary>
    /// Gets a pattern for Indonesian sites: the id-ID culture (day-first numeric dates) and <see cref="Jakarta"/> for dates
    /// without an offset. Where the id-ID culture is missing (globalization-invariant mode), numeric dates are still read day first.
    /// </summary>
    public static DateTextPattern Indonesian => IndonesianPattern.Value;

    /// <summary>Gets the culture the dates are written in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Gets the zone of dates printed without an offset.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Creates a pattern for dates written in a culture.</summary>
    /// <param name="culture">The culture: it adds its month names and says whether numeric dates are day first.</param>
    /// <param name="timeZone">The zone of dates printed without an offset, usually the site's (e.g. <see cref="Jakarta"/>).</param>
    /// <returns>The pattern.</returns>
    public static DateTextPattern Create(CultureInfo culture, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(timeZone);
        return new DateTextPattern(culture, timeZone);
    }

    /// <summary>Creates a pattern that trusts no culture's month names; numeric dates are read month first, as the invariant culture writes them.</summary>
    /// <param name="timeZone">The zone of dates printed without an offset.</param>
    /// <returns>The pattern.</returns>
    public static DateTextPattern CreateWithInvariantCulture(TimeZoneInfo timeZone) => Create(CultureInfo.InvariantCulture, timeZone);

    /// <summary>Parses a date, resolving relative forms against a clock.</summary>
    /// <param name="text">The text, e.g. <c>3 jam lalu</c> or <c>Published Date: 24/04/2022 16:41:06 WIB</c>.</param>
    /// <param name="timeProvider">The clock (the provider's injected <see cref="TimeProvider"/>).</param>
    /// <returns>The moment, or why there is none.</returns>
    public TextParseResult<DateTimeOffset> Parse(string? text, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Parse(text, timeProvider.GetUtcNow());
    }

    /// <summary>Parses a date, resolving relative forms against <paramref name="now"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="now">The moment "ago" counts back from.</param>
    /// <returns>The moment, or why there is none.</returns>
    public TextParseResult<DateTimeOffset> Parse(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(TextParseErrorKind.Empty, text ?? string.Empty, "The date text is empty.");
        }

        return TryParseIso(text, now, out var iso) ? iso : ParseWithPatterns(text, now);
    }

    /// <summary>
    /// The fast path for a text that is nothing but an ISO 8601 date (<c>2023-09-05</c>, <c>2023-09-05T09:12:44.512+07:00</c>,
    /// <c>2025-10-16T06:06:47+0000</c>, <c>2026-09-18 08:00:00</c>, <c>…Z</c>): read without a regular expression, with the
    /// same answer <see cref="ParseWithPatterns"/> gives. Any other text, including an ISO date with anything around it,
    /// is left to the patterns.
    /// </summary>
    /// <remarks>
    /// The accepted form is <c>yyyy-MM-dd</c>, then optionally <c>T</c> or one space and <c>HH:mm</c>, <c>:ss</c> and
    /// <c>.f</c> (1 to 9 digits), then optionally <c>Z</c>, <c>±HH:mm</c> or <c>±HHmm</c>, and nothing else, in ASCII.
    /// For such a text the first match of <see cref="IsoDate"/> starts at its first character and takes every part, because
    /// each part of the pattern is greedy and nothing after the zone can fail; so the fields read here are the groups the
    /// pattern captures, and <see cref="Build(string, int?, int, int, in Clock, in Zone, DateTimeOffset)"/> checks and
    /// combines them the same way for both.
    /// </remarks>
    internal bool TryParseIso(string text, DateTimeOffset now, out TextParseResult<DateTimeOffset> result)
    {
        result = null!;
        var s = text.AsSpan();
        if (s.Length < 10 || !TryDigits(s, 0, 4, out var year) || s[4] != '-' || !TryDigits(s, 5, 2, out var month) || s[7] != '-' || !TryDigits(s, 8, 2, out var day))
        {
            return false;
        }

        var i = 10;
        var clock = default(Clock);
        if (i < s.Length && s[i] is 'T' or ' ')
        {
            if (s.Length < i + 6 || !TryDigits(s, i + 1, 2, out var hour) || s[i + 3] != ':' || !TryDigits(s, i + 4, 2, out var minute))
            {
                return false;
            }

            i += 6;
            var second = 0;
            long fractionTicks = 0;
            if (i < s.Length && s[i] == ':')
            {
                if (!TryDigits(s, i + 1, 2, out second))
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && s[i] == '.')
                {
                    var digits = 0;
                    while (i + 1 + digits < s.Length && char.IsAsciiDigit(s[i + 1 + digits]))
                    {
                        // Ticks are 10^-7 s; the pattern's path turns the fraction into ticks by truncating, as this does.
                        if (digits < 7)
                        {
                            fractionTicks = (fractionTicks * 10) + (s[i + 1 + digits] - '0');
                        }

                        digits++;
                    }

                    if (digits is < 1 or > 9)
                    {
                        return false;
                    }

                    for (var pad = digits; pad < 7; pad++)
                    {
                        fractionTicks *= 10;
                    }

                    i += 1 + digits;
                }
            }

            clock = new Clock(true, hour, minute, second, null, TimeSpan.FromTicks(fractionTicks));
        }

        var zone = default(Zone);
        if (i < s.Length)
        {
            if (s[i] == 'Z' && i + 1 == s.Length)
            {
                zone = new Zone("Z", null, 0, 0);
            }
            else if (s[i] is '+' or '-' && TryDigits(s, i + 1, 2, out var zoneHours)
                && (s.Length - i == 5 ? TryDigits(s, i + 3, 2, out var zoneMinutes) : s.Length - i == 6 && s[i + 3] == ':' && TryDigits(s, i + 4, 2, out zoneMinutes)))
            {
                zone = new Zone(string.Empty, s[i], zoneHours, zoneMinutes);
            }
            else
            {
                return false;
            }
        }

        result = Build(text, year, month, day, clock, zone, now);
        return true;
    }

    /// <summary>Parses a non-empty text with the regular expressions alone, without the ISO fast path of <see cref="TryParseIso"/>.</summary>
    internal TextParseResult<DateTimeOffset> ParseWithPatterns(string text, DateTimeOffset now)
    {
        var normalized = Normalize(text);

        var iso = IsoDate().Match(normalized);
        if (iso.Success)
        {
            return Build(text, Int(iso, "y"), Int(iso, "m"), Int(iso, "d"), iso, now);
        }

        var numeric = NumericDate().Match(normalized);
        if (numeric.Success)
        {
            var (a, b) = (Int(numeric, "a"), Int(numeric, "b"));
            return Build(text, Int(numeric, "y"), _monthFirst ? a : b, _monthFirst ? b : a, numeric, now);
        }

        for (var ctime = CTimeDate().Match(normalized); ctime.Success; ctime = ctime.NextMatch())
        {
            if (MonthOf(ctime) is { } month)
            {
                return Build(text, Int(ctime, "y"), month, Int(ctime, "d"), ctime, now);
            }
        }

        for (var dayMonth = DayMonthDate().Match(normalized); dayMonth.Success; dayMonth = dayMonth.NextMatch())
        {
            if (MonthOf(dayMonth) is { } month)
            {
                return Build(text, YearOrNull(dayMonth), month, Int(dayMonth, "d"), dayMonth, now);
            }
        }

        for (var monthDay = MonthDayDate().Match(normalized); monthDay.Success; monthDay = monthDay.NextMatch())
        {
            if (MonthOf(monthDay) is { } month)
            {
                return Build(text, YearOrNull(monthDay), month, Int(monthDay, "d"), monthDay, now);
            }
        }

        var relative = RelativeAgo().Match(normalized);
        var future = relative.Success ? !IsPast(relative.Groups["dir"].Value) : false;
        if (!relative.Success)
        {
            relative = RelativeIn().Match(normalized);
            future = true;
        }

        if (relative.Success)
        {
            return Shift(text, relative, future, now);
        }

        var word = DayWord().Match(normalized);
        if (word.Success)
        {
            return FromDayWord(text, word, now);
        }

        return Fail(
            TextParseErrorKind.Unrecognized,
            text,
            $"'{text}' is not a date in a known form (such as 12 Januari 2025, 24/04/2022 16:41 WIB, 3 jam lalu, 2 days ago or kemarin).");
    }

    internal static TimeZoneInfo ResolveJakarta(Func<string, TimeZoneInfo?> find)
    {
        foreach (var id in JakartaZoneIds)
        {
            if (find(id) is { } zone)
            {
                return zone;
            }
        }

        return TimeZoneInfo.CreateCustomTimeZone("Asia/Jakarta", TimeSpan.FromHours(7), "(UTC+07:00) Jakarta", "WIB");
    }

    // In globalization-invariant mode no named culture exists; a copy of the invariant culture that writes dates day
    // first keeps "24/04/2022" meaning 24 April there too.
    private static CultureInfo IndonesianCulture()
    {
        try
        {
            return CultureInfo.GetCultureInfo("id-ID");
        }
        catch (CultureNotFoundException)
        {
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
            return CultureInfo.ReadOnly(culture);
        }
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '\u00A0' or '\u202F' or '\u2009' or '\t' or '\r' or '\n' ? ' ' : c);
        }

        return builder.ToString();
    }

    private static int Int(Match match, string group) =>
        int.TryParse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private static int? YearOrNull(Match match) => match.Groups["y"].Success ? Int(match, "y") : null;

    private static bool IsPast(string direction) => direction.Length == 0 || direction.EndsWith("lalu", StringComparison.OrdinalIgnoreCase)
        || direction.Equals("ago", StringComparison.OrdinalIgnoreCase) || direction.Equals("silam", StringComparison.OrdinalIgnoreCase);

    private int? MonthOf(Match match) =>
        _months.TryGetValue(match.Groups["mon"].Value.ToLowerInvariant(), out var month) ? month : null;

    private TextParseResult<DateTimeOffset> Build(string text, int? year, int month, int day, Match match, DateTimeOffset now) =>
        Build(text, year, month, day, ClockOf(match), ZoneOf(match), now);

    private TextParseResult<DateTimeOffset> Build(string text, int? year, int month, int day, in Clock clock, in Zone zone, DateTimeOffset now)
    {
        if (!TryTimeOfDay(clock, out var time))
        {
            return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' has a time of day that does not exist.");
        }

        if (!TryOffset(zone, out var offset))
        {
            return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' has an offset beyond ±14 hours.");
        }

        DateTime local;
        if (year is { } y)
        {
            if (!TryDate(y, month, day, out local))
            {
                return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' names a day that does not exist.");
            }
        }
        else if (!TryNearestYear(month, day, offset is { } o ? now.ToOffset(o).DateTime : TimeZoneInfo.ConvertTime(now, TimeZone).DateTime, out local))
        {
            return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' names a day that does not exist.");
        }

        local += time;
        try
        {
            return TextParseResult<DateTimeOffset>.ForValue(new DateTimeOffset(local, offset ?? TimeZone.GetUtcOffset(local)));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' is out of the range of dates.");
        }
    }

    private static bool TryDate(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TryNearestYear(int month, int day, DateTime today, out DateTime date)
    {
        date = default;
        var found = false;
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (TryDate(year, month, day, out var candidate) && (!found || Math.Abs((candidate - today).Ticks) < Math.Abs((date - today).Ticks)))
            {
                date = candidate;
                found = true;
            }
        }

        return found;
    }

    // The time-of-day groups of a match (Present is false when it has none).
    private static Clock ClockOf(Match match)
    {
        if (!match.Groups["h"].Success)
        {
            return default;
        }

        var second = match.Groups["s"].Success ? Int(match, "s") : 0;
        var fraction = TimeSpan.Zero;
        if (match.Groups["frac"] is { Success: true } frac)
        {
            // \d takes any Unicode digit: a fraction in other digits makes the time unreadable, as Int does for the
            // other groups, instead of an exception.
            if (decimal.TryParse("0" + frac.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            {
                fraction = TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
            }
            else
            {
                second = -1;
            }
        }

        var ampm = match.Groups["ampm"].Success ? match.Groups["ampm"].Value[0] : (char?)null;
        return new Clock(true, Int(match, "h"), Int(match, "mi"), second, ampm, fraction);
    }

    private static Zone ZoneOf(Match match) => new(
        match.Groups["zone"].Value,
        match.Groups["zsign"].Success ? match.Groups["zsign"].Value[0] : null,
        match.Groups["zsign"].Success ? Int(match, "zh") : 0,
        match.Groups["zm"].Success ? Int(match, "zm") : 0);

    private static bool TryTimeOfDay(in Clock clock, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        if (!clock.Present)
        {
            return true;
        }

        var (hour, minute, second) = (clock.Hour, clock.Minute, clock.Second);
        if (clock.AmPm is { } ampm)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var pm = char.ToUpperInvariant(ampm) == 'P';
            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        time = new TimeSpan(hour, minute, second) + clock.Fraction;
        return true;
    }

    private static bool TryOffset(in Zone zone, out TimeSpan? offset)
    {
        offset = zone.Name?.ToUpperInvariant() switch
        {
            "WIB" => TimeSpan.FromHours(7),
            "WITA" => TimeSpan.FromHours(8),
            "WIT" => TimeSpan.FromHours(9),
            "UTC" or "GMT" or "Z" => TimeSpan.Zero,
            _ => null,
        };
        if (zone.Sign is { } sign)
        {
            var (hours, minutes) = (zone.Hours, zone.Minutes);
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            var shift = new TimeSpan(hours, minutes, 0);
            offset = (offset ?? TimeSpan.Zero) + (sign == '-' ? -shift : shift);
        }

        return offset is not { } o || o.Duration() <= TimeSpan.FromHours(14);
    }

    // Reads exactly `count` ASCII digits at `start`.
    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private TextParseResult<DateTimeOffset> Shift(string text, Match match, bool future, DateTimeOffset now)
    {
        var count = match.Groups["n"].Success && match.Groups["n"].Value.Length > 0 && char.IsAsciiDigit(match.Groups["n"].Value[0]) ? Int(match, "n") : 1;
        if (count < 0)
        {
            return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' counts too far back.");
        }

        var n = future ? count : -count;
        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        try
        {
            var value = match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "detik" or "s" or "sec" or "secs" or "second" or "seconds" => local.AddSeconds(n),
                "menit" or "m" or "min" or "mins" or "minute" or "minutes" => local.AddMinutes(n),
                "jam" or "h" or "hr" or "hrs" or "hour" or "hours" => local.AddHours(n),
                "hari" or "d" or "day" or "days" => local.AddDays(n),
                "minggu" or "pekan" or "w" or "week" or "weeks" => local.AddDays(n * 7.0),
                "bulan" or "mo" or "month" or "months" => local.AddMonths(n),
                _ => local.AddYears(n),
            };
            return TextParseResult<DateTimeOffset>.ForValue(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' counts beyond the range of dates.");
        }
    }

    private TextParseResult<DateTimeOffset> FromDayWord(string text, Match match, DateTimeOffset now)
    {
        var days = string.Join(' ', match.Groups["w"].Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) switch
        {
            "kemarin lusa" => -2,
            "kemarin" or "yesterday" => -1,
            "besok" or "tomorrow" => 1,
            "lusa" => 2,
            _ => 0,
        };
        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        try
        {
            if (!match.Groups["h"].Success)
            {
                return TextParseResult<DateTimeOffset>.ForValue(local.AddDays(days));
            }

            if (!TryTimeOfDay(ClockOf(match), out var time))
            {
                return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' has a time of day that does not exist.");
            }

            var day = local.Date.AddDays(days) + time;
            return TextParseResult<DateTimeOffset>.ForValue(new DateTimeOffset(day, TimeZone.GetUtcOffset(day)));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Fail(TextParseErrorKind.OutOfRange, text, $"'{text}' is out of the range of dates.");
        }
    }

    private static TextParseResult<DateTimeOffset> Fail(TextParseErrorKind kind, string text, string message) =>
        TextParseResult<DateTimeOffset>.ForError(kind, text, message);

    // A time of day as written: Present is false for a date without one.
    private readonly record struct Clock(bool Present, int Hour, int Minute, int Second, char? AmPm, TimeSpan Fraction);

    // An offset as written: a zone name (WIB, UTC, Z or empty), then an optional sign with hours and minutes.
    private readonly record struct Zone(string? Name, char? Sign, int Hours, int Minutes);

    // 2026-09-18 08:00:00, 2022-04-24T16:41:06+07:00, 2025/01/12.
    [GeneratedRegex(@"(?<![\d/.\-])(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d)" + TimePart + ZonePart, RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    // 24/04/2022 16:41:06 WIB, 24-04-2022, 24.04.2022 16.41.
    [GeneratedRegex(@"(?<![\d/.\-])(?<a>\d{1,2})(?<sep>[/.\-])(?<b>\d{1,2})\k<sep>(?<y>\d{4})(?!\d)" + TimePart + ZonePart, RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    // Mon May 31 14:29:28 2021 (C's ctime, on Projects.co.id's community pages).
    [GeneratedRegex(@"(?<![\p{L}\d])(?<mon>\p{L}{3,10})\.?\s+(?<d>\d{1,2})\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?" + ZonePart + @"\s+(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CTimeDate();

    // 12 Januari 2025, 12 Jan 2025, 12-Jan-2025, 12 January 2025 14:30 WIB, 13 April (no year).
    [GeneratedRegex(@"(?<![\p{L}\d])(?<d>\d{1,2})(?!\d)(?:st|nd|rd|th)?\.?[\s\-/]*(?<mon>\p{L}{3,10})(?![\p{L}])\.?(?:[\s,\-/]+(?<y>\d{4})(?!\d))?" + TimePart + ZonePart, RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthDate();

    // January 12, 2025; Jan 12 2025; May 31.
    [GeneratedRegex(@"(?<![\p{L}\d])(?<mon>\p{L}{3,10})\.?\s+(?<d>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4})(?!\d))?" + TimePart + ZonePart, RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayDate();

    // 2 hari yang lalu, 3 jam lalu, sejam lalu, 3 hours ago, an hour ago, 5m ago, 2 minggu lagi.
    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:(?<n>\d{1,9})\s*|(?<n>an?|one|satu)\s+|se)(?<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|mo|[smhdwy])(?![\p{L}])\s*(?<dir>(?:yang|yg)\s+lalu|lalu|ago|silam|lagi|from\s+now)(?![\p{L}])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RelativeAgo();

    // dalam 3 hari, in 2 days.
    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:dalam|in)\s+(?:(?<n>\d{1,9})\s*|(?<n>an?|one|satu)\s+|se)(?<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)(?![\p{L}])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RelativeIn();

    // baru saja, just now, kemarin, yesterday, hari ini, today, optionally with a time of day.
    [GeneratedRegex(
        @"(?<![\p{L}])(?<w>baru\s+saja|barusan|just\s+now|right\s+now|a\s+moment\s+ago|moments\s+ago|(?:a\s+)?few\s+seconds\s+ago|beberapa\s+(?:saat|detik)\s+(?:(?:yang|yg)\s+)?lalu|kemarin\s+lusa|kemarin|yesterday|hari\s+ini|today|besok|tomorrow|lusa)(?![\p{L}])" + TimePart,
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayWord();
}

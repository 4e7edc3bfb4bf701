using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GigSearch;

/// <summary>Puts the words System.CommandLine writes into --help itself (section titles, "[options]", "[default: 60]") in GigSearch's language.</summary>
/// <remarks>
/// Only whole title lines and the usage line's end are replaced, so a description that mentions "Options:" is left as it
/// is. In English every replacement is the same text.
/// </remarks>
internal static partial class HelpText
{
    public static string InLanguage(string help, CultureInfo language)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Description:"] = Words.Get(language, nameof(Strings.HelpTitleDescription)),
            ["Usage:"] = Words.Get(language, nameof(Strings.HelpTitleUsage)),
            ["Arguments:"] = Words.Get(language, nameof(Strings.HelpTitleArguments)),
            ["Options:"] = Words.Get(language, nameof(Strings.HelpTitleOptions)),
        };
        var written = new StringBuilder(help.Length);
        var previous = string.Empty;
        foreach (var raw in help.Split('\n'))
        {
            var end = raw.EndsWith('\r') ? "\r" : string.Empty;
            var line = raw.TrimEnd('\r');
            if (titles.TryGetValue(line, out var title))
            {
                line = title;
            }
            else if (previous == "Usage:" && line.EndsWith(" [options]", StringComparison.Ordinal))
            {
                line = line[..^"[options]".Length] + Words.Get(language, nameof(Strings.HelpUsageOptions));
            }
            else
            {
                line = DefaultValue().Replace(line, m => Words.Format(language, nameof(Strings.HelpDefault), m.Groups["value"].Value));
            }

            previous = raw.TrimEnd('\r');
            written.Append(line).Append(end).Append('\n');
        }

        // Split leaves one piece after the last line break; the loop gave it a line break of its own.
        written.Length--;
        return written.ToString();
    }

    [GeneratedRegex(@"\[default: (?<value>[^\]]*)\]$")]
    private static partial Regex DefaultValue();
}

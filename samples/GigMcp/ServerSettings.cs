using System.Globalization;
using FreelanceAggregator;

namespace GigMcp;

/// <summary>What the command line (the assistant's configuration) set. Secrets are never among them: they come from the environment.</summary>
internal sealed record ServerSettings
{
    public const string Usage = """
        GigMcp: FreelanceAggregator as MCP tools, over stdio (started by an AI assistant, not by hand).

        Usage: GigMcp [--offline] [--currency CODE] [--store FILE] [--subscriber NAME] [--timeout SECONDS]

          --offline          search the bundled recorded pages of every site, not the live sites
          --currency CODE    the currency budgets are converted to when a search names none (default USD)
          --store FILE       the SQLite watch store (default: watches.db in the user's FreelanceAggregator folder)
          --subscriber NAME  whose watches and alerts the tools manage (default: the user name)
          --timeout SECONDS  how long one site may take in a search (default 60)

        Credentials come only from the environment: UPWORK_ACCESS_TOKEN (or UPWORK_CLIENT_ID, UPWORK_CLIENT_SECRET and
        UPWORK_REFRESH_TOKEN or UPWORK_REFRESH_TOKEN_FILE), MICROWORKERS_SESSION, FREELANCER_OAUTH_TOKEN.
        Standard output carries only the protocol; logs go to standard error.
        """;

    public bool Offline { get; init; }

    /// <summary>Gets the moment the offline bundle stands for, once its servers run; null for the live sites.</summary>
    public DateTimeOffset? OfflineRecordedAt { get; init; }

    public Currency Currency { get; init; } = Currency.USD;

    public string StorePath { get; init; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "FreelanceAggregator",
        "watches.db");

    public string Subscriber { get; init; } = Environment.UserName is { Length: > 0 } user ? user : "me";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public bool Help { get; init; }

    /// <summary>Reads the arguments; <paramref name="error"/> names the bad one.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out ServerSettings settings, out string? error)
    {
        settings = new ServerSettings();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--offline":
                    settings = settings with { Offline = true };
                    continue;
                case "-h" or "--help" or "-?":
                    settings = settings with { Help = true };
                    continue;
            }

            if (arg is not ("--currency" or "--store" or "--subscriber" or "--timeout"))
            {
                error = $"Unknown argument '{arg}'.";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"'{arg}' needs a value.";
                return false;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--currency" when Currency.TryFromCode(value, out var currency):
                    settings = settings with { Currency = currency };
                    break;
                case "--currency":
                    error = $"--currency '{value}' is not an ISO 4217 currency code (e.g. USD, IDR, EUR).";
                    return false;
                case "--store":
                    settings = settings with { StorePath = Path.GetFullPath(value) };
                    break;
                case "--subscriber" when !string.IsNullOrWhiteSpace(value):
                    settings = settings with { Subscriber = value.Trim() };
                    break;
                case "--subscriber":
                    error = "--subscriber needs a name.";
                    return false;
                case "--timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600:
                    settings = settings with { Timeout = TimeSpan.FromSeconds(seconds) };
                    break;
                default:
                    error = $"--timeout '{value}' is not a whole number of seconds from 1 to 3600.";
                    return false;
            }
        }

        return true;
    }
}

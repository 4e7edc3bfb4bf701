using System.CommandLine;
using GigSearch;

var queryArgument = new Argument<string>("query")
{
    Description = "What to find, in the one-line query syntax: words, \"phrases\", -excluded, and filters such as "
        + "budget:<=1000000IDR type:fixed posted:<7d site:fiverr,upwork kind:service skill:react country:ID payment:verified "
        + "rating:>=4.5 proposals:<=10 currency:IDR sort:newest limit:20.",
    DefaultValueFactory = _ => string.Empty,
};
queryArgument.Validators.Add(result =>
{
    // The query takes single-dash exclusions (-wordpress); a double dash is always a mistyped option.
    if (result.Tokens is [{ Value: var value }] && value.StartsWith("--", StringComparison.Ordinal))
    {
        result.AddError($"Unknown option '{value}'.");
    }
});
var providersOption = new Option<string?>("--providers", "-p") { Description = "Sites to search, comma-separated (default: all). Known: " + string.Join(", ", Sites.All.Select(s => s.Name)) + "." };
var currencyOption = new Option<string?>("--currency", "-c") { Description = "Currency to show budgets in (ISO 4217, e.g. IDR, USD)." };
var limitOption = new Option<int?>("--limit", "-n") { Description = "Results wanted from each site (default 50)." };
var sortOption = new Option<string?>("--sort", "-s") { Description = "Order: relevance, newest, budget-high, budget-low or proposals." };
var jsonOption = new Option<FileInfo?>("--json") { Description = "Also write every result, with all fields and each site's outcome, to this JSON file." };
var csvOption = new Option<FileInfo?>("--csv") { Description = "Also write the results' main columns to this CSV file." };
var offlineOption = new Option<bool>("--offline") { Description = "Search the recorded pages bundled with GigSearch instead of the live sites (no network needed)." };
var timeoutOption = new Option<int>("--timeout") { Description = "Seconds each site may take.", DefaultValueFactory = _ => 60 };
var liveRatesOption = new Option<bool>("--live-rates") { Description = "Use the ECB's live daily rates (cached; the embedded snapshot when unreachable) instead of the embedded snapshot." };
var rateOption = new Option<string[]>("--rate") { Description = "A fixed exchange rate to use first, e.g. --rate USD/IDR=14400 (repeatable).", AllowMultipleArgumentsPerToken = false };
var cultureOption = new Option<string?>("--culture") { Description = "Culture for amounts, e.g. id-ID shows Rp 72.000 (default: the system's)." };
var verboseOption = new Option<bool>("--verbose", "-v") { Description = "Log what each site does to standard error." };

var root = new RootCommand(
    """
    Search freelance marketplaces at once and see one list: Upwork, Fiverr, Freelancer.com, Freelancer.co.id, Sribulancer, Projects.co.id.

    Examples:
      gigsearch --offline "logo design"
      gigsearch --offline "logo design budget:<=1000000IDR posted:<7d" --currency IDR
      gigsearch "react developer type:hourly payment:verified" --currency IDR --sort newest
      gigsearch "logo kind:service rating:>=4.8" -p fiverr --csv logos.csv
      gigsearch "terjemahan" -p sribulancer,projects.co.id --json out.json
    (from the repository: dotnet run --project samples/GigSearch -- --offline "logo design")

    --offline searches pages bundled with GigSearch, recorded for a "logo design" search on the date it prints, from a
    local server: no network needed, and Upwork gets a stand-in token. Without it, the live sites are searched.

    Live Upwork searches need an OAuth2 token: set UPWORK_ACCESS_TOKEN, or UPWORK_CLIENT_ID, UPWORK_CLIENT_SECRET and
    UPWORK_REFRESH_TOKEN (or UPWORK_REFRESH_TOKEN_FILE, a file that holds it and receives each new one). Freelancer
    needs none; FREELANCER_OAUTH_TOKEN, if set, searches as that user.

    Exit codes: 0 when at least one site answered, 1 when every site failed, 2 for bad arguments.
    """)
{
    queryArgument, providersOption, currencyOption, limitOption, sortOption, jsonOption, csvOption, offlineOption,
    timeoutOption, liveRatesOption, rateOption, cultureOption, verboseOption,
};

root.SetAction((parsed, cancellationToken) => SearchCommand.RunAsync(
    new SearchSettings(
        parsed.GetValue(queryArgument) ?? string.Empty,
        parsed.GetValue(providersOption),
        parsed.GetValue(currencyOption),
        parsed.GetValue(limitOption),
        parsed.GetValue(sortOption),
        parsed.GetValue(jsonOption),
        parsed.GetValue(csvOption),
        parsed.GetValue(offlineOption),
        parsed.GetValue(timeoutOption),
        parsed.GetValue(liveRatesOption),
        parsed.GetValue(rateOption) ?? [],
        parsed.GetValue(cultureOption),
        parsed.GetValue(verboseOption)),
    cancellationToken));

var result = root.Parse(args);
if (result.Errors.Count > 0)
{
    // Bad arguments exit with 2 and name the bad part, as a script calling GigSearch expects.
    foreach (var error in result.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("Run with --help for the options and examples.");
    return ExitCodes.BadArguments;
}

return await result.InvokeAsync();

using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using GigSearch;

// GigSearch speaks the language of --culture, or the system's UI language without it. Until --culture is read (below)
// that is the system's.
var language = CultureInfo.CurrentUICulture;

var queryArgument = new Argument<string>("query") { DefaultValueFactory = _ => string.Empty };
queryArgument.Validators.Add(result =>
{
    // The query takes single-dash exclusions (-wordpress); a double dash is always a mistyped option.
    if (result.Tokens is [{ Value: var value }] && value.StartsWith("--", StringComparison.Ordinal))
    {
        result.AddError(Words.Format(language, nameof(Strings.ErrorUnknownOption), value));
    }
});
var providersOption = new Option<string?>("--providers", "-p");
var currencyOption = new Option<string?>("--currency", "-c");
var limitOption = new Option<int?>("--limit", "-n");
var sortOption = new Option<string?>("--sort", "-s");
var jsonOption = new Option<FileInfo?>("--json");
var csvOption = new Option<FileInfo?>("--csv");
var offlineOption = new Option<bool>("--offline");
var timeoutOption = new Option<int>("--timeout") { DefaultValueFactory = _ => 60 };
var liveRatesOption = new Option<bool>("--live-rates");
var rateOption = new Option<string[]>("--rate") { AllowMultipleArgumentsPerToken = false };
var cultureOption = new Option<string?>("--culture");
var verboseOption = new Option<bool>("--verbose", "-v");

var root = new RootCommand
{
    queryArgument, providersOption, currencyOption, limitOption, sortOption, jsonOption, csvOption, offlineOption,
    timeoutOption, liveRatesOption, rateOption, cultureOption, verboseOption,
};

// The descriptions are --help's text, so they are written once the language is known: a first parse of the same
// arguments reads --culture the way the real one will.
language = Words.Language(root.Parse(args).GetValue(cultureOption));

// The one message that comes from deep inside a provider (Upwork's token callback) has no language passed to it and
// reads the UI culture; so does System.CommandLine for its own messages.
CultureInfo.CurrentUICulture = CultureInfo.DefaultThreadCurrentUICulture = language;

root.Description = Words.Get(language, nameof(Strings.HelpRoot));
queryArgument.Description = Words.Get(language, nameof(Strings.HelpQuery));
providersOption.Description = Words.Format(language, nameof(Strings.HelpProviders), string.Join(", ", Sites.All.Select(s => s.Name)));
currencyOption.Description = Words.Get(language, nameof(Strings.HelpCurrency));
limitOption.Description = Words.Get(language, nameof(Strings.HelpLimit));
sortOption.Description = Words.Get(language, nameof(Strings.HelpSort));
jsonOption.Description = Words.Get(language, nameof(Strings.HelpJson));
csvOption.Description = Words.Get(language, nameof(Strings.HelpCsv));
offlineOption.Description = Words.Get(language, nameof(Strings.HelpOffline));
timeoutOption.Description = Words.Get(language, nameof(Strings.HelpTimeout));
liveRatesOption.Description = Words.Get(language, nameof(Strings.HelpLiveRates));
rateOption.Description = Words.Get(language, nameof(Strings.HelpRate));
cultureOption.Description = Words.Get(language, nameof(Strings.HelpCulture));
verboseOption.Description = Words.Get(language, nameof(Strings.HelpVerbose));
foreach (var option in root.Options)
{
    option.Description = option switch
    {
        HelpOption => Words.Get(language, nameof(Strings.HelpHelp)),
        VersionOption => Words.Get(language, nameof(Strings.HelpVersion)),
        _ => option.Description,
    };
}

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
    language,
    cancellationToken));

var result = root.Parse(args);
if (result.Action is HelpAction)
{
    // System.CommandLine has no Indonesian for its own section titles ("Options:"); the help is written to a buffer and
    // those few words are put in GigSearch's language.
    using var help = new StringWriter(CultureInfo.InvariantCulture);
    var exitCode = result.Invoke(new InvocationConfiguration { Output = help });
    Console.Out.Write(HelpText.InLanguage(help.ToString(), language));
    return exitCode;
}

if (result.Errors.Count > 0)
{
    // Bad arguments exit with 2 and name the bad part, as a script calling GigSearch expects.
    foreach (var error in result.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine(Words.Get(language, nameof(Strings.ErrorSeeHelp)));
    return ExitCodes.BadArguments;
}

return await result.InvokeAsync();

using System.Globalization;
using FreelanceAggregator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace GigSearch;

internal static class ExitCodes
{
    public const int AtLeastOneSiteAnswered = 0;
    public const int EverySiteFailed = 1;
    public const int BadArguments = 2;
}

internal sealed record SearchSettings(
    string Query,
    string? Providers,
    string? Currency,
    int? Limit,
    string? Sort,
    FileInfo? Json,
    FileInfo? Csv,
    bool Offline,
    int TimeoutSeconds,
    bool LiveRates,
    string[] Rates,
    string? Culture,
    bool Verbose);

internal static class SearchCommand
{
    /// <param name="settings">What the command line asked for.</param>
    /// <param name="language">The language GigSearch's own words are in (<see cref="Words.Language"/>); the library's messages stay English.</param>
    /// <param name="cancellationToken">Stops the search (Ctrl+C).</param>
    public static async Task<int> RunAsync(SearchSettings settings, CultureInfo language, CancellationToken cancellationToken)
    {
        IRenderer renderer = Console.IsOutputRedirected
            ? new PlainRenderer(Console.Out, Console.Error, language)
            : new InteractiveRenderer(AnsiConsole.Console, language);

        if (!TryBuildQuery(settings, language, out var query, out var sites, out var culture, out var rates, out var problem))
        {
            Console.Error.WriteLine(problem);
            return ExitCodes.BadArguments;
        }

        OfflineBundle? bundle = null;
        OfflineSites? offline = null;
        try
        {
            if (settings.Offline)
            {
                bundle = OfflineBundle.Load();
                offline = new OfflineSites(sites, bundle);
                renderer.Note(Words.Format(
                    language,
                    nameof(Strings.NoteOffline),
                    bundle.RecordedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)));
            }

            await using var aggregator = GigAggregator.Create(
                builder =>
                {
                    foreach (var site in sites)
                    {
                        site.Register(builder, offline?.BaseAddressOf(site.Name));
                    }

                    if (rates.Count > 0)
                    {
                        builder.UseFixedExchangeRates([.. rates]);
                    }
                    else if (settings.LiveRates)
                    {
                        builder.UseLiveEcbExchangeRates();
                    }

                    if (bundle is not null)
                    {
                        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new RecordedTimeProvider(bundle.RecordedAt)));
                    }

                    builder.Services.AddLogging(logging =>
                    {
                        logging.ClearProviders();
                        if (settings.Verbose)
                        {
                            logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug);
                            logging.AddFilter("System.Net.Http", LogLevel.Warning);
                        }
                    });
                },
                options =>
                {
                    options.Currency = settings.Currency?.ToUpperInvariant();
                    options.ProviderTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
                });

            var result = await renderer.RunAsync(
                [.. sites.Select(s => s.Name)],
                progress => aggregator.SearchAllAsync(query, progress, cancellationToken));
            renderer.Results(result, bundle is null ? DateTimeOffset.Now : new RecordedTimeProvider(bundle.RecordedAt).GetUtcNow(), culture);

            if (settings.Json is { } json)
            {
                await Exporters.WriteJsonAsync(json.FullName, result, cancellationToken);
                renderer.Note(Words.Format(language, nameof(Strings.NoteWrote), Display.Gigs(result.Gigs.Count, language), json.FullName));
            }

            if (settings.Csv is { } csv)
            {
                await Exporters.WriteCsvAsync(csv.FullName, result, cancellationToken);
                renderer.Note(Words.Format(language, nameof(Strings.NoteWrote), Display.Gigs(result.Gigs.Count, language), csv.FullName));
            }

            return result.AnySucceeded ? ExitCodes.AtLeastOneSiteAnswered : ExitCodes.EverySiteFailed;
        }
        catch (ArgumentException ex)
        {
            // The query named something the aggregator cannot use (an unknown site, an empty budget range).
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.BadArguments;
        }
        catch (OptionsValidationException ex)
        {
            // A provider's settings are invalid (e.g. only some of the Upwork variables are set): the message names the
            // provider and the values, and nothing was sent.
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.BadArguments;
        }
        catch (ExchangeRateNotFoundException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.BadArguments;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            renderer.Error(Words.Get(language, nameof(Strings.NoteCancelled)));
            return ExitCodes.EverySiteFailed;
        }
        finally
        {
            offline?.Dispose();
        }
    }

    private static bool TryBuildQuery(
        SearchSettings settings,
        CultureInfo language,
        out GigQuery query,
        out IReadOnlyList<Site> sites,
        out CultureInfo culture,
        out List<ExchangeRate> rates,
        out string problem)
    {
        query = new GigQuery();
        sites = Sites.All;
        culture = CultureInfo.CurrentCulture;
        rates = [];
        problem = string.Empty;

        if (!GigQuery.TryParse(settings.Query, out var parsed, out var error))
        {
            problem = Words.Format(language, nameof(Strings.ErrorBadQuery), error);
            return false;
        }

        query = parsed;
        if (settings.Providers is { } list)
        {
            query = query with { Providers = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
        }

        if (query.Providers is { Count: > 0 } names)
        {
            var unknown = names.Where(n => Sites.Find(n) is null).ToList();
            if (unknown.Count > 0)
            {
                problem = Words.Format(language, nameof(Strings.ErrorUnknownSite), string.Join("', '", unknown), string.Join(", ", Sites.All.Select(s => s.Name)));
                return false;
            }

            sites = [.. names.Select(n => Sites.Find(n)!)];
        }

        if (settings.Currency is { } code)
        {
            if (!FreelanceAggregator.Currency.TryFromCode(code, out var target))
            {
                problem = Words.Format(language, nameof(Strings.ErrorCurrency), code);
                return false;
            }

            query = query with { TargetCurrency = query.TargetCurrency ?? target };
        }

        if (settings.Limit is { } limit)
        {
            if (limit is < 1 or > GigQuery.MaxLimit)
            {
                // Numbers to type are written as they are typed, not as "10.000" in Indonesian.
                problem = Words.Format(language, nameof(Strings.ErrorLimit), Typed(limit), Typed(GigQuery.MaxLimit));
                return false;
            }

            query = query with { Limit = limit };
        }

        if (settings.Sort is { } sort)
        {
            if (!GigQuery.TryParse("sort:" + sort, out var sorted, out _))
            {
                problem = Words.Format(language, nameof(Strings.ErrorSort), sort);
                return false;
            }

            query = query with { Sort = sorted.Sort };
        }

        if (settings.TimeoutSeconds is < 1 or > 3600)
        {
            problem = Words.Format(language, nameof(Strings.ErrorTimeout), Typed(settings.TimeoutSeconds));
            return false;
        }

        if (settings.Culture is { } name)
        {
            if (!Words.TryGetCulture(name, out culture))
            {
                problem = Words.Format(language, nameof(Strings.ErrorCulture), name);
                return false;
            }
        }

        foreach (var text in settings.Rates)
        {
            if (!TryParseRate(text, out var rate))
            {
                problem = Words.Format(language, nameof(Strings.ErrorRate), text);
                return false;
            }

            rates.Add(rate);
        }

        return true;
    }

    private static string Typed(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseRate(string text, out ExchangeRate rate)
    {
        rate = null!;
        var parts = text.Split('=', 2);
        var pair = parts[0].Split('/', 2);
        if (parts.Length != 2 || pair.Length != 2
            || !FreelanceAggregator.Currency.TryFromCode(pair[0], out var from) || !FreelanceAggregator.Currency.TryFromCode(pair[1], out var to)
            || from == to
            || !decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        rate = new ExchangeRate(from, to, value, null, "given with --rate");
        return true;
    }
}

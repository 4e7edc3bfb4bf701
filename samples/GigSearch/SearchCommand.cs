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
    public static async Task<int> RunAsync(SearchSettings settings, CancellationToken cancellationToken)
    {
        IRenderer renderer = Console.IsOutputRedirected
            ? new PlainRenderer(Console.Out, Console.Error)
            : new InteractiveRenderer(AnsiConsole.Console);

        if (!TryBuildQuery(settings, out var query, out var sites, out var culture, out var rates, out var problem))
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
                renderer.Note(
                    $"Offline: the results come from pages bundled with GigSearch, recorded in each site's format as of "
                    + $"{bundle.RecordedAt:yyyy-MM-dd HH:mm zzz} and served from this machine; the clock is set to that time. "
                    + "Upwork is given a stand-in token, because it never answers without one.");
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
                renderer.Note($"Wrote {result.Gigs.Count} gigs to {json.FullName}.");
            }

            if (settings.Csv is { } csv)
            {
                await Exporters.WriteCsvAsync(csv.FullName, result, cancellationToken);
                renderer.Note($"Wrote {result.Gigs.Count} gigs to {csv.FullName}.");
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
            renderer.Error("Cancelled.");
            return ExitCodes.EverySiteFailed;
        }
        finally
        {
            offline?.Dispose();
        }
    }

    private static bool TryBuildQuery(
        SearchSettings settings,
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
            problem = "Bad query: " + error;
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
                problem = $"Unknown site '{string.Join("', '", unknown)}'. Known sites: {string.Join(", ", Sites.All.Select(s => s.Name))}.";
                return false;
            }

            sites = [.. names.Select(n => Sites.Find(n)!)];
        }

        if (settings.Currency is { } code)
        {
            if (!FreelanceAggregator.Currency.TryFromCode(code, out var target))
            {
                problem = $"--currency '{code}' is not an ISO 4217 currency code (e.g. IDR, USD, EUR).";
                return false;
            }

            query = query with { TargetCurrency = query.TargetCurrency ?? target };
        }

        if (settings.Limit is { } limit)
        {
            if (limit is < 1 or > GigQuery.MaxLimit)
            {
                problem = $"--limit {limit} is out of range: give 1 to {GigQuery.MaxLimit}.";
                return false;
            }

            query = query with { Limit = limit };
        }

        if (settings.Sort is { } sort)
        {
            if (!GigQuery.TryParse("sort:" + sort, out var sorted, out _))
            {
                problem = $"--sort '{sort}' is not an order: use relevance, newest, budget-high, budget-low or proposals.";
                return false;
            }

            query = query with { Sort = sorted.Sort };
        }

        if (settings.TimeoutSeconds is < 1 or > 3600)
        {
            problem = $"--timeout {settings.TimeoutSeconds} is out of range: give 1 to 3600 seconds.";
            return false;
        }

        if (settings.Culture is { } name)
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(name);
            }
            catch (CultureNotFoundException)
            {
                problem = $"--culture '{name}' is not a culture name (e.g. id-ID, en-US).";
                return false;
            }
        }

        foreach (var text in settings.Rates)
        {
            if (!TryParseRate(text, out var rate))
            {
                problem = $"--rate '{text}' is not a rate: write it as FROM/TO=RATE, e.g. USD/IDR=14400.";
                return false;
            }

            rates.Add(rate);
        }

        return true;
    }

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

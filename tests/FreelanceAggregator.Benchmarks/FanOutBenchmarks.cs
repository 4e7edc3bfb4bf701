using BenchmarkDotNet.Attributes;
using FreelanceAggregator.Benchmarks.Support;

namespace FreelanceAggregator.Benchmarks;

/// <summary>
/// Target 1, through the real providers: five sites, each answering every page after 300 ms, two pages each.
/// <see cref="AllFive"/> should take about as long as the slowest site alone (<see cref="Alone"/>), not the sum.
/// </summary>
/// <remarks>
/// The sites are WireMock.Net servers on loopback and the providers are the shipped ones (named HttpClients with the
/// standard resilience handler, the real parsers), so the measurement covers everything that could serialise the
/// sites: a shared connection pool or handler, a lock in a provider, parsing on the reading thread.
/// </remarks>
[Config(typeof(MacroConfig))]
public class FanOutHttpBenchmarks
{
    private HttpSites? _sites;
    private GigAggregator? _aggregator;

    public static IEnumerable<string> Providers => HttpSites.Names;

    [GlobalSetup]
    public void Setup()
    {
        _sites = new HttpSites(FanOut.PageDelay);
        _aggregator = GigAggregator.Create(_sites.AddProviders);

        // A benchmark that measured failures would be fast and wrong: every site must answer both pages.
        var result = _aggregator.SearchAllAsync(FanOut.Query).GetAwaiter().GetResult();
        FanOut.CheckEveryProviderSucceeded(result, HttpSites.Names.Length);
        var pages = HttpSites.Names.Where(n => _sites.Requests(n) != 2).Select(n => $"{n} asked {_sites.Requests(n)}").ToList();
        if (pages.Count > 0)
        {
            throw new InvalidOperationException("Every site must be asked for exactly two pages: " + string.Join(", ", pages));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _aggregator?.Dispose();
        _sites?.Dispose();
    }

    [Benchmark(Description = "SearchAllAsync, five sites")]
    public Task<GigSearchResult> AllFive() => _aggregator!.SearchAllAsync(FanOut.Query);

    [Benchmark(Description = "SearchAllAsync, one site alone")]
    [ArgumentsSource(nameof(Providers))]
    public Task<GigSearchResult> Alone(string provider) => _aggregator!.SearchAllAsync(FanOut.Query with { Providers = [provider] });
}

/// <summary>
/// Target 1 again, with in-process providers that wait 300 ms per page (<see cref="Task.Delay(TimeSpan)"/>): the
/// aggregator's own fan-out, without HTTP, WireMock or parsing competing for this machine's two cores.
/// </summary>
[Config(typeof(MacroConfig))]
public class FanOutInProcessBenchmarks
{
    private static readonly string[] Names = ["site-a", "site-b", "site-c", "site-d", "site-e"];
    private GigAggregator? _aggregator;

    public static IEnumerable<string> Providers => Names;

    [GlobalSetup]
    public void Setup()
    {
        _aggregator = new GigAggregator(Names.Select(n => new DelayedProvider(n, FanOut.PageDelay, pages: 2, pageSize: 20)));
        var result = _aggregator.SearchAllAsync(FanOut.Query).GetAwaiter().GetResult();
        FanOut.CheckEveryProviderSucceeded(result, Names.Length);
    }

    [GlobalCleanup]
    public void Cleanup() => _aggregator?.Dispose();

    [Benchmark(Description = "SearchAllAsync, five sites")]
    public Task<GigSearchResult> AllFive() => _aggregator!.SearchAllAsync(FanOut.Query);

    [Benchmark(Description = "SearchAllAsync, one site alone")]
    [ArgumentsSource(nameof(Providers))]
    public Task<GigSearchResult> Alone(string provider) => _aggregator!.SearchAllAsync(FanOut.Query with { Providers = [provider] });
}

internal static class FanOut
{
    public static readonly TimeSpan PageDelay = TimeSpan.FromMilliseconds(300);

    // Fiverr searches only with a keyword; the providers' fixtures are all listings the site returned for a search, so
    // the keyword filter decides what is kept, never what is fetched.
    public static readonly GigQuery Query = new("website") { Limit = 100 };

    public static void CheckEveryProviderSucceeded(GigSearchResult result, int expected)
    {
        var problems = result.Outcomes.Where(o => o.Status != ProviderStatus.Succeeded || o.ReceivedCount == 0).ToList();
        if (result.Outcomes.Count != expected || problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The fan-out benchmark needs every site to answer: " + string.Join("; ", result.Outcomes.Select(o => $"{o.Provider} {o.Status} {o.ReceivedCount} {o.Message}")));
        }
    }
}

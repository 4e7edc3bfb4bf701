using BenchmarkDotNet.Attributes;
using FreelanceAggregator.Benchmarks.Support;

namespace FreelanceAggregator.Benchmarks;

/// <summary>
/// Target 4: in-memory listings through the aggregator's per-listing work, on one core: the budget converted to the
/// target currency (<c>ListingPreparer.PrepareAsync</c>, with the search's rate cache) and every filter of the query
/// (<c>GigMatcher</c>). The query has a budget range in another currency than most budgets, two keywords and a
/// posted-within limit. Time is per listing (<see cref="BenchmarkAttribute.OperationsPerInvoke"/>); a million a second
/// is 1,000 ns each.
/// </summary>
[Config(typeof(OneCoreConfig))]
[MemoryDiagnoser]
public class FilterConvertBenchmarks
{
    public const int Listings = 4_096;

    private readonly Gig[] _gigs = new Gig[Listings];
    private readonly StreamingProvider _provider = new("memory");
    private SearchRun? _run;
    private ProviderWarnings? _warnings;
    private string[] _hosts = [];

    /// <summary>Gets the query: budgets between IDR 1,500,000 and IDR 15,000,000 compared in USD, "logo design", posted within 7 days.</summary>
    public static GigQuery Query { get; } = new("logo design")
    {
        MinBudget = new Money(1_500_000m, Currency.IDR),
        MaxBudget = new Money(15_000_000m, Currency.IDR),
        PostedWithin = TimeSpan.FromDays(7),
        TargetCurrency = Currency.USD,
    };

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _gigs.Length; i++)
        {
            _gigs[i] = SyntheticGigs.Create(_provider.Name, i);
        }

        var aggregator = new GigAggregator([_provider], timeProvider: new FixedClock(SyntheticGigs.Now));
        _run = aggregator.StartAsync(Query, CancellationToken.None).GetAwaiter().GetResult();
        _warnings = new ProviderWarnings(_provider.Name, null);
        _hosts = [.. _provider.Capabilities.SiteHosts];

        // A query that passes nothing or everything would not exercise every filter.
        var passed = Run();
        if (passed == 0 || passed == Listings)
        {
            throw new InvalidOperationException($"{passed} of {Listings} listings pass the query; the benchmark needs some to fail each filter.");
        }

        Console.WriteLine($"// {passed} of {Listings} listings pass the filter-and-convert query.");
    }

    [Benchmark(OperationsPerInvoke = Listings, Description = "convert + filter, per listing")]
    public int ConvertAndFilter() => Run();

    private int Run()
    {
        var run = _run!;
        var warnings = _warnings!;
        var preparer = run.Preparer;
        var matcher = run.Plan.Matcher;
        var passed = 0;
        foreach (var gig in _gigs)
        {
            // PrepareAsync completes synchronously once the rate is cached, as it does for every listing but the first.
            var prepared = preparer.PrepareAsync(_provider, _hosts, gig, warnings, CancellationToken.None);
            var converted = prepared.IsCompletedSuccessfully ? prepared.Result : prepared.AsTask().GetAwaiter().GetResult();
            if (converted is not null && matcher.Matches(converted))
            {
                passed++;
            }
        }

        return passed;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using BenchmarkDotNet.Attributes;
using FreelanceAggregator.Benchmarks.Support;

namespace FreelanceAggregator.Benchmarks;

/// <summary>
/// Target 3, the allocation part: listings streamed through <see cref="GigAggregator.SearchAsync(GigQuery, CancellationToken)"/>
/// to a consumer that only counts them, against the provider's own stream read directly (the baseline: what making the
/// listings costs before the aggregator touches them). The difference per listing is the aggregator's allocation.
/// The peak heap part is <see cref="HeapProbe"/>, which samples the live heap during one search.
/// </summary>
[Config(typeof(MicroConfig))]
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    private readonly StreamingProvider _provider = new("stream");
    private GigAggregator? _aggregator;
    private GigQuery _query = new();

    [Params(1_000, 10_000)]
    public int Gigs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _provider.Count = Gigs;
        _query = new GigQuery { Limit = Gigs };
        _aggregator = new GigAggregator([_provider]);
        var counted = SearchAsync().GetAwaiter().GetResult();
        if (counted != Gigs)
        {
            throw new InvalidOperationException($"SearchAsync delivered {counted} of {Gigs} listings; the benchmark would measure a filter.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _aggregator?.Dispose();

    [Benchmark(Baseline = true, Description = "provider stream alone")]
    public async Task<int> ProviderAlone()
    {
        var count = 0;
        await foreach (var gig in _provider.SearchAsync(_query))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "SearchAsync to a counting consumer")]
    public async Task<int> SearchAsync()
    {
        var count = 0;
        await foreach (var gig in _aggregator!.SearchAsync(_query))
        {
            count++;
        }

        return count;
    }
}

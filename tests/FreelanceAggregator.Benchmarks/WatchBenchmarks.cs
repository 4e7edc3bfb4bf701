using BenchmarkDotNet.Attributes;
using FreelanceAggregator.Watch;
using FreelanceAggregator.Watch.Tests;

namespace FreelanceAggregator.Benchmarks;

/// <summary>
/// Issue 14's index target: 10,000 watches against 1,000 listings in under a second on one core. The baseline checks
/// every watch against every listing with the same tests (sites, kind, budget type, the aggregator's keyword test), on
/// 100 listings, since all 1,000 would take many seconds per call; the index runs on the same 100 and on all 1,000.
/// </summary>
[Config(typeof(OneCoreConfig))]
[MemoryDiagnoser]
public class WatchIndexBenchmarks
{
    private List<GigWatch> _watches = [];
    private List<Gig> _listings = [];
    private List<Gig> _hundred = [];
    private WatchIndex? _index;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new SyntheticWatches(seed: 8);
        _watches = corpus.Watches(10_000);
        _listings = corpus.Listings(1_000);
        _hundred = _listings.Take(100).ToList();
        _index = new WatchIndex(_watches);
    }

    [Benchmark(Baseline = true, Description = "every pair, 10,000 watches x 100 listings")]
    public int EveryPair100()
    {
        var matches = 0;
        foreach (var listing in _hundred)
        {
            foreach (var watch in _watches)
            {
                var q = watch.Query;
                if ((q.Providers is null || q.Providers.Contains(listing.Provider))
                    && (q.Kind is not { } kind || listing.Kind == kind)
                    && (q.BudgetType is not { } type || listing.Budget?.Type == type)
                    && GigMatcher.MentionsEveryKeyword(listing, q.Keywords))
                {
                    matches++;
                }
            }
        }

        return matches;
    }

    [Benchmark(Description = "index, 10,000 watches x 100 listings")]
    public int Index100() => _index!.Match(_hundred).Sum(m => m.Count);

    [Benchmark(Description = "index, 10,000 watches x 1,000 listings")]
    public int Index1000() => _index!.Match(_listings).Sum(m => m.Count);

    [Benchmark(Description = "build the index of 10,000 watches")]
    public int Build() => new WatchIndex(_watches).Count;
}

/// <summary>
/// Issue 14's store target for checking: a cycle of 10,000 listings against a real SQLite store of 100,000 or 1,000,000
/// listings (under 1 s), whose time and allocation should not grow with the store. Each check records 9,900 listings the
/// store has and 100 it has not, for a watch whose subscriber has seen all it holds: 100 alerts per check.
/// </summary>
[Config(typeof(MacroConfig))]
[MemoryDiagnoser]
public class WatchStoreCheckBenchmarks
{
    private readonly string _folder = WatchStoreData.NewFolder();
    private SqliteWatchStore? _store;
    private GigWatch? _watch;
    private ListingMatch[] _batch = [];
    private int _iteration;

    [Params(100_000, 1_000_000)]
    public int StoreSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_store, _watch) = WatchStoreData.Open(Path.Combine(_folder, "check.db"));
        for (var from = 0; from < StoreSize; from += 100_000)
        {
            var batch = Enumerable.Range(from, Math.Min(100_000, StoreSize - from)).Select(i => new ListingMatch(WatchStoreData.Listing(i), [_watch.Id])).ToArray();
            _store.RecordCycleAsync(new WatchCycle { CheckedAt = WatchStoreData.Start, Listings = batch, CheckedWatches = [_watch.Id] }).GetAwaiter().GetResult();
        }
    }

    [IterationSetup]
    public void SetupIteration()
    {
        var random = new Random(_iteration);
        var fresh = 10_000_000 + (_iteration * 100);
        _batch = Enumerable.Range(0, 10_000).Select(i => i < 9_900 ? random.Next(StoreSize) : fresh + i - 9_900).Select(i => new ListingMatch(WatchStoreData.Listing(i), [_watch!.Id])).ToArray();
        _iteration++;
    }

    [Benchmark(Description = "check 10,000 listings against the store")]
    public int Check10000() =>
        _store!.RecordCycleAsync(new WatchCycle { CheckedAt = WatchStoreData.Start.AddMinutes(_iteration), Listings = _batch, CheckedWatches = [_watch!.Id] }).GetAwaiter().GetResult().Alerts.Count;

    [GlobalCleanup]
    public void Cleanup() => WatchStoreData.Remove(_store, _folder);
}

/// <summary>
/// Issue 14's store target for recording: 100,000 new listings in one cycle on a real SQLite file (under 2 s), as a
/// watch's first check records them (its baseline), and as a live watch's check does, with an alert for every one.
/// Each iteration starts a new file: recording is flat in the store's size (see <see cref="WatchStoreCheckBenchmarks"/>).
/// </summary>
[Config(typeof(MacroConfig))]
[MemoryDiagnoser]
public class WatchStoreRecordBenchmarks
{
    private readonly string _folder = WatchStoreData.NewFolder();
    private SqliteWatchStore? _store;
    private GigWatch? _watch;
    private ListingMatch[] _batch = [];
    private int _iteration;

    [Params(false, true)]
    public bool EveryOneAlerts { get; set; }

    [IterationSetup]
    public void SetupIteration()
    {
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        (_store, _watch) = WatchStoreData.Open(Path.Combine(_folder, $"record-{_iteration++}.db"));
        if (EveryOneAlerts)
        {
            _store.RecordCycleAsync(new WatchCycle { CheckedAt = WatchStoreData.Start, CheckedWatches = [_watch.Id] }).GetAwaiter().GetResult();
        }

        _batch = Enumerable.Range(0, 100_000).Select(i => new ListingMatch(WatchStoreData.Listing(i), [_watch.Id])).ToArray();
    }

    [Benchmark(Description = "record 100,000 new listings")]
    public int Record100000() =>
        _store!.RecordCycleAsync(new WatchCycle { CheckedAt = WatchStoreData.Start.AddHours(1), Listings = _batch, CheckedWatches = [_watch!.Id] }).GetAwaiter().GetResult().NewListings;

    [GlobalCleanup]
    public void Cleanup() => WatchStoreData.Remove(_store, _folder);
}

/// <summary>Store files in a folder of their own, and listings shaped like Upwork's.</summary>
internal static class WatchStoreData
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fa-watch-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static (SqliteWatchStore Store, GigWatch Watch) Open(string path)
    {
        var store = SqliteWatchStore.OpenAsync(path).GetAwaiter().GetResult();
        var watch = store.AddWatchAsync(new GigWatch { Name = "logos", Query = GigQuery.Parse("logo"), Subscriber = "alice" }).GetAwaiter().GetResult();
        return (store, watch);
    }

    public static void Remove(SqliteWatchStore? store, string folder)
    {
        store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(folder, recursive: true);
    }

    public static Gig Listing(int i)
    {
        var id = "~02" + i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return new Gig
        {
            Provider = "upwork",
            Id = id,
            Title = "Logo design for a coffee shop, project " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Url = new Uri("https://www.upwork.com/jobs/" + id),
            Budget = Budget.Fixed(new Money(100 + (i % 900), Currency.USD)),
        };
    }
}

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace FreelanceAggregator.Benchmarks;

/// <summary>
/// Turns one run's BenchmarkDotNet results into issue 8's four targets: each a ratio (or a rate) computed from numbers
/// measured in the same run, so that a machine busy with other work slows both sides of a ratio alike.
/// </summary>
internal static class TargetReport
{
    public const double FanOutLimit = 1.25;
    public const double ParseLimit = 1.5;
    public const long HeapLimitBytes = 32L * 1024 * 1024;
    public const double GigsPerSecondTarget = 1_000_000;

    // "Flat between 1,000 and 10,000 listings": ten times the listings may add at most this much held memory.
    public const long FlatToleranceBytes = 1L * 1024 * 1024;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string LoadAverage()
    {
        const string LoadFile = "/proc/loadavg";
        return File.Exists(LoadFile) ? string.Join(' ', File.ReadAllText(LoadFile).Split(' ').Take(3)) : "unknown";
    }

    public static string Build(IReadOnlyList<Summary> summaries, IReadOnlyList<HeapProbeResult>? probe, bool quick, string loadBefore, string loadAfter)
    {
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).ToList();
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"## Targets ({(quick ? "quick run" : "full run")}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(Invariant, $"Load average (1, 5, 15 min): {loadBefore} before, {loadAfter} after; {Environment.ProcessorCount} logical cores.");
        text.AppendLine();

        FanOut(text, reports, nameof(FanOutHttpBenchmarks), "1. Fan-out, real providers over HTTP (WireMock.Net, 300 ms per page, 2 pages each)");
        FanOut(text, reports, nameof(FanOutInProcessBenchmarks), "1b. Fan-out, in-process providers (Task.Delay 300 ms per page, 2 pages each)");
        Parse(text, reports);
        Streaming(text, reports, probe);
        FilterConvert(text, reports);
        return text.ToString();
    }

    private static void FanOut(StringBuilder text, List<BenchmarkReport> all, string type, string title)
    {
        var reports = all.Where(r => r.BenchmarkCase.Descriptor.Type.Name == type).ToList();
        var five = reports.FirstOrDefault(r => Method(r) == nameof(FanOutHttpBenchmarks.AllFive));
        var alone = reports.Where(r => Method(r) == nameof(FanOutHttpBenchmarks.Alone)).ToList();
        if (five is null || alone.Count == 0)
        {
            return;
        }

        text.AppendLine(Invariant, $"### {title}");
        text.AppendLine();
        text.AppendLine("| search | mean |");
        text.AppendLine("|---|---:|");
        foreach (var r in alone.OrderBy(Mean))
        {
            text.AppendLine(Invariant, $"| {r.BenchmarkCase.Parameters["provider"]} alone | {Ms(Mean(r))} |");
        }

        var slowest = alone.MaxBy(Mean)!;
        var sum = alone.Sum(Mean);
        text.AppendLine(Invariant, $"| all five at once | {Ms(Mean(five))} |");
        text.AppendLine(Invariant, $"| sum of the five alone (sequential) | {Ms(sum)} |");
        text.AppendLine();
        var ratio = Mean(five) / Mean(slowest);
        text.AppendLine(Invariant, $"All five / slowest alone ({slowest.BenchmarkCase.Parameters["provider"]}): **{ratio:0.00}×** (target ≤ {FanOutLimit:0.00}×): {Verdict(ratio <= FanOutLimit)}; all five / sequential sum: {Mean(five) / sum:0.00}×.");
        text.AppendLine();
    }

    private static void Parse(StringBuilder text, List<BenchmarkReport> all)
    {
        var reports = all.Where(r => r.BenchmarkCase.Descriptor.Type.Name == nameof(ParseBenchmarks)).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        text.AppendLine("### 2. Parse overhead: fixture bytes to gigs / bare parse of the same bytes");
        text.AppendLine();
        text.AppendLine("| provider (fixture) | listings | bare parse | bytes to gigs | ratio | target ≤ 1.5× | normalising per listing |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---:|");
        var listings = ParseBenchmarks.ListingsPerCategory();
        var floors = new List<string>();
        foreach (var category in reports.GroupBy(r => r.BenchmarkCase.Descriptor.Categories.FirstOrDefault() ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var bare = category.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            var full = category.FirstOrDefault(r => Method(r).EndsWith("Gigs", StringComparison.Ordinal));
            if (bare is null || full is null)
            {
                continue;
            }

            var ratio = Mean(full) / Mean(bare);
            var count = listings.TryGetValue(category.Key, out var n) ? n : 0;
            var perListing = count > 0 ? Us((Mean(full) - Mean(bare)) / count) : "?";
            text.AppendLine(Invariant, $"| {category.Key} | {count} | {Us(Mean(bare))} | {Us(Mean(full))} | {ratio:0.00}× | {Verdict(ratio <= ParseLimit)} | {perListing} |");
            if (category.FirstOrDefault(r => Method(r).EndsWith("Floor", StringComparison.Ordinal)) is { } floor)
            {
                floors.Add(string.Create(Invariant, $"{category.Key}: the floor (HTML and embedded JSON parsed, nothing read) takes {Us(Mean(floor))}, {Mean(floor) / Mean(bare):0.00}× the bare HTML parse; bytes to gigs is {Mean(full) / Mean(floor):0.00}× the floor."));
            }
        }

        text.AppendLine();
        foreach (var floor in floors)
        {
            text.AppendLine(floor);
            text.AppendLine();
        }
    }

    private static void Streaming(StringBuilder text, List<BenchmarkReport> all, IReadOnlyList<HeapProbeResult>? probe)
    {
        var reports = all.Where(r => r.BenchmarkCase.Descriptor.Type.Name == nameof(StreamingBenchmarks)).ToList();
        if (reports.Count == 0 && probe is null)
        {
            return;
        }

        text.AppendLine("### 3. Streaming memory: SearchAsync to a counting consumer");
        text.AppendLine();
        if (reports.Count > 0)
        {
            text.AppendLine("| listings | provider alone, per gig | through SearchAsync, per gig | aggregator's share, per gig | time per gig |");
            text.AppendLine("|---:|---:|---:|---:|---:|");
            foreach (var size in reports.GroupBy(r => (int)r.BenchmarkCase.Parameters["Gigs"]).OrderBy(g => g.Key))
            {
                var alone = size.FirstOrDefault(r => Method(r) == nameof(StreamingBenchmarks.ProviderAlone));
                var search = size.FirstOrDefault(r => Method(r) == nameof(StreamingBenchmarks.SearchAsync));
                if (alone is null || search is null)
                {
                    continue;
                }

                var aloneBytes = Allocated(alone) / size.Key;
                var searchBytes = Allocated(search) / size.Key;
                text.AppendLine(Invariant, $"| {size.Key:N0} | {aloneBytes:0} B | {searchBytes:0} B | {searchBytes - aloneBytes:0} B | {Mean(search) / size.Key:0} ns |");
            }

            text.AppendLine();
        }

        if (probe is { Count: > 0 })
        {
            text.AppendLine("| listings | de-duplication | peak live heap growth | peak heap growth with garbage |");
            text.AppendLine("|---:|---|---:|---:|");
            foreach (var p in probe)
            {
                text.AppendLine(Invariant, $"| {p.Gigs:N0} | {(p.RemoveDuplicates ? "on (default)" : "off")} | {HeapProbeResult.Megabytes(p.PeakLiveBytes)} | {HeapProbeResult.Megabytes(p.PeakWithGarbageBytes)} |");
            }

            text.AppendLine();
            foreach (var mode in probe.GroupBy(p => p.RemoveDuplicates).OrderByDescending(g => g.Key))
            {
                var largest = mode.MaxBy(p => p.Gigs)!;
                var smallest = mode.MinBy(p => p.Gigs)!;
                var growth = largest.PeakLiveBytes - smallest.PeakLiveBytes;
                var label = mode.Key ? "With de-duplication (default)" : "Without de-duplication";
                text.AppendLine(Invariant, $"{label}: peak live heap growth at {largest.Gigs:N0} is {HeapProbeResult.Megabytes(largest.PeakLiveBytes)} (target < 32 MB): {Verdict(largest.PeakLiveBytes < HeapLimitBytes)}; from {smallest.Gigs:N0} to {largest.Gigs:N0} listings it grows by {HeapProbeResult.Megabytes(growth)}, {growth / (double)(largest.Gigs - smallest.Gigs):0} B per extra listing (flat: at most {HeapProbeResult.Megabytes(FlatToleranceBytes)}): {Verdict(growth <= FlatToleranceBytes)}.");
                text.AppendLine();
            }
        }
    }

    private static void FilterConvert(StringBuilder text, List<BenchmarkReport> all)
    {
        var report = all.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Type.Name == nameof(FilterConvertBenchmarks));
        if (report is null)
        {
            return;
        }

        var perSecond = 1e9 / Mean(report);
        text.AppendLine("### 4. Filter and convert, one core");
        text.AppendLine();
        text.AppendLine(Invariant, $"{Mean(report):0.0} ns and {Allocated(report):0} B allocated per listing: **{perSecond:N0} listings/s** (target ≥ {GigsPerSecondTarget:N0}): {Verdict(perSecond >= GigsPerSecondTarget)}, {perSecond / GigsPerSecondTarget:0.00}× the target.");
        text.AppendLine();
    }

    private static string Method(BenchmarkReport report) => report.BenchmarkCase.Descriptor.WorkloadMethod.Name;

    private static double Mean(BenchmarkReport report) => report.ResultStatistics!.Mean;

    private static double Allocated(BenchmarkReport report) => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN;

    private static string Ms(double nanoseconds) => (nanoseconds / 1e6).ToString("0.0", Invariant) + " ms";

    private static string Us(double nanoseconds) => (nanoseconds / 1e3).ToString("0.0", Invariant) + " µs";

    private static string Verdict(bool met) => met ? "met" : "**missed**";
}

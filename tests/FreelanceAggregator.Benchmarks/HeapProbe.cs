using System.Globalization;
using FreelanceAggregator.Benchmarks.Support;

namespace FreelanceAggregator.Benchmarks;

/// <summary>
/// Target 3, the peak heap part, which BenchmarkDotNet does not measure: one <see cref="GigAggregator.SearchAsync(GigQuery, CancellationToken)"/>
/// of N listings to a counting consumer, sampling the heap every <see cref="SampleEvery"/> listings.
/// </summary>
/// <remarks>
/// Two numbers per run. The live heap (<see cref="GC.GetTotalMemory(bool)"/> after a full collection) is what the
/// search holds on to: the target is about this one, because it is what grows with the number of listings. The heap
/// with garbage (no collection) is reported too; its peak is mostly the collector's gen-0 budget, which the runtime
/// sizes from the CPU cache, not from anything the search does.
/// </remarks>
internal static class HeapProbe
{
    private const int SampleEvery = 250;

    /// <summary>Probes each count with de-duplication on (the default) and off, to tell the stream's memory from the de-dup keys'.</summary>
    public static IReadOnlyList<HeapProbeResult> Run(IEnumerable<int> counts)
    {
        // One search first, so that JIT compilation and the aggregator's statics are not counted as the search's.
        _ = Measure(1_000, removeDuplicates: true);
        return [.. counts.SelectMany(c => new[] { Measure(c, removeDuplicates: true), Measure(c, removeDuplicates: false) })];
    }

    private static HeapProbeResult Measure(int count, bool removeDuplicates)
    {
        var provider = new StreamingProvider("stream") { Count = count };
        using var aggregator = new GigAggregator([provider], new GigAggregatorOptions { RemoveDuplicates = removeDuplicates });
        var query = new GigQuery { Limit = count };

        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peakLive = 0;
        long peakWithGarbage = 0;
        var delivered = 0;
        var enumerator = aggregator.SearchAsync(query).GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                delivered++;
                peakWithGarbage = Math.Max(peakWithGarbage, GC.GetTotalMemory(forceFullCollection: false) - before);
                if (delivered % SampleEvery == 0)
                {
                    peakLive = Math.Max(peakLive, GC.GetTotalMemory(forceFullCollection: true) - before);
                }
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (delivered != count)
        {
            throw new InvalidOperationException($"The heap probe's search delivered {delivered} of {count} listings.");
        }

        return new HeapProbeResult(count, removeDuplicates, Math.Max(0, peakLive), Math.Max(0, peakWithGarbage));
    }
}

/// <summary>One probe: the peak growth of the live heap and of the heap with garbage, in bytes, over the heap before the search.</summary>
internal sealed record HeapProbeResult(int Gigs, bool RemoveDuplicates, long PeakLiveBytes, long PeakWithGarbageBytes)
{
    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.00", CultureInfo.InvariantCulture) + " MB";
}

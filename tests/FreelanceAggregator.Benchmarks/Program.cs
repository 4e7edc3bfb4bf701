using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FreelanceAggregator.Benchmarks;

// dotnet run -c Release --project tests/FreelanceAggregator.Benchmarks -- [--quick] [BenchmarkDotNet options]
// With no --filter every benchmark runs, then the heap probe; the targets are computed from this one run's numbers.
var quick = args.Contains("--quick", StringComparer.OrdinalIgnoreCase);
if (quick)
{
    Environment.SetEnvironmentVariable(RunMode.QuickVariable, "1");
}

var benchmarkArgs = args.Where(a => !a.Equals("--quick", StringComparison.OrdinalIgnoreCase)).ToArray();
if (!benchmarkArgs.Any(a => a is "--filter" or "-f" or "--list" or "--help" or "-h" or "--info"))
{
    benchmarkArgs = [.. benchmarkArgs, "--filter", "*"];
}

var loadBefore = TargetReport.LoadAverage();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs, DefaultConfig.Instance).ToList();
if (summaries.Count == 0)
{
    return 0;
}

var probe = summaries.Any(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(StreamingBenchmarks)))
    ? HeapProbe.Run([1_000, 10_000])
    : null;
var report = TargetReport.Build(summaries, probe, quick, loadBefore, TargetReport.LoadAverage());
Console.WriteLine();
Console.WriteLine(report);
var directory = summaries[0].ResultsDirectoryPath;
Directory.CreateDirectory(directory);
var path = Path.Combine(directory, "targets.md");
File.WriteAllText(path, report);
Console.WriteLine($"Targets written to {path}");
return 0;

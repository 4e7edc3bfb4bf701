using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FreelanceAggregator.Benchmarks;

/// <summary>
/// Whether this run is the quick check (<c>--quick</c>): three iterations each, in this process (no project generated and
/// built per job), so wider error bars but the same ratios, in a few minutes.
/// </summary>
internal static class RunMode
{
    // An environment variable as well as a flag, because BenchmarkDotNet builds each benchmark's job again in the
    // process it starts for it, which sees the environment but not the host's arguments.
    public const string QuickVariable = "FREELANCEAGGREGATOR_BENCHMARKS_QUICK";

    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    public static Job QuickJob(Job job) => job.WithToolchain(InProcessEmitToolchain.Instance);
}

/// <summary>Benchmarks of whole searches that take hundreds of milliseconds: one call per iteration, no pilot stage.</summary>
public sealed class MacroConfig : ManualConfig
{
    public MacroConfig() => AddJob(RunMode.Quick
        ? RunMode.QuickJob(Job.Dry.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(3)).WithId("quick")
        : Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(12).WithId("macro"));
}

/// <summary>Microbenchmarks: BenchmarkDotNet's default statistics, or its short run when quick.</summary>
public sealed class MicroConfig : ManualConfig
{
    public MicroConfig() => AddJob(RunMode.Quick ? RunMode.QuickJob(Job.ShortRun).WithId("quick") : Job.Default.WithId("micro"));
}

/// <summary>Microbenchmarks pinned to one core (the first), for throughput "on one core".</summary>
public sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig() => AddJob((RunMode.Quick ? RunMode.QuickJob(Job.ShortRun) : Job.Default).WithAffinity(1).WithId(RunMode.Quick ? "quick-one-core" : "one-core"));
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using FreelanceAggregator.Providers;
using Xunit;

namespace FreelanceAggregator.Testing.Fuzzing;

/// <summary>What one fuzz run did: how many inputs, how many were read and how many refused, and the slowest one.</summary>
/// <param name="Inputs">How many mutations were parsed.</param>
/// <param name="Parsed">How many parsed without an exception.</param>
/// <param name="Refused">How many ended in one of the allowed exception types.</param>
/// <param name="Slowest">The longest single parse.</param>
/// <param name="SlowestInput">What the slowest input was.</param>
/// <param name="Total">The whole run.</param>
public sealed record FuzzReport(int Inputs, int Parsed, int Refused, TimeSpan Slowest, string SlowestInput, TimeSpan Total)
{
    /// <summary>Describes the run in one line for the test output.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Inputs} inputs: {Parsed} read, {Refused} refused; slowest {Slowest.TotalMilliseconds:0.0} ms ({SlowestInput}); {Total.TotalSeconds:0.00} s in all");
}

/// <summary>
/// Runs a parser over mutated inputs and fails with the first few inputs that broke its contract: an exception of a
/// type the contract does not allow, a parse slower than <see cref="MaxParseTime"/>, or a parse that never returns.
/// </summary>
/// <remarks>
/// The number of mutations per fixture is <see cref="Iterations"/>: <see cref="DefaultIterations"/>, or the
/// <c>FUZZ_ITERATIONS</c> environment variable for a longer run. The seed is fixed (<see cref="Seed"/>, or
/// <c>FUZZ_SEED</c>), and a longer run with the same seed starts with the same mutations as the short one.
/// </remarks>
public static class ParserFuzzing
{
    /// <summary>The number of mutations per fixture in CI.</summary>
    public const int DefaultIterations = 5_000;

    /// <summary>The environment variable that sets <see cref="Iterations"/>.</summary>
    public const string IterationsVariable = "FUZZ_ITERATIONS";

    /// <summary>The environment variable that sets <see cref="Seed"/>.</summary>
    public const string SeedVariable = "FUZZ_SEED";

    /// <summary>The longest one parse may take.</summary>
    public static readonly TimeSpan MaxParseTime = TimeSpan.FromSeconds(1);

    /// <summary>How long a parse may run before the run stops waiting and reports it as hanging.</summary>
    public static readonly TimeSpan HangTime = TimeSpan.FromSeconds(15);

    /// <summary>Gets the number of mutations per fixture: <c>FUZZ_ITERATIONS</c> when set to a positive number, else <see cref="DefaultIterations"/>.</summary>
    public static int Iterations => ReadVariable(IterationsVariable, DefaultIterations);

    /// <summary>Gets the seed: <c>FUZZ_SEED</c> when set, else a fixed number, so that CI runs the same mutations every time.</summary>
    public static int Seed => ReadVariable(SeedVariable, 20_260_808);

    /// <summary>
    /// Parses every mutation; the only outcomes allowed are a result (gigs and warnings) or one of the
    /// <paramref name="allowed"/> exception types (for providers: <see cref="GigProviderException"/> only), each within
    /// <see cref="MaxParseTime"/>. An assertion failing inside <paramref name="parse"/> (an invariant of the result) counts
    /// as a broken contract too.
    /// </summary>
    /// <param name="mutations">The inputs.</param>
    /// <param name="parse">The parser under test.</param>
    /// <param name="allowed">The exception types the contract allows.</param>
    /// <returns>What the run did, for the test output and a sanity check that the mutations are not all fatal.</returns>
    public static FuzzReport AssertContract(IEnumerable<Mutation> mutations, Action<string> parse, params Type[] allowed)
    {
        ArgumentNullException.ThrowIfNull(mutations);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(allowed);
        var cancellationToken = TestContext.Current.CancellationToken;
        var progress = new Progress();

        // The parses run on their own thread so that one which never returns is reported (with its input) instead of
        // holding the test run until CI kills it.
        var run = Task.Factory.StartNew(() => Run(mutations, parse, allowed, progress, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!run.Wait(TimeSpan.FromMilliseconds(200), cancellationToken))
        {
            if (progress.Current() is { } current && current.Elapsed > HangTime)
            {
                Assert.Fail($"The parser has not returned after {HangTime.TotalSeconds:0} s on #{current.Mutation.Index} ({current.Mutation.Description}):\n{Excerpt(current.Mutation.Text)}");
            }
        }

        var (report, broken) = run.Result;
        Assert.True(broken.Count == 0, "The parser broke its contract:\n" + string.Join("\n\n", broken));
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        return report;
    }

    /// <summary>
    /// Parses one input both as text and as UTF-8 bytes (the way a provider reads a plainly UTF-8 answer, see
    /// <see cref="GigHttpResponse.TryGetUtf8Body"/>) and asserts that the two paths agree: the same
    /// <paramref name="summary"/> of the result, or both a <see cref="GigProviderException"/>. Inputs with lone surrogates,
    /// which have no UTF-8 form, go the text way only.
    /// </summary>
    /// <typeparam name="T">The parser's result.</typeparam>
    /// <param name="body">The input.</param>
    /// <param name="fromText">The text path.</param>
    /// <param name="fromBytes">The UTF-8 path.</param>
    /// <param name="summary">What must be the same either way, such as the ids and budgets of the gigs read.</param>
    /// <returns>The text path's result; its exception is rethrown for the contract to judge.</returns>
    public static T AssertUtf8PathAgrees<T>(string body, Func<string, T> fromText, Func<ReadOnlyMemory<byte>, T> fromBytes, Func<T, string> summary)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(fromText);
        ArgumentNullException.ThrowIfNull(fromBytes);
        ArgumentNullException.ThrowIfNull(summary);
        var bytes = Encoding.UTF8.GetBytes(body);
        if (!string.Equals(Encoding.UTF8.GetString(bytes), body, StringComparison.Ordinal))
        {
            return fromText(body);
        }

        string bytesSide;
        try
        {
            bytesSide = summary(fromBytes(bytes));
        }
        catch (GigProviderException ex)
        {
            bytesSide = "refused: " + ex.GetType().Name;
        }

        T result;
        try
        {
            result = fromText(body);
        }
        catch (GigProviderException ex)
        {
            Assert.True(bytesSide == "refused: " + ex.GetType().Name, $"The text path refused the input ({ex.Message}) but the UTF-8 path read {bytesSide}");
            throw;
        }

        Assert.Equal(summary(result), bytesSide);
        return result;
    }

    private static (FuzzReport Report, List<string> Broken) Run(IEnumerable<Mutation> mutations, Action<string> parse, Type[] allowed, Progress progress, CancellationToken cancellationToken)
    {
        var broken = new List<string>();
        int inputs = 0, parsed = 0, refused = 0;
        var slowest = TimeSpan.Zero;
        var slowestInput = "none";
        var total = Stopwatch.StartNew();
        foreach (var mutation in mutations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inputs++;
            progress.Start(mutation);
            var clock = Stopwatch.StartNew();
            try
            {
                parse(mutation.Text);
                parsed++;
            }
            catch (Exception ex) when (allowed.Any(t => t.IsInstanceOfType(ex)))
            {
                // The contract: a clear, typed failure.
                refused++;
            }
#pragma warning disable CA1031 // Every other exception is exactly what this harness exists to report.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                broken.Add($"#{mutation.Index} ({mutation.Description}): {ex.GetType().Name}: {ex.Message}\n{Excerpt(mutation.Text)}\n{ex.StackTrace}");
            }

            var elapsed = clock.Elapsed;
            if (elapsed > MaxParseTime)
            {
                // A garbage collection or a busy shared machine can stall one parse; a slow input is slow every time.
                elapsed = Retime(mutation.Text, parse, elapsed);
            }

            progress.Stop();
            if (elapsed > slowest)
            {
                slowest = elapsed;
                slowestInput = $"#{mutation.Index}, {mutation.Description}";
            }

            if (elapsed > MaxParseTime)
            {
                broken.Add($"#{mutation.Index} ({mutation.Description}) took {elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms");
            }

            if (broken.Count >= 5)
            {
                break;
            }
        }

        return (new FuzzReport(inputs, parsed, refused, slowest, slowestInput, total.Elapsed), broken);
    }

    private static TimeSpan Retime(string text, Action<string> parse, TimeSpan first)
    {
        var fastest = first;
        for (var attempt = 0; attempt < 2 && fastest > MaxParseTime; attempt++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                parse(text);
            }
#pragma warning disable CA1031 // The outcome was judged on the first run; this run only measures the time.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
        }

        return fastest;
    }

    private static int ReadVariable(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static string Excerpt(string text)
    {
        var builder = new StringBuilder();
        builder.Append("  input (").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars): ");
        builder.Append(text.Length <= 300 ? text : text[..300] + "…");
        return builder.ToString();
    }

    /// <summary>The input being parsed and since when, shared between the parsing thread and the watchdog.</summary>
    private sealed class Progress
    {
        // An object, not System.Threading.Lock, which .NET 8 lacks.
        private readonly object _gate = new();
        private Mutation? _mutation;
        private long _started;

        public void Start(Mutation mutation)
        {
            lock (_gate)
            {
                _mutation = mutation;
                _started = Stopwatch.GetTimestamp();
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _mutation = null;
            }
        }

        public (Mutation Mutation, TimeSpan Elapsed)? Current()
        {
            lock (_gate)
            {
                return _mutation is null ? null : (_mutation, Stopwatch.GetElapsedTime(_started));
            }
        }
    }
}

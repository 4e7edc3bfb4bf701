using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace FreelanceAggregator.Testing.Fuzzing;

/// <summary>Runs a parser over mutated inputs and fails with the first few inputs that broke its contract.</summary>
public static class ParserFuzzing
{
    /// <summary>The longest one parse may take.</summary>
    public static readonly TimeSpan MaxParseTime = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Parses every mutation; the only outcomes allowed are a result (gigs and warnings) or one of the
    /// <paramref name="allowed"/> exception types (for providers: <see cref="GigProviderException"/> only), each within
    /// <see cref="MaxParseTime"/>.
    /// </summary>
    /// <param name="mutations">The inputs.</param>
    /// <param name="parse">The parser under test.</param>
    /// <param name="allowed">The exception types the contract allows.</param>
    /// <returns>How many inputs parsed without an exception, for a sanity check that the mutations are not all fatal.</returns>
    public static int AssertContract(IEnumerable<Mutation> mutations, Action<string> parse, params Type[] allowed)
    {
        ArgumentNullException.ThrowIfNull(mutations);
        ArgumentNullException.ThrowIfNull(parse);
        var broken = new List<string>();
        var parsed = 0;
        foreach (var mutation in mutations)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                parse(mutation.Text);
                parsed++;
            }
            catch (Exception ex) when (allowed.Any(t => t.IsInstanceOfType(ex)))
            {
                // The contract: a clear, typed failure.
            }
#pragma warning disable CA1031 // Every other exception is exactly what this harness exists to report.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                broken.Add($"#{mutation.Index} ({mutation.Description}): {ex.GetType().Name}: {ex.Message}\n{Excerpt(mutation.Text)}");
            }

            if (clock.Elapsed > MaxParseTime)
            {
                broken.Add($"#{mutation.Index} ({mutation.Description}) took {clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms");
            }

            if (broken.Count >= 5)
            {
                break;
            }
        }

        Assert.True(broken.Count == 0, "The parser broke its contract:\n" + string.Join("\n\n", broken));
        return parsed;
    }

    private static string Excerpt(string text)
    {
        var builder = new StringBuilder();
        builder.Append("  input (").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars): ");
        builder.Append(text.Length <= 300 ? text : text[..300] + "…");
        return builder.ToString();
    }
}

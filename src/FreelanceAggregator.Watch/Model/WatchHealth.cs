using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>What is wrong with a site that watches read.</summary>
public enum WatchHealthKind
{
    /// <summary>Every check of the site failed (blocked, timed out, unreadable).</summary>
    Failing = 1,

    /// <summary>The site answered, but with no listings at all: a changed page or a silent block looks like this.</summary>
    Silent = 2,
}

/// <summary>A site that has been failing, or answering with nothing, for some check cycles in a row.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record WatchHealth
{
    /// <summary>Gets the provider's name, e.g. <c>fiverr</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets whether the site is failing or silent.</summary>
    public required WatchHealthKind Kind { get; init; }

    /// <summary>Gets how many check cycles in a row the site has been so.</summary>
    public required int ConsecutiveCycles { get; init; }

    /// <summary>Gets the time of the first cycle of this run.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>Gets the time of the latest cycle.</summary>
    public required DateTimeOffset LastChecked { get; init; }

    /// <summary>Gets the latest failure's message (never holding secrets: it is the provider outcome's message), or <see langword="null"/> for a silent site.</summary>
    public string? LastMessage { get; init; }

    /// <summary>Describes the state, e.g. <c>fiverr failing for 3 cycles since 2026-01-02T03:04:05Z: blocked</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Provider} {(Kind == WatchHealthKind.Failing ? "failing" : "silent")} for {ConsecutiveCycles} cycle{(ConsecutiveCycles == 1 ? string.Empty : "s")} since {Since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}{(LastMessage is null ? string.Empty : ": " + LastMessage)}");
}

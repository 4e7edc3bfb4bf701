using System.Diagnostics;

namespace FreelanceAggregator.Testing;

/// <summary>A query over a site's recorded pages, and the listings it must give: one row of the site's table of cases.</summary>
/// <param name="Name">What the case shows, e.g. <c>a buyer in Indonesia on page 2</c>.</param>
/// <param name="Query">The query.</param>
[DebuggerDisplay("{Name,nq}: {Query}")]
public sealed record ProviderTestCase(string Name, GigQuery Query)
{
    /// <summary>Gets the ids the search must give, in order; empty when only <see cref="ExpectedCount"/> is checked.</summary>
    public IReadOnlyList<string> ExpectedIds { get; init; } = [];

    /// <summary>Gets how many listings the search must give, or <see langword="null"/> for the number of <see cref="ExpectedIds"/>.</summary>
    public int? ExpectedCount { get; init; }

    /// <summary>Returns the case's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

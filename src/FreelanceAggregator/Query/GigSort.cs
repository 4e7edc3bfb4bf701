namespace FreelanceAggregator;

/// <summary>How <see cref="GigAggregator.SearchAllAsync(GigQuery, CancellationToken)"/> orders its results.</summary>
public enum GigSort
{
    /// <summary>Each site's own order, interleaved across sites (the first of every site, then the second, ...). Query text: <c>sort:relevance</c>.</summary>
    Relevance,

    /// <summary>Newest first; listings without a date last. Query text: <c>sort:newest</c>.</summary>
    Newest,

    /// <summary>Highest converted budget first; listings without one last. Query text: <c>sort:budget-high</c> (or <c>sort:budget</c>).</summary>
    BudgetHighest,

    /// <summary>Lowest converted budget first; listings without one last. Query text: <c>sort:budget-low</c>.</summary>
    BudgetLowest,

    /// <summary>Fewest proposals first, for a freelancer who wants less competition; listings without a count last. Query text: <c>sort:proposals</c>.</summary>
    FewestProposals,
}

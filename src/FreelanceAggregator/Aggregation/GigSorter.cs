namespace FreelanceAggregator;

internal static class GigSorter
{
    public static IReadOnlyList<Gig> Sort(List<SearchRun.RankedGig> gigs, GigSort sort)
    {
        // Ties always fall back to relevance: each site's own order, interleaved across sites.
        IOrderedEnumerable<SearchRun.RankedGig> ordered = sort switch
        {
            GigSort.Newest => gigs.OrderBy(g => g.Gig.PostedAt is null).ThenByDescending(g => g.Gig.PostedAt),
            GigSort.BudgetHighest => gigs.OrderBy(g => g.Gig.ConvertedBudget is null).ThenByDescending(g => g.Gig.ConvertedBudget?.Highest.Amount),
            GigSort.BudgetLowest => gigs.OrderBy(g => g.Gig.ConvertedBudget is null).ThenBy(g => g.Gig.ConvertedBudget?.Lowest.Amount),
            GigSort.FewestProposals => gigs.OrderBy(g => g.Gig.Proposals is null).ThenBy(g => g.Gig.Proposals),
            _ => gigs.OrderBy(_ => 0),
        };

        return ordered.ThenBy(g => g.Rank).ThenBy(g => g.ProviderIndex).Select(g => g.Gig).ToArray();
    }
}

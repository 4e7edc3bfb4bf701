using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Conventions.Tests;

/// <summary>
/// The README's code, compiled. It is never run (it would reach the real sites): compiling it is the point, and
/// <see cref="ReadmeTests"/> checks that the README shows exactly these lines.
/// </summary>
internal static class ReadmeSnippets
{
    public static async Task QuickstartAsync()
    {
        #region Snippet:Quickstart
        await using var aggregator = GigAggregator.Create(b => b.AddFreelancer().AddFiverr(), o => o.Currency = "IDR");

        var result = await aggregator.SearchAllAsync("logo design budget:<=1000000IDR posted:<7d sort:newest");
        var rupiah = CultureInfo.GetCultureInfo("id-ID");
        foreach (var gig in result.Gigs)
        {
            Console.WriteLine($"{gig.Provider,-12} {gig.Title} {gig.ConvertedBudget?.Highest.ToString(rupiah)} {gig.Url}");
        }

        foreach (var outcome in result.Outcomes)
        {
            Console.WriteLine(outcome); // "fiverr: succeeded, 12 gigs (48 received) in 1.2 s", or why a site failed
        }
        #endregion
    }

    public static void DependencyInjection(IServiceCollection services)
    {
        #region Snippet:DependencyInjection
        services.AddFreelanceAggregator(o => o.Currency = "IDR")
                .AddFreelancer()
                .AddFiverr();
        #endregion
    }
}

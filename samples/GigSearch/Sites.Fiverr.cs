using FreelanceAggregator.Providers.Fiverr;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace GigSearch;

internal static partial class Sites
{
    /// <summary>Fiverr: the search page's embedded JSON, read as a browser would; no account needed.</summary>
    private static Site Fiverr() => new(
        FiverrProvider.DefaultName,
        (builder, offline) => builder.AddFiverr(o =>
        {
            if (offline is not null)
            {
                OfflineOptions.Apply(o, offline);
            }
        }),
        (server, bundle) =>
        {
            // Page 1 is /search/gigs?query=…, later pages add &page=N; the query text itself is not matched, because
            // the bundle is one recorded search that the aggregator filters for whatever the user asked.
            const string html = "text/html; charset=utf-8";
            server.Given(Request.Create().WithPath("/search/gigs").UsingGet().WithParam("query").WithParam("page", MatchBehaviour.RejectOnMatch))
                .RespondWith(bundle.Answer("fiverr", "search-page1.html", html));
            server.Given(Request.Create().WithPath("/search/gigs").UsingGet().WithParam("query").WithParam("page", "2"))
                .RespondWith(bundle.Answer("fiverr", "search-page2.html", html));
        });
}

using FreelanceAggregator.Providers.Sribulancer;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace GigSearch;

internal static partial class Sites
{
    /// <summary>Sribulancer, now Sribu: Sribu's public GraphQL job list (the provider's default source).</summary>
    private static Site Sribulancer() => new(
        SribulancerProvider.DefaultName,
        (builder, offline) => builder.AddSribulancer(o =>
        {
            if (offline is not null)
            {
                OfflineOptions.Apply(o, offline);
            }
        }),
        (server, bundle) =>
        {
            // One POST to /public per page; the page number is inside the GraphQL text ("jobsListPublic(page: 2, …").
            // posting_time_limit_start is the clock's "now", so it is not matched.
            for (var page = 1; page <= 2; page++)
            {
                server.Given(Request.Create().WithPath("/public").UsingPost()
                        .WithHeader("Content-Type", "application/json*")
                        .WithBody(new RegexMatcher($@"jobsListPublic\(page: {page}, job_type: 0, per_page: 10,")))
                    .RespondWith(bundle.Answer("sribulancer", $"jobs-page{page}.json", "application/json; charset=utf-8"));
            }
        });
}

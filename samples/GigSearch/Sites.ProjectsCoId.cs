using FreelanceAggregator.Providers.ProjectsCoId;
using Microsoft.Extensions.DependencyInjection;

namespace GigSearch;

internal static partial class Sites
{
    /// <summary>Projects.co.id: the server-rendered project listing, with the keywords in <c>search=</c>.</summary>
    private static Site ProjectsCoId() => new(
        ProjectsCoIdProvider.DefaultName,
        (builder, offline) => builder.AddProjectsCoId(o =>
        {
            if (offline is not null)
            {
                OfflineOptions.Apply(o, offline);
            }
        }),
        (server, bundle) =>
        {
            // The listing pages by page=N; search= is not matched, so any query reads the one recorded search.
            const string html = "text/html; charset=utf-8";
            bundle.ServeGet(server, "projects.co.id", "/public/browse_projects/listing", "listing-page1.html", html, ("page", "1"));
            bundle.ServeGet(server, "projects.co.id", "/public/browse_projects/listing", "listing-page2.html", html, ("page", "2"));
        });
}

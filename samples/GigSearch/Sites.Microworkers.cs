using FreelanceAggregator.Providers.Microworkers;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GigSearch;

internal static partial class Sites
{
    /// <summary>
    /// The session offline mode gives Microworkers. The job list is shown only to a logged-in worker, so the bundled
    /// server asks for a session too, and accepts only this one. It is no real session: it opens nothing but the bundle.
    /// </summary>
    internal const string MicroworkersStandInSession = "0ff11ne5e5510n0ff11ne5e551";

    /// <summary>Microworkers: the worker's logged-in job list, with the session from <c>MICROWORKERS_SESSION</c>; without it the site is skipped, saying how to get one.</summary>
    private static Site Microworkers() => new(
        MicroworkersProvider.DefaultName,
        (builder, offline) => builder.AddMicroworkers(o =>
        {
            if (offline is null)
            {
                o.SessionCookie = Environment.GetEnvironmentVariable("MICROWORKERS_SESSION") is { Length: > 0 } session ? session.Trim() : null;
                return;
            }

            OfflineOptions.Apply(o, offline);
            o.SessionCookie = MicroworkersStandInSession;
        }),
        ServeMicroworkers);

    // As the site does: the list for a request with the session, by page; a redirect to the login page without it.
    private static void ServeMicroworkers(WireMockServer server, OfflineBundle bundle)
    {
        var cookie = $"{MicroworkersOptions.DefaultSessionCookieName}={MicroworkersStandInSession}";
        foreach (var (page, file) in (ReadOnlySpan<(string, string)>)[("1", "jobs-page1.html"), ("2", "jobs-page2.html")])
        {
            server.Given(Request.Create().WithPath("/jobs.php").UsingGet().WithParam("page", page).WithHeader("Cookie", cookie))
                .AtPriority(1)
                .RespondWith(bundle.Answer("microworkers", file, "text/html; charset=utf-8"));
        }

        server.Given(Request.Create().WithPath("/jobs.php").UsingGet()).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/login.php"));
        bundle.ServeGet(server, "microworkers", "/login.php", "login.html", "text/html; charset=utf-8");
    }
}

using FreelanceAggregator.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>Serves the fixtures the way Fiverr serves its search page.</summary>
internal static class FiverrStubs
{
    /// <summary>The search the page fixtures were made for.</summary>
    public const string Query = "custom website development";

    /// <summary>Serves one fixture for every search request, whatever its page.</summary>
    public static void Page(WireMockTestServer server, string fixture, int status = 200) =>
        server.Server.Given(Request.Create().WithPath("/search/gigs").UsingGet())
            .AtPriority(10)
            .RespondWith(Html(fixture, status));

    /// <summary>Serves the first fixture for a request without a page number and each next one for <c>page=2</c>, <c>page=3</c>, ...</summary>
    public static void SearchPages(WireMockTestServer server, params string[] fixtures)
    {
        Page(server, fixtures[0]);
        for (var i = 1; i < fixtures.Length; i++)
        {
            server.Server.Given(Request.Create().WithPath("/search/gigs").UsingGet().WithParam("page", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .AtPriority(1)
                .RespondWith(Html(fixtures[i], 200));
        }
    }

    public static IResponseBuilder Html(string fixture, int status) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody(Fixtures.Read(fixture));
}

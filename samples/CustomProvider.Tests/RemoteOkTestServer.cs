using FreelanceAggregator.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>Stubs Remote OK's feed on a test server.</summary>
internal static class RemoteOkTestServer
{
    /// <summary>Answers <c>GET /api</c> (with the given tag, or any request to it when null) with a fixture.</summary>
    public static void StubFeed(this WireMockTestServer server, string fixture, string? tag = null, int status = 200)
    {
        var request = Request.Create().WithPath("/api").UsingGet();
        if (tag is not null)
        {
            request = request.WithParam("tag", tag);
        }

        var contentType = fixture.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=UTF-8" : "application/json";
        server.Server.Given(request).AtPriority(tag is null ? 10 : 1)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(Fixtures.Read(fixture)));
    }

    /// <summary>Answers <c>GET /api</c> with a body.</summary>
    public static void StubBody(this WireMockTestServer server, string body, int status = 200, string contentType = "application/json") =>
        server.Server.Given(Request.Create().WithPath("/api").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
}

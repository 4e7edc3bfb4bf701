using FreelanceAggregator.Testing;
using WireMock.ResponseBuilders;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>Single answers for the provider's own tests, made with the site description's request matcher and answers.</summary>
internal static class RemoteOkTestServer
{
    private static readonly RemoteOkTestSite Site = new();

    /// <summary>Answers <c>GET /api</c> (with the given tag, or any request to it when null) with a fixture.</summary>
    public static void StubFeed(this WireMockTestServer server, string fixture, string? tag = null, int status = 200)
    {
        var request = Site.SearchRequest();
        if (tag is not null)
        {
            request = request.WithParam("tag", tag);
        }

        server.Server.Given(request).AtPriority(tag is null ? 10 : 1).RespondWith(Site.Answer(fixture, status));
    }

    /// <summary>Answers <c>GET /api</c> with a body.</summary>
    public static void StubBody(this WireMockTestServer server, string body, int status = 200, string contentType = "application/json") =>
        server.Server.Given(Site.SearchRequest())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
}

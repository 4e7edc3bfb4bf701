using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>Stubs Freelancer's API on a test server and builds aggregators pointed at it.</summary>
internal static class FreelancerTestServer
{
    public const string SearchPath = "/api/projects/0.1/projects/active/";

    /// <summary>The clock of the tests that need one: 2026-11-23 10:00 UTC.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Answers the search with a fixture, for requests with the given offset (or any request when null).</summary>
    public static void StubSearch(this WireMockTestServer server, string fixture, string? offset = null, int status = 200, int priority = 10, string? language = null)
    {
        var request = Request.Create().WithPath(SearchPath).UsingGet();
        if (offset is not null)
        {
            request = request.WithParam("offset", offset);
        }

        if (language is not null)
        {
            request = request.WithParam("languages[]", language);
        }

        var contentType = fixture.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=UTF-8" : "application/json";
        server.Server.Given(request).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(Fixtures.Read(fixture)));
    }

    /// <summary>Answers the search with a body.</summary>
    public static void StubBody(this WireMockTestServer server, string body, int status = 200, string contentType = "application/json") =>
        server.Server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

    /// <summary>Stubs the two pages of the .com fixtures (offset 0 and 6).</summary>
    public static void StubTwoPages(this WireMockTestServer server)
    {
        server.StubSearch("projects-page1.json", offset: "0");
        server.StubSearch("projects-page2.json", offset: "6");
        server.StubSearch("projects-empty.json", priority: 100);
    }

    /// <summary>Creates an aggregator whose providers point at the test server.</summary>
    public static GigAggregator CreateAggregator(
        WireMockTestServer server,
        Action<IFreelanceAggregatorBuilder> add,
        TimeProvider? time = null,
        ExchangeRateProvider? rates = null,
        ILoggerProvider? logs = null,
        Action<GigAggregatorOptions>? options = null) =>
        GigAggregator.Create(
            b =>
            {
                if (time is not null)
                {
                    b.Services.Replace(ServiceDescriptor.Singleton(time));
                }

                if (rates is not null)
                {
                    b.UseExchangeRates(rates);
                }

                if (logs is not null)
                {
                    b.Services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
                }

                add(b);
            },
            options);

    /// <summary>Creates an aggregator with Freelancer.com only.</summary>
    public static GigAggregator CreateFreelancer(WireMockTestServer server, Action<FreelancerOptions>? configure = null, TimeProvider? time = null, ExchangeRateProvider? rates = null, ILoggerProvider? logs = null) =>
        CreateAggregator(
            server,
            b => b.AddFreelancer(o =>
            {
                ProviderTestOptions.UseTestServer(o, server.BaseAddress);
                configure?.Invoke(o);
            }),
            time,
            rates,
            logs);

    /// <summary>Gets the query string of each request, decoded, in order.</summary>
    public static IReadOnlyList<string> Queries(this WireMockTestServer server) =>
        server.Requests().Select(u => Uri.UnescapeDataString(u.Query)).ToList();
}

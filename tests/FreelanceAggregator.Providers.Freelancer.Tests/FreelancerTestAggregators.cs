using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>
/// Builds aggregators pointed at a test server, and serves odd answers on the site's search route. The routes of the
/// recorded pages are the site descriptions' (<see cref="FreelancerTestSite"/>, <see cref="FreelancerIndonesiaTestSite"/>).
/// </summary>
internal static class FreelancerTestAggregators
{
    public static readonly FreelancerTestSite Site = new();

    public static readonly FreelancerIndonesiaTestSite IndonesiaSite = new();

    /// <summary>The clock of the tests that need one: 2026-11-23 10:00 UTC.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Answers every search with one of the site's fixtures.</summary>
    public static void Serve(this WireMockTestServer server, string fixture, int status = 200) =>
        server.Server.Given(Site.SearchRequest()).RespondWith(Site.Answer(fixture, status));

    /// <summary>Answers every search with a body.</summary>
    public static void ServeBody(this WireMockTestServer server, string body, int status = 200, string contentType = "application/json") =>
        server.Server.Given(Site.SearchRequest())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

    /// <summary>Creates an aggregator whose providers point at the test server.</summary>
    public static GigAggregator CreateAggregator(
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
        CreateAggregator(b => Site.AddProvider(b, server.BaseAddress, o => configure?.Invoke((FreelancerOptions)o)), time, rates, logs);

    /// <summary>Creates an aggregator with Freelancer.co.id only.</summary>
    public static GigAggregator CreateIndonesia(WireMockTestServer server, TimeProvider? time = null) =>
        CreateAggregator(b => IndonesiaSite.AddProvider(b, server.BaseAddress), time);

    /// <summary>Gets the query string of each request, decoded, in order.</summary>
    public static IReadOnlyList<string> Queries(this WireMockTestServer server) =>
        server.Requests().Select(u => Uri.UnescapeDataString(u.Query)).ToList();
}

using System.Text.Json;
using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>Token strings the tests configure or the fixtures hand out; the leak test searches every output for them.</summary>
internal static class TestTokens
{
    public const string Access = UpworkTestSite.AccessToken;
    public const string Expired = "oauth2v2_e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0";
    public const string ClientId = "0d1c2b3a495867f6e5d4c3b2a1908f7e";
    public const string ClientSecret = "f1e2d3c4b5a69788";
    public const string Refresh = "oauth2v2_4a8a08f09d37b73795649038408b5f33";

    // The values in Fixtures/token-refresh.json.
    public const string RefreshedAccess = "oauth2v2_5d41402abc4b2a76b9719d911017c592";
    public const string RotatedRefresh = "oauth2v2_7d793037a0760186574b0282f2f435e7";

    public static readonly string[] All = [Access, Expired, ClientSecret, Refresh, RefreshedAccess, RotatedRefresh];
}

/// <summary>
/// Ad-hoc answers on Upwork's two endpoints, built on the site description's routes (<see cref="UpworkTestSite"/>:
/// paths, content types, fixtures), and request-log reading.
/// </summary>
internal static class UpworkStubs
{
    public const string GraphQlPath = UpworkTestSite.GraphQlPath;
    public const string TokenPath = UpworkTestSite.TokenPath;

    public static UpworkTestSite Site { get; } = new();

    public static Uri TokenEndpoint(this WireMockTestServer server) => new(server.BaseAddress, TokenPath.TrimStart('/'));

    /// <summary>Points the provider at the test server with fast retries, and its token endpoint there too.</summary>
    public static void UseTestServer(UpworkOptions options, WireMockTestServer server)
    {
        ProviderTestOptions.UseTestServer(options, server.BaseAddress);
        options.TokenEndpoint = server.TokenEndpoint();
    }

    /// <summary>Answers searches (those whose body passes <paramref name="body"/>, sent with <paramref name="bearer"/>) with a fixture.</summary>
    public static void StubSearch(this WireMockServer server, string fixture, Func<string, bool>? body = null, string? bearer = null, int status = 200, int priority = 10)
    {
        var request = Site.SearchRequest();
        if (body is not null)
        {
            request = request.WithBody((string? b) => b is not null && body(b));
        }

        if (bearer is not null)
        {
            request = request.WithHeader("Authorization", "Bearer " + bearer);
        }

        server.Given(request).AtPriority(priority).RespondWith(Site.Answer(fixture, status));
    }

    public static void StubToken(this WireMockServer server, string fixture, int status = 200, Func<string, bool>? body = null, int priority = 10)
    {
        var request = Request.Create().WithPath(TokenPath).UsingPost();
        if (body is not null)
        {
            request = request.WithBody((string? b) => b is not null && body(b));
        }

        server.Given(request).AtPriority(priority).RespondWith(Site.Answer(fixture, status));
    }

    public static bool After(string body, string cursor) => UpworkTestSite.CursorOf(body) == cursor;

    public static IReadOnlyList<ILogEntry> Requests(this WireMockServer server, string path) =>
        server.LogEntries.Where(e => e.RequestMessage.AbsolutePath == path).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public static IReadOnlyList<ILogEntry> AllRequests(this WireMockServer server) =>
        server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();

    public static JsonElement JsonBody(this ILogEntry entry)
    {
        using var json = JsonDocument.Parse(entry.RequestMessage.Body!);
        return json.RootElement.Clone();
    }

    public static JsonElement Filter(this ILogEntry entry) => entry.JsonBody().GetProperty("variables").GetProperty("marketPlaceJobFilter");

    public static string? Bearer(this ILogEntry entry) =>
        entry.RequestMessage.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.FirstOrDefault() : null;

    public static IReadOnlyDictionary<string, string> Form(this ILogEntry entry) =>
        (entry.RequestMessage.Body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty));
}

/// <summary>An aggregator with only the Upwork provider, built on a service collection the test controls (clock, logs, rates).</summary>
internal sealed class UpworkHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private UpworkHarness(ServiceProvider services, FakeLogCollector logs)
    {
        _services = services;
        Logs = logs;
        Aggregator = services.GetRequiredService<GigAggregator>();
    }

    public GigAggregator Aggregator { get; }

    public FakeLogCollector Logs { get; }

    public UpworkProvider Provider => (UpworkProvider)Aggregator.Providers.Single();

    public static UpworkHarness Create(WireMockTestServer server, Action<UpworkOptions> configure, TimeProvider? time = null, Action<IFreelanceAggregatorBuilder>? more = null)
    {
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var builder = services.AddFreelanceAggregator();
        builder.AddUpwork(o =>
        {
            UpworkStubs.UseTestServer(o, server);
            configure(o);
        });
        more?.Invoke(builder);
        return new UpworkHarness(services.BuildServiceProvider(), logs);
    }

    public Task<GigSearchResult> SearchAsync(GigQuery query) => Aggregator.SearchAllAsync(query, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

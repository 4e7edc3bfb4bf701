using System.Text.Json;
using FreelanceAggregator.Providers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GigSearch;

/// <summary>
/// The recorded pages bundled with GigSearch (the Offline folder) and the day they stand for. Offline mode serves them
/// from in-process WireMock.Net servers, one per site, and sets the clock to that day so "posted 3 hours ago" and
/// <c>posted:&lt;7d</c> read as they did when the pages were recorded.
/// </summary>
internal sealed class OfflineBundle
{
    private OfflineBundle(string root, DateTimeOffset recordedAt)
    {
        Root = root;
        RecordedAt = recordedAt;
    }

    public string Root { get; }

    public DateTimeOffset RecordedAt { get; }

    /// <summary>Reads Offline/bundle.json: <c>{"recordedAt": "2026-11-20T09:00:00+07:00"}</c>.</summary>
    public static OfflineBundle Load()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Offline");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "bundle.json")));
        return new OfflineBundle(root, manifest.RootElement.GetProperty("recordedAt").GetDateTimeOffset());
    }

    public string Read(string site, string file) => File.ReadAllText(Path.Combine(Root, site, file));

    /// <summary>Serves a bundled file for GET requests to a path (optionally only with a query parameter value).</summary>
    public void ServeGet(WireMockServer server, string site, string path, string file, string contentType, (string Name, string Value)? parameter = null)
    {
        var request = Request.Create().WithPath(path).UsingGet();
        if (parameter is { } p)
        {
            request = request.WithParam(p.Name, p.Value);
        }

        server.Given(request).RespondWith(Answer(site, file, contentType));
    }

    /// <summary>An answer with a bundled file as its body.</summary>
    public IResponseBuilder Answer(string site, string file, string contentType, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(Read(site, file));

    /// <summary>
    /// Answers every request no stub matched with a 404 that says so, at the lowest priority: a provider that asks for
    /// something the bundle does not hold (a page past the recorded ones) then fails with that text, not WireMock's.
    /// </summary>
    public static void ServeNotRecorded(WireMockServer server) =>
        server.Given(Request.Create().UsingAnyMethod()).AtPriority(int.MaxValue).RespondWith(Response.Create()
            .WithStatusCode(404)
            .WithHeader("Content-Type", "text/plain; charset=utf-8")
            .WithBody("GigSearch's offline bundle holds no recorded answer for this request."));
}

/// <summary>The options every provider gets offline: the bundle's server, and nothing that waits for a real site's sake.</summary>
internal static class OfflineOptions
{
    public static void Apply(GigProviderOptions options, Uri server)
    {
        options.BaseAddress = server;

        // Page delays and retry back-off are politeness towards a real site; the bundled server needs neither, and a
        // request it cannot answer will not be answered on a retry either.
        options.PageDelay = TimeSpan.Zero;
        options.MaxRetries = 0;
        options.RetryDelay = TimeSpan.Zero;
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.RequestTimeout = TimeSpan.FromSeconds(10);
    }
}

/// <summary>Starts one local server per site and tears them down afterwards.</summary>
internal sealed class OfflineSites : IDisposable
{
    private readonly Dictionary<string, WireMockServer> _servers = new(StringComparer.OrdinalIgnoreCase);

    public OfflineSites(IEnumerable<Site> sites, OfflineBundle bundle)
    {
        foreach (var site in sites)
        {
            var server = WireMockServer.Start();
            site.ServeOffline(server, bundle);
            OfflineBundle.ServeNotRecorded(server);
            _servers[site.Name] = server;
        }
    }

    public Uri BaseAddressOf(string site) => new(_servers[site].Url!.TrimEnd('/') + "/");

    public void Dispose()
    {
        foreach (var server in _servers.Values)
        {
            server.Stop();
            server.Dispose();
        }
    }
}

/// <summary>The offline clock: the bundle's day for "now", the system's for timers and elapsed time.</summary>
internal sealed class RecordedTimeProvider(DateTimeOffset recordedAt) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => recordedAt.ToUniversalTime() + System.GetElapsedTime(_started);
}

using System.Text.Json;
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

        server.Given(request).RespondWith(Response.Create().WithHeader("Content-Type", contentType).WithBody(Read(site, file)));
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

using WireMock.Server;
using WireMock.Settings;

namespace FreelanceAggregator.Testing;

/// <summary>A local WireMock.Net server that a test starts and stops itself; no test ever reaches the internet.</summary>
public sealed class WireMockTestServer : IDisposable
{
    private WireMockTestServer(WireMockServer server) => Server = server;

    /// <summary>Gets the server, to stub answers with <c>Given(...).RespondWith(...)</c>.</summary>
    public WireMockServer Server { get; }

    /// <summary>Gets the server's base address, with a trailing slash.</summary>
    public Uri BaseAddress => new(Server.Url!.TrimEnd('/') + "/");

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <returns>The server.</returns>
    public static WireMockTestServer Start() => new(WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = false }));

    /// <summary>Gets how many requests reached the server, for paging and retry assertions.</summary>
    /// <returns>The requests, oldest first.</returns>
    public IReadOnlyList<Uri> Requests() =>
        Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => new Uri(e.RequestMessage.AbsoluteUrl)).ToList();

    /// <inheritdoc/>
    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }
}

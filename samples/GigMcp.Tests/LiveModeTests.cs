using System.Diagnostics;
using System.Text;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GigMcp.Tests;

/// <summary>
/// A server in live mode whose sites are local stand-ins (each provider's BaseAddress set through the environment, as a
/// user would point it at a mirror): a blocked Fiverr, a working Freelancer, an Upwork refusing the token, a
/// Microworkers asking for a login, and a Projects.co.id that never answers in time.
/// </summary>
public sealed class LiveSitesFixture : IAsyncLifetime
{
    public const string UpworkToken = "oauth2v2_SECRET-UPWORK-TOKEN-4711";
    public const string MicroworkersSession = "SECRET-MICROWORKERS-SESSION-0815";
    public const string SlowPath = "/public/browse_projects/listing";

    public WireMockServer Sites { get; } = WireMockServer.Start();

    public GigMcpServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var bundle = Path.Combine(Path.GetDirectoryName(GigMcpServer.DllPath)!, "Offline");
        Sites.Given(Request.Create().WithPath("/search/gigs").UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(403)
            .WithHeader("Content-Type", "text/html; charset=utf-8")
            .WithBody(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fiverr-blocked-perimeterx.html"))));
        foreach (var (offset, file) in (ReadOnlySpan<(string, string)>)[("0", "projects-page1.json"), ("4", "projects-page2.json")])
        {
            Sites.Given(Request.Create().WithPath("/api/projects/0.1/projects/active/").UsingGet().WithParam("offset", offset)).RespondWith(Response.Create()
                .WithHeader("Content-Type", "application/json")
                .WithBody(File.ReadAllText(Path.Combine(bundle, "freelancer", file))));
        }

        Sites.Given(Request.Create().WithPath("/graphql").UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(401)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"message":"Authentication failed"}"""));
        Sites.Given(Request.Create().WithPath("/jobs.php").UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/login.php"));
        Sites.Given(Request.Create().WithPath("/login.php").UsingGet()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "text/html; charset=utf-8")
            .WithBody(File.ReadAllText(Path.Combine(bundle, "microworkers", "login.html"))));
        Sites.Given(Request.Create().WithPath(SlowPath).UsingGet()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "text/html; charset=utf-8")
            .WithBody(File.ReadAllText(Path.Combine(bundle, "projects.co.id", "listing-page1.html")))
            .WithDelay(TimeSpan.FromMinutes(3)));

        var address = Sites.Url!.TrimEnd('/') + "/";
        var environment = new Dictionary<string, string?>
        {
            ["UPWORK_ACCESS_TOKEN"] = UpworkToken,
            ["MICROWORKERS_SESSION"] = MicroworkersSession,
        };
        foreach (var site in (string[])["fiverr", "freelancer", "upwork", "microworkers", "projects.co.id"])
        {
            environment[$"FreelanceAggregator__Providers__{site}__BaseAddress"] = address;
        }

        Server = await GigMcpServer.StartAsync(["--timeout", "600", "--store", Path.Combine(Path.GetTempPath(), "gigmcp-unused-" + Guid.NewGuid().ToString("N") + ".db")], environment);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Sites.Stop();
        Sites.Dispose();
    }
}

public sealed class LiveModeTests(LiveSitesFixture fixture) : IClassFixture<LiveSitesFixture>
{
    private GigMcpServer Server => fixture.Server;

    [Fact]
    public async Task ABlockedSiteIsAnOutcomeAndTheOthersListingsStay()
    {
        var result = await Server.CallOkAsync("search_gigs", new()
        {
            ["query"] = "logo design",
            ["sites"] = new[] { "fiverr", "freelancer", "upwork", "microworkers" },
            ["currency"] = "USD",
        });

        var sites = result.GetProperty("sites").EnumerateArray().ToDictionary(s => s.GetProperty("site").GetString()!);
        Assert.Equal("failed", sites["fiverr"].GetProperty("status").GetString());
        Assert.StartsWith("fiverr: blocked by bot protection: ", sites["fiverr"].GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("upwork: credentials missing, wrong or expired: ", sites["upwork"].GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("microworkers: asks for a login: ", sites["microworkers"].GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal("succeeded", sites["freelancer"].GetProperty("status").GetString());

        var listings = result.GetProperty("listings").EnumerateArray().ToList();
        Assert.NotEmpty(listings);
        Assert.All(listings, l => Assert.Equal("freelancer", l.GetProperty("site").GetString()));
        Assert.Contains(listings, l => l.GetProperty("title").GetString() == "Logo design for a specialty coffee roastery");
        Assert.False(result.TryGetProperty("offline", out _));
    }

    [Fact]
    public async Task SecretsFromTheEnvironmentReachTheSitesButNoResultOrLog()
    {
        var result = await Server.CallAsync("search_gigs", new() { ["query"] = "logo", ["sites"] = new[] { "upwork", "microworkers" } });
        Assert.True(result.IsError is not true, GigMcpServer.Text(result));

        // The token and the session were used: the stand-ins saw them.
        var requests = fixture.Sites.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Contains(requests, r => r.Path == "/graphql" && Header(r, "Authorization").Contains("Bearer " + LiveSitesFixture.UpworkToken));
        Assert.Contains(requests, r => r.Path == "/jobs.php" && Header(r, "Cookie").Any(c => c.Contains(LiveSitesFixture.MicroworkersSession, StringComparison.Ordinal)));

        var everything = GigMcpServer.Text(result) + JsonSerializer.Serialize(result.StructuredContent) + Server.ErrorOutput;
        Assert.DoesNotContain(LiveSitesFixture.UpworkToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveSitesFixture.MicroworkersSession, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-", everything, StringComparison.Ordinal);

        // No tool takes a credential: an assistant cannot be asked for one.
        foreach (var tool in await Server.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var parameter in tool.ProtocolTool.InputSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.DoesNotMatch("(?i)token|session|secret|password|cookie", parameter.Name);
            }
        }
    }

    [Fact]
    public async Task CancellingTheCallStopsTheSearch()
    {
        var token = TestContext.Current.CancellationToken;
        using var cancel = new CancellationTokenSource();
        var call = Server.CallCancellableAsync("search_gigs", new() { ["query"] = "logo", ["sites"] = new[] { "projects.co.id" } }, cancel.Token);

        // Cancel once the search is under way (the site's answer would take minutes; WireMock lists a request only
        // once it has answered it, so the server's log says when the search began).
        await Eventually(() => Server.ErrorOutput.Contains("search_gigs: logo site:projects.co.id", StringComparison.Ordinal), () => Server.ErrorOutput, token);
        await Task.Delay(TimeSpan.FromSeconds(2), token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The server stopped the search (it says so on standard error) and goes on serving.
        await Eventually(() => Server.ErrorOutput.Contains("search_gigs cancelled by the client: logo site:projects.co.id", StringComparison.Ordinal), () => Server.ErrorOutput, token);
        Assert.True((await Server.CallOkAsync("parse_query", new() { ["query"] = "logo" })).GetProperty("valid").GetBoolean());
    }

    private static List<string> Header(WireMock.IRequestMessage request, string name) =>
        [.. (request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value)];

    // A bound for something that must happen, not a speed goal: the machine may be busy.
    private static async Task Eventually(Func<bool> condition, Func<string> log, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "The condition did not come true within a minute. The server's log:\n" + log());
            await Task.Delay(100, cancellationToken);
        }
    }
}

/// <summary>Speaks to the server by hand, to see every byte it writes to standard output.</summary>
public sealed class StdoutTests
{
    [Fact]
    public async Task StandardOutputCarriesOnlyTheProtocol()
    {
        var start = new ProcessStartInfo(GigMcpServer.DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(GigMcpServer.DllPath);
        start.ArgumentList.Add("--store");
        start.ArgumentList.Add(Path.Combine(Path.GetTempPath(), "gigmcp-unused-" + Guid.NewGuid().ToString("N") + ".db"));
        foreach (var name in GigMcpServer.LiveVariables)
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            string[] requests =
            [
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"by-hand","version":"1.0"}}}""",
                """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
                """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
                """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"parse_query","arguments":{"query":"logo posted:<3d"}}}""",
            ];
            var lines = new List<string>();
            foreach (var request in requests)
            {
                await process.StandardInput.WriteLineAsync(request.AsMemory(), timeout.Token);
                await process.StandardInput.FlushAsync(timeout.Token);
                if (request.Contains("\"id\"", StringComparison.Ordinal))
                {
                    lines.Add(await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("GigMcp closed its output."));
                }
            }

            process.StandardInput.Close();
            var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            lines.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            // Every line is a JSON-RPC message: one answer per request, nothing else.
            var messages = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.All(messages, m => Assert.Equal("2.0", m.GetProperty("jsonrpc").GetString()));
            Assert.Equal([1, 2, 3], messages.Select(m => m.GetProperty("id").GetInt32()).Order());
            Assert.Contains("posted in the last 3 days", messages.Single(m => m.GetProperty("id").GetInt32() == 3).GetProperty("result").GetRawText(), StringComparison.Ordinal);

            // The log went to standard error.
            Assert.Contains("tools/call", await error, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

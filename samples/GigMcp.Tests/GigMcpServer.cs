using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace GigMcp.Tests;

/// <summary>GigMcp started as its own process and connected to with the SDK's stdio client, as a desktop assistant does.</summary>
public sealed class GigMcpServer : IAsyncDisposable
{
    /// <summary>Credentials a developer may have set for live searches: a test must neither use them nor print anything about them.</summary>
    public static readonly string[] LiveVariables =
    [
        "UPWORK_ACCESS_TOKEN", "UPWORK_CLIENT_ID", "UPWORK_CLIENT_SECRET", "UPWORK_REFRESH_TOKEN", "UPWORK_REFRESH_TOKEN_FILE",
        "FREELANCER_OAUTH_TOKEN", "MICROWORKERS_SESSION",
    ];

    private readonly ConcurrentQueue<string> _errorLines = new();

    private GigMcpServer()
    {
    }

    /// <summary>Gets GigMcp.dll in the GigMcp project's own output folder (see GigMcp.Tests.csproj).</summary>
    public static string DllPath { get; } = Metadata("GigMcpDll");

    public McpClient Client { get; private set; } = null!;

    /// <summary>Gets what the server wrote to standard error so far (its log).</summary>
    public string ErrorOutput => string.Join('\n', _errorLines);

    public static string Metadata(string key) => typeof(GigMcpServer).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    /// <summary>Starts the server with these arguments and environment (on top of this process's, without live credentials).</summary>
    public static async Task<GigMcpServer> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Assert.True(File.Exists(DllPath), $"GigMcp is not built at {DllPath}.");
        var server = new GigMcpServer();
        var variables = LiveVariables.ToDictionary(v => v, _ => (string?)null);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "GigMcp",
            Command = DotnetHost(),
            Arguments = [DllPath, .. arguments],
            EnvironmentVariables = variables,
            StandardErrorLines = server._errorLines.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });

        // A bound for a server that never answers, not a speed goal: a cold start on a busy machine takes seconds.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        server.Client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
        return server;
    }

    /// <summary>Calls a tool and returns its result, error or not.</summary>
    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?>? arguments = null) =>
        CallCancellableAsync(tool, arguments, CancellationToken.None);

    /// <summary>Calls a tool that the caller may cancel, and returns its result, error or not.</summary>
    public async Task<CallToolResult> CallCancellableAsync(string tool, Dictionary<string, object?>? arguments, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        return await Client.CallToolAsync(tool, arguments ?? [], cancellationToken: timeout.Token);
    }

    /// <summary>Calls a tool that must succeed and returns its structured content.</summary>
    public async Task<JsonElement> CallOkAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        Assert.True(result.IsError is not true, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        return JsonSerializer.SerializeToElement(result.StructuredContent);
    }

    /// <summary>Gets a result's text content, where a tool error's message is.</summary>
    public static string Text(CallToolResult result) => string.Join('\n', result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }
    }

    // The dotnet that runs these tests: the CLI names itself in DOTNET_HOST_PATH; otherwise the runtime's own root.
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}

/// <summary>One offline server, with a watch store in a temporary folder, shared by every test that needs no other.</summary>
public sealed class OfflineServerFixture : IAsyncLifetime
{
    public const string Subscriber = "tester";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "gigmcp-tests-" + Guid.NewGuid().ToString("N"));

    public string StorePath => Path.Combine(Folder, "watches.db");

    public GigMcpServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Server = await GigMcpServer.StartAsync(["--offline", "--currency", "IDR", "--store", StorePath, "--subscriber", Subscriber]);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

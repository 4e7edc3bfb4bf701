using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace GigSearch.Tests;

/// <summary>What a run of GigSearch left: its exit code and everything it wrote.</summary>
public sealed record GigSearchRun(int ExitCode, string Output, string Error);

/// <summary>Runs the GigSearch build output as its own process, with standard output and error piped, as a script would.</summary>
internal static class GigSearchProcess
{
    // Credentials a developer may have set for live searches: a test must neither use them nor print anything about them.
    private static readonly string[] LiveVariables =
        ["UPWORK_ACCESS_TOKEN", "UPWORK_CLIENT_ID", "UPWORK_CLIENT_SECRET", "UPWORK_REFRESH_TOKEN", "UPWORK_REFRESH_TOKEN_FILE", "FREELANCER_OAUTH_TOKEN"];

    /// <summary>Gets GigSearch.dll in the GigSearch project's own output folder (see GigSearch.Tests.csproj).</summary>
    public static string DllPath { get; } = Metadata("GigSearchDll");

    /// <summary>Gets a path the build wrote into this assembly (GigSearch.Tests.csproj).</summary>
    public static string Metadata(string key) => typeof(GigSearchProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    // Where the system's culture comes from on Linux and macOS (LC_ALL wins, then LC_MESSAGES, then LANG).
    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>Runs GigSearch with the invariant system culture (LANG=C.UTF-8), whatever the developer's locale is.</summary>
    public static Task<GigSearchRun> RunAsync(params string[] arguments) =>
        RunWithLocaleAsync("C.UTF-8", arguments);

    /// <summary>Runs GigSearch as on a system whose locale is <paramref name="lang"/>, such as id_ID.UTF-8.</summary>
    public static async Task<GigSearchRun> RunWithLocaleAsync(string lang, params string[] arguments)
    {
        Assert.True(File.Exists(DllPath), $"GigSearch is not built at {DllPath}.");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in LiveVariables.Concat(LocaleVariables))
        {
            start.Environment.Remove(name);
        }

        start.Environment["LANG"] = lang;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        // A bound for a hung child, not a speed assertion: an offline search takes a few seconds.
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new GigSearchRun(process.ExitCode, await output, await error);
    }

    // The dotnet that runs these tests: the CLI names itself in DOTNET_HOST_PATH; otherwise the runtime's own root.
    private static string DotnetHost()
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

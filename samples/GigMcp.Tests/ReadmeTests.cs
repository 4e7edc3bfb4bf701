using System.Text.Json;
using System.Text.RegularExpressions;

namespace GigMcp.Tests;

/// <summary>The README's configuration for a desktop assistant starts a server that works.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public async Task TheDesktopAssistantConfigurationStartsTheServer()
    {
        var readme = await File.ReadAllTextAsync(GigMcpServer.Metadata("Readme"), TestContext.Current.CancellationToken);
        var section = readme[readme.IndexOf("## Ask an AI assistant (MCP)", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 4, StringComparison.Ordinal)];
        using var config = JsonDocument.Parse(JsonBlock().Match(section).Groups[1].Value);

        var server = config.RootElement.GetProperty("mcpServers").GetProperty("freelance-gigs");
        Assert.Equal("dotnet", server.GetProperty("command").GetString());
        var args = server.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.EndsWith("/samples/GigMcp/bin/Release/net10.0/GigMcp.dll", args[0], StringComparison.Ordinal);

        // The same arguments, with this build's GigMcp.dll in place of the reader's clone.
        await using var started = await GigMcpServer.StartAsync(args.Skip(1));
        var result = await started.CallOkAsync("search_gigs", new() { ["query"] = "logo design", ["sites"] = new[] { "sribulancer" } });
        Assert.Equal("IDR", result.GetProperty("currency").GetString());
        Assert.True(
            result.GetProperty("listings").EnumerateArray().Any(l => l.GetProperty("title").GetString() == "Design Logo untuk Kedai Kopi Kekinian"),
            "Not found; the sites said: " + result.GetProperty("sites").GetRawText());
    }

    [GeneratedRegex(@"```json\r?\n(.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}

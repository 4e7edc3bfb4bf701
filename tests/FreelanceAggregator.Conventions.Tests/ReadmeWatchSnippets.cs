using System.Text.RegularExpressions;
using FreelanceAggregator.Watch;
using FreelanceAggregator.Watch.PostgreSql;

namespace FreelanceAggregator.Conventions.Tests;

/// <summary>The README's "Watching from several machines" code, compiled; <see cref="ReadmeTests"/> compares it line for line.</summary>
internal static class ReadmeWatchSnippets
{
    public static async Task SeveralMachinesAsync(string connectionString)
    {
        #region Snippet:WatchingFromSeveralMachines
        // On every node: the same database. The first node to start creates the schema; the others wait for it.
        await using WatchStore store = await PostgreSqlWatchStore.OpenAsync(connectionString);
        await store.AddWatchAsync(new GigWatch { Name = "logos", Subscriber = "alice", Query = GigQuery.Parse("logo design site:fiverr,upwork") });

        // Any node can deliver: each pending alert is handed to one node at a time, until acknowledged.
        var alerts = await store.ClaimPendingAlertsAsync(maxCount: 50, lease: TimeSpan.FromMinutes(2));
        foreach (var alert in alerts)
        {
            Console.WriteLine(alert);
        }

        await store.AcknowledgeAlertsAsync(alerts.Select(a => a.Id));
        #endregion
    }
}

/// <summary>The watch sections of the README show compiled code.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void TheSeveralMachinesSectionShowsTheCompiledSnippet()
    {
        var source = File.ReadAllText(Path.Combine(Root, "tests", "FreelanceAggregator.Conventions.Tests", "ReadmeWatchSnippets.cs"));
        var match = Regex.Match(source, @"#region Snippet:WatchingFromSeveralMachines\r?\n(.*?)\r?\n\s*#endregion", RegexOptions.Singleline);
        Assert.True(match.Success);
        var lines = match.Groups[1].Value.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var snippet = lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()).ToList();

        var shown = CodeBlocks("Watching from several machines")[0];

        Assert.Equal(snippet, shown.Where(line => !line.StartsWith("using ", StringComparison.Ordinal)).SkipWhile(string.IsNullOrEmpty).ToList());
    }
}

using System.Text.RegularExpressions;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>
/// The READMEs quote code from <c>#region Snippet:Name</c> blocks in fenced blocks headed <c>```C# Snippet:Name</c>;
/// this checks that every quote is still the code that builds and runs here, so the guide cannot drift from it.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Snippets");

    public static TheoryData<string> Readmes => new() { "README.md", "root-README.md" };

    [Theory]
    [MemberData(nameof(Readmes))]
    public void EverySnippetInTheReadmeIsTheCodeOfItsRegion(string readme)
    {
        var regions = Regions();
        var quoted = Quotes(File.ReadAllText(Path.Combine(Folder, readme)));

        Assert.NotEmpty(quoted);
        Assert.All(quoted, quote =>
        {
            Assert.True(regions.TryGetValue(quote.Key, out var code), $"{readme} quotes Snippet:{quote.Key}, which no #region in the sample declares");
            Assert.Equal(code, quote.Value);
        });
    }

    [Fact]
    public void EverySnippetRegionIsQuotedInAReadme()
    {
        var quoted = Readmes.SelectMany(r => Quotes(File.ReadAllText(Path.Combine(Folder, r))).Keys).ToHashSet(StringComparer.Ordinal);

        var unquoted = Regions().Keys.Where(name => !quoted.Contains(name)).ToList();
        Assert.True(unquoted.Count == 0, "Snippet regions no README quotes: " + string.Join(", ", unquoted));
    }

    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (RegionStart().Match(lines[i]) is { Success: true } start)
                {
                    var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "#endregion");
                    Assert.True(end > i, $"#region Snippet:{start.Groups[1].Value} in {Path.GetFileName(file)} has no #endregion");
                    regions.Add(start.Groups[1].Value, Dedent(lines[(i + 1)..end]));
                }
            }
        }

        return regions;
    }

    private static Dictionary<string, string> Quotes(string markdown) =>
        QuoteBlock().Matches(markdown.ReplaceLineEndings("\n")).ToDictionary(m => m.Groups[1].Value, m => Dedent(m.Groups[2].Value.Split('\n')), StringComparer.Ordinal);

    private static string Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim())).Trim('\n');
    }

    [GeneratedRegex(@"^\s*#region Snippet:(\S+)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"^```C# Snippet:(\S+)\n(.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex QuoteBlock();
}

using System.Text.RegularExpressions;

namespace FreelanceAggregator.Conventions.Tests;

/// <summary>The README's code blocks are the compiled snippets in <see cref="ReadmeSnippets"/>, line for line.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Root = FindRoot();

    [Theory]
    [InlineData("Quickstart", 0)]
    [InlineData("Quickstart", 1)]
    public void TheReadmeShowsTheCompiledSnippet(string section, int block)
    {
        var snippet = block == 0 ? Region("Quickstart") : Region("DependencyInjection");
        var shown = CodeBlocks(section)[block];

        Assert.Equal(snippet, shown.Where(line => !line.StartsWith("using ", StringComparison.Ordinal)).SkipWhile(string.IsNullOrEmpty).ToList());
    }

    private static List<string> Region(string name)
    {
        var source = File.ReadAllText(Path.Combine(Root, "tests", "FreelanceAggregator.Conventions.Tests", "ReadmeSnippets.cs"));
        var match = Regex.Match(source, $@"#region Snippet:{name}\r?\n(.*?)\r?\n\s*#endregion", RegexOptions.Singleline);
        Assert.True(match.Success, $"no region Snippet:{name}");
        var lines = match.Groups[1].Value.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()).ToList();
    }

    private static List<List<string>> CodeBlocks(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var start = readme.IndexOf("## " + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the README has no '## {heading}' section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return CSharpBlock().Matches(section).Select(m => m.Groups[1].Value.Split('\n').Select(l => l.TrimEnd('\r')).ToList()).ToList();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FreelanceAggregator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with FreelanceAggregator.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"```csharp\r?\n(.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}

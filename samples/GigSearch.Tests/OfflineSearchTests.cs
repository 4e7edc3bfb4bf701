using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GigSearch.Tests;

/// <summary>One offline run of the README's first command, with both exports, shared by the tests that read it.</summary>
public sealed class OfflineRunFixture : IAsyncLifetime
{
    public const string ReadmeQuery = "logo design";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gigsearch-tests-" + Guid.NewGuid().ToString("N"));

    public GigSearchRun Run { get; private set; } = null!;

    public string JsonPath => Path.Combine(_folder, "gigs.json");

    // A space and a comma in the name: the path must reach GigSearch as one argument.
    public string CsvPath => Path.Combine(_folder, "logo gigs, offline.csv");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Run = await GigSearchProcess.RunAsync("--offline", ReadmeQuery, "--json", JsonPath, "--csv", CsvPath);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed partial class OfflineSearchTests(OfflineRunFixture fixture) : IClassFixture<OfflineRunFixture>
{
    public static readonly TheoryData<string> Sites = ["upwork", "fiverr", "freelancer", "freelancer.co.id", "sribulancer", "projects.co.id", "microworkers"];

    private GigSearchRun Run => fixture.Run;

    [Fact]
    public void RunsTheReadmesFirstCommand()
    {
        // The README's "Try it" opens with the command these tests run; if one changes, so must the other.
        var readme = File.ReadAllText(GigSearchProcess.Metadata("Readme")).ReplaceLineEndings("\n");
        var tryIt = readme[readme.IndexOf("## Try it", StringComparison.Ordinal)..];
        var command = tryIt[(tryIt.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..].Split('\n')[0];
        Assert.Equal($"dotnet run --project samples/GigSearch -- --offline \"{OfflineRunFixture.ReadmeQuery}\"", command);
        Assert.True(readme.IndexOf("## Try it", StringComparison.Ordinal) < readme.IndexOf("## Install", StringComparison.Ordinal));
    }

    [Fact]
    public void ExitsWithZero()
    {
        Assert.True(Run.ExitCode == 0, $"exit code {Run.ExitCode}\n{Run.Output}\n{Run.Error}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void ListsGigsOfEverySite(string site)
    {
        Assert.Contains(GigLines(), line => line.StartsWith($"[{site}] ", StringComparison.Ordinal));
        Assert.Matches($@"(?m)^  {Regex.Escape(site)}: done in \d+\.\d s: [1-9]\d* gigs?", Run.Output);
    }

    [Fact]
    public void SpeaksEnglishOnAnEnglishOrInvariantSystem()
    {
        Assert.Contains("Searching upwork, fiverr", Run.Output, StringComparison.Ordinal);
        Assert.Contains("Sites:", Run.Output, StringComparison.Ordinal);
        foreach (var indonesian in (string[])["Mencari", "anggaran", "diposting", "yang lalu", "penawaran", "selesai dalam", "Situs:", "disimpan ke"])
        {
            Assert.DoesNotContain(indonesian, Run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WritesNoAnsiEscapesWhenPiped()
    {
        Assert.DoesNotContain('\u001b', Run.Output);
        Assert.DoesNotContain('\u001b', Run.Error);
    }

    [Fact]
    public void SaysTheResultsAreRecordedAndUpworkGotAStandInToken()
    {
        Assert.Contains("bundled with GigSearch", Run.Output, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 09:00 +07:00", Run.Output, StringComparison.Ordinal);
        Assert.Contains("stand-in token", Run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsBudgetsAsGivenAndConvertedWithAgeProposalsAndLink()
    {
        // The recorded coffee-roastery project of Freelancer.com: USD 250–750 fixed, 14 bids, 2.6 hours before the recording.
        var line = Assert.Single(GigLines(), l => l.Contains("Logo design for a specialty coffee roastery", StringComparison.Ordinal));
        Assert.Contains("250.00–750.00", line, StringComparison.Ordinal);
        Assert.Contains("posted 2 hours ago", line, StringComparison.Ordinal);
        Assert.Contains("14 proposals", line, StringComparison.Ordinal);
        Assert.EndsWith("https://www.freelancer.com/projects/logo-design/Logo-design-for-specialty-coffee-roastery", line, StringComparison.Ordinal);

        // A rupiah budget is shown as the site gave it and in US dollars (the target when sites of several currencies are asked).
        var rupiah = Assert.Single(GigLines(), l => l.Contains("Desain Logo untuk Usaha Catering Rumahan", StringComparison.Ordinal));
        Assert.Matches(@"IDR 300,000–750,000 \(USD \d+\.\d\d–\d+\.\d\d\)", rupiah);
    }

    [Fact]
    public void LeavesOutWhatDoesNotMatchAndKeepsASharedProjectOnce()
    {
        Assert.DoesNotContain(GigLines(), l => l.Contains("Aplikasi kasir Android", StringComparison.Ordinal));
        Assert.DoesNotContain(GigLines(), l => l.Contains("Membuat Web Shell", StringComparison.Ordinal));
        Assert.Single(GigLines(), l => l.Contains("Desain logo untuk kedai kopi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WritesEveryGigToTheJsonFile()
    {
        var count = GigCount();
        await using var file = File.OpenRead(fixture.JsonPath);
        using var json = await JsonDocument.ParseAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        var root = json.RootElement;
        Assert.Equal(OfflineRunFixture.ReadmeQuery, root.GetProperty("query").GetString());
        Assert.Equal("USD", root.GetProperty("currency").GetString());
        var gigs = root.GetProperty("gigs").EnumerateArray().ToList();
        Assert.Equal(count, gigs.Count);
        Assert.Equal(
            Sites.Select(s => s.Data).Order(StringComparer.Ordinal),
            gigs.Select(g => g.GetProperty("provider").GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(gigs, g =>
        {
            Assert.False(string.IsNullOrWhiteSpace(g.GetProperty("title").GetString()));
            Assert.StartsWith("https://", g.GetProperty("url").GetString(), StringComparison.Ordinal);
        });

        var roastery = gigs.Single(g => g.GetProperty("title").GetString() == "Logo design for a specialty coffee roastery");
        Assert.Equal("freelancer", roastery.GetProperty("provider").GetString());
        Assert.Equal("40212847", roastery.GetProperty("id").GetString());
        Assert.Equal(250m, roastery.GetProperty("budget").GetProperty("min").GetProperty("amount").GetDecimal());
        Assert.Equal(750m, roastery.GetProperty("budget").GetProperty("max").GetProperty("amount").GetDecimal());
        Assert.Equal("USD", roastery.GetProperty("budget").GetProperty("max").GetProperty("currency").GetString());
        Assert.Equal("fixed", roastery.GetProperty("budget").GetProperty("type").GetString());
        Assert.Equal(14, roastery.GetProperty("proposals").GetInt32());

        var outcomes = root.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(Sites.Count, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal("succeeded", o.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task WritesTheGigsToTheCsvFileInRfc4180()
    {
        var bytes = await File.ReadAllBytesAsync(fixture.CsvPath, TestContext.Current.CancellationToken);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\uFEFF');
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text);

        var records = Csv.Parse(text);
        Assert.Equal(
            "provider,id,kind,title,url,budget_min,budget_max,budget_currency,budget_type,converted_min,converted_max,converted_currency,rate,rate_date,rate_source,posted_at,proposals,skills,client_country,payment_verified,rating",
            string.Join(',', records[0]));
        var rows = records.Skip(1).ToList();
        Assert.Equal(GigCount(), rows.Count);
        Assert.All(rows, r => Assert.Equal(records[0].Count, r.Count));

        // A title with a comma is quoted, and reads back whole.
        Assert.Contains("\"Desain logo, banner dan feed Instagram coffee shop\"", text, StringComparison.Ordinal);
        var catering = Assert.Single(rows, r => r[3] == "Desain logo, banner dan feed Instagram coffee shop");
        Assert.Equal("projects.co.id", catering[0]);
        Assert.Equal("750000", catering[5]);
        Assert.Equal("1500000", catering[6]);
        Assert.Equal("IDR", catering[7]);
        Assert.Equal("USD", catering[11]);
        Assert.Equal("Graphic Design; Social Media Marketing", catering[17]);
    }

    private List<string> GigLines() =>
        Run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => GigLine().IsMatch(l)).ToList();

    private int GigCount()
    {
        var match = GigCountLine().Match(Run.Output);
        Assert.True(match.Success, Run.Output);
        var count = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count, GigLines().Count);
        return count;
    }

    [GeneratedRegex(@"^\[[a-z.]+\] ")]
    private static partial Regex GigLine();

    [GeneratedRegex(@"(?m)^(\d+) gigs?, budgets also in [A-Z]{3}:")]
    private static partial Regex GigCountLine();
}

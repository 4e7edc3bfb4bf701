using System.Text.RegularExpressions;

namespace GigSearch.Tests;

/// <summary>The README's first command with <c>--culture id-ID</c>, run once and shared by the tests that read it.</summary>
public sealed class IndonesianRunFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gigsearch-id-" + Guid.NewGuid().ToString("N"));

    public GigSearchRun Run { get; private set; } = null!;

    public string CsvPath => Path.Combine(_folder, "gig.csv");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Run = await GigSearchProcess.RunAsync("--offline", OfflineRunFixture.ReadmeQuery, "--culture", "id-ID", "--csv", CsvPath);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>GigSearch speaks Bahasa Indonesia for an Indonesian culture; the library's own messages stay English.</summary>
public sealed partial class IndonesianSearchTests(IndonesianRunFixture fixture) : IClassFixture<IndonesianRunFixture>
{
    private GigSearchRun Run => fixture.Run;

    [Fact]
    public void ExitsWithZero()
    {
        Assert.True(Run.ExitCode == 0, $"exit code {Run.ExitCode}\n{Run.Output}\n{Run.Error}");
    }

    [Theory]
    [MemberData(nameof(OfflineSearchTests.Sites), MemberType = typeof(OfflineSearchTests))]
    public void SaysWhatEverySiteDidInIndonesian(string site)
    {
        Assert.Matches($@"(?m)^  {Regex.Escape(site)}: selesai dalam \d+,\d dtk: [1-9]\d* gig", Run.Output);
    }

    [Fact]
    public void LabelsTheSearchTheListAndTheSites()
    {
        Assert.Contains("Offline: hasilnya berasal dari halaman rekaman yang disertakan bersama GigSearch", Run.Output, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 09:00 +07:00", Run.Output, StringComparison.Ordinal);
        Assert.Contains("Mencari di upwork, fiverr, freelancer, freelancer.co.id, sribulancer, projects.co.id, microworkers ...", Run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\d+ gig, anggaran juga ditampilkan dalam USD:\r?$", Run.Output);
        Assert.Matches(@"(?m)^Situs:\r?$", Run.Output);
        Assert.Matches(@"(?m)^\d+ gig disimpan ke .+gig\.csv\.\r?$", Run.Output);
    }

    [Fact]
    public void ShowsBudgetsAgesAndProposalsInIndonesianWithIndonesianNumbers()
    {
        // The recorded coffee-roastery project of Freelancer.com: USD 250–750 fixed, 14 bids, 2.6 hours before the recording.
        var roastery = Assert.Single(Lines(), l => l.Contains("Logo design for a specialty coffee roastery", StringComparison.Ordinal));
        Assert.Contains("| anggaran USD 250,00–750,00 | diposting 2 jam yang lalu | 14 penawaran | https://www.freelancer.com/", roastery, StringComparison.Ordinal);

        var rupiah = Assert.Single(Lines(), l => l.Contains("Desain Logo untuk Usaha Catering Rumahan", StringComparison.Ordinal));
        Assert.Matches(@"\| anggaran Rp 300\.000–750\.000 \(USD \d+,\d\d–\d+,\d\d\) \| diposting \d+ jam yang lalu \|", rupiah);

        // Fiverr gives a starting price, and no date.
        Assert.Contains(Lines(), l => l.StartsWith("[fiverr] ", StringComparison.Ordinal) && l.Contains("| anggaran mulai USD ", StringComparison.Ordinal));
        Assert.Contains(Lines(), l => l.Contains("/jam (USD ", StringComparison.Ordinal) || l.Contains("/jam |", StringComparison.Ordinal));
        Assert.Contains(Lines(), l => l.Contains("hari yang lalu", StringComparison.Ordinal));
    }

    [Fact]
    public void LeavesNoEnglishLabels()
    {
        foreach (var english in (string[])["Searching", "budgets also in", "| budget ", "posted ", " ago", "proposals", "done in", "Sites:", "Wrote "])
        {
            Assert.DoesNotContain(english, Run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KeepsTheCsvColumnsAsTheyAre()
    {
        // A file for programs and spreadsheets: the same English column names and invariant numbers in every language.
        var records = Csv.Parse((await File.ReadAllTextAsync(fixture.CsvPath, TestContext.Current.CancellationToken)).TrimStart('\uFEFF'));
        Assert.StartsWith("provider,id,kind,title,url,budget_min,budget_max,", string.Join(',', records[0]), StringComparison.Ordinal);
        var catering = Assert.Single(records, r => r[3] == "Desain logo, banner dan feed Instagram coffee shop");
        Assert.Equal("750000", catering[5]);
    }

    [Fact]
    public async Task TheSystemsIndonesianLocaleIsEnoughAndTheLibrarysMessagesStayEnglish()
    {
        // No --culture: the system's UI culture decides. Fiverr cannot search without keywords, so it is skipped with the
        // library's reason, which is for developers and logs and stays English.
        var run = await GigSearchProcess.RunWithLocaleAsync("id_ID.UTF-8", "--offline", "-p", "fiverr,sribulancer", "");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Mencari di fiverr, sribulancer ...", run.Output, StringComparison.Ordinal);
        Assert.Contains("  fiverr: dilewati: fiverr cannot search without keywords or skills", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  sribulancer: selesai dalam \d+,\d dtk: \d+ gig", run.Output);
        Assert.Contains("| anggaran Rp 3.000.000 |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureOverridesTheSystemsLocale()
    {
        var run = await GigSearchProcess.RunWithLocaleAsync("id_ID.UTF-8", "--offline", "-p", "sribulancer", "--culture", "en-US", "logo");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Searching sribulancer ...", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  sribulancer: done in \d+\.\d s: \d+ gigs?", run.Output);
        Assert.Contains(" | posted 1 hour ago | ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("anggaran", run.Output, StringComparison.Ordinal);
    }

    private List<string> Lines() =>
        Run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => GigLine().IsMatch(l)).ToList();

    [GeneratedRegex(@"^\[[a-z.]+\] ")]
    private static partial Regex GigLine();
}

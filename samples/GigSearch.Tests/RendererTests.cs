using System.Globalization;
using FreelanceAggregator;
using Spectre.Console;

namespace GigSearch.Tests;

/// <summary>
/// The terminal path, in process: the live board and the table drawn on a Spectre console that claims a terminal's
/// abilities and writes to a string. (The process tests cover the piped path.)
/// </summary>
public sealed class RendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [Fact]
    public async Task TheLiveBoardShowsEachSiteThenTheTableAndOutcomes()
    {
        var (console, written) = Terminal(width: 260);
        var renderer = new InteractiveRenderer(console, English);
        var result = Result();

        var returned = await renderer.RunAsync(["upwork", "projects.co.id"], async progress =>
        {
            progress.Report(new GigSearchProgress("upwork", 0, null));
            progress.Report(new GigSearchProgress("projects.co.id", 0, null));
            progress.Report(new GigSearchProgress("projects.co.id", 1, null));

            // The board draws this state before the search goes on.
            await Task.Delay(50, TestContext.Current.CancellationToken);
            progress.Report(new GigSearchProgress("upwork", 1, result.Outcomes[0]));
            progress.Report(new GigSearchProgress("projects.co.id", 1, result.Outcomes[1]));
            return result;
        });
        renderer.Results(returned, Now, CultureInfo.InvariantCulture);

        var text = written.ToString();
        Assert.Same(result, returned);
        Assert.Contains("\u001b[", text, StringComparison.Ordinal);
        Assert.Contains("waiting for the site", text, StringComparison.Ordinal);
        Assert.Contains("1 gig so far", text, StringComparison.Ordinal);
        foreach (var header in (string[])["Site", "Title", "Budget", "In USD", "Posted", "Proposals", "Link"])
        {
            Assert.Contains(header, text, StringComparison.Ordinal);
        }

        Assert.Contains("Logo Design for an Organic Skincare Brand", text, StringComparison.Ordinal);
        Assert.Contains("IDR 300,000–750,000", text, StringComparison.Ordinal);
        Assert.Contains("USD 16.73–41.82", text, StringComparison.Ordinal);
        Assert.Contains("2 hours ago", text, StringComparison.Ordinal);
        Assert.Contains("https://projects.co.id/public/browse_projects/view/f41a2b/desain-logo-untuk-usaha-catering-rumahan", text, StringComparison.Ordinal);
        Assert.Contains("done in 1.2 s: 1 gig", text, StringComparison.Ordinal);
        Assert.Contains("failed after 0.4 s: projects.co.id: the page is a login page", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(200)]
    public void ATerminalTooNarrowForTheLongestLinkPutsLinksUnderTheTitles(int width)
    {
        var (console, written) = Terminal(width);

        new InteractiveRenderer(console, English).Results(Result(), Now, CultureInfo.InvariantCulture);

        var text = written.ToString();
        Assert.Contains("Title and link", text, StringComparison.Ordinal);
        Assert.DoesNotContain("│ Link", text, StringComparison.Ordinal);
        Assert.Contains("https://www.upwork.com/jobs/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePlainRendererWritesOneLinePerGigWithoutEscapes()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        new PlainRenderer(output, error, English).Results(Result(), Now, CultureInfo.InvariantCulture);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Contains("[upwork] Logo Design for an Organic Skincare Brand | budget USD 300.00 | posted 2 hours ago | 18 proposals | https://www.upwork.com/jobs/~022058112940318274561", lines);
        Assert.Contains("[projects.co.id] Desain Logo untuk Usaha Catering Rumahan | budget IDR 300,000–750,000 (USD 16.73–41.82) | posted 1 hour ago | 1 proposal | https://projects.co.id/public/browse_projects/view/f41a2b/desain-logo-untuk-usaha-catering-rumahan", lines);
        Assert.Contains("  projects.co.id: failed after 0.4 s: projects.co.id: the page is a login page", lines);
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    [Fact]
    public async Task TheLiveBoardAndTheTableSpeakIndonesian()
    {
        var (console, written) = Terminal(width: 260);
        var renderer = new InteractiveRenderer(console, Indonesian);
        var result = Result();

        await renderer.RunAsync(["upwork", "projects.co.id"], async progress =>
        {
            progress.Report(new GigSearchProgress("upwork", 0, null));
            progress.Report(new GigSearchProgress("projects.co.id", 1, null));
            await Task.Delay(50, TestContext.Current.CancellationToken);
            progress.Report(new GigSearchProgress("upwork", 1, result.Outcomes[0]));
            progress.Report(new GigSearchProgress("projects.co.id", 1, result.Outcomes[1]));
            return result;
        });
        renderer.Results(result, Now, Indonesian);

        var text = written.ToString();
        Assert.Contains("menunggu jawaban situs", text, StringComparison.Ordinal);
        Assert.Contains("sudah dapat 1 gig", text, StringComparison.Ordinal);
        foreach (var header in (string[])["Situs", "Judul", "Anggaran", "Dalam USD", "Diposting", "Penawaran", "Tautan"])
        {
            Assert.Contains(header, text, StringComparison.Ordinal);
        }

        Assert.Contains("Rp 300.000–750.000", text, StringComparison.Ordinal);
        Assert.Contains("USD 16,73–41,82", text, StringComparison.Ordinal);
        Assert.Contains("2 jam yang lalu", text, StringComparison.Ordinal);
        Assert.Contains("2 gig", text, StringComparison.Ordinal);
        Assert.Contains(", anggaran juga ditampilkan dalam USD.", text, StringComparison.Ordinal);
        Assert.Contains("selesai dalam 1,2 dtk: 1 gig", text, StringComparison.Ordinal);

        // The library's reason stays as the library wrote it: English, for developers and logs.
        Assert.Contains("gagal setelah 0,4 dtk: projects.co.id: the page is a login page", text, StringComparison.Ordinal);
        foreach (var english in (string[])["waiting", "Proposals", "Posted", "hours ago", "done in", "budgets also in"])
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ThePlainRendererSpeaksIndonesian()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        new PlainRenderer(output, error, Indonesian).Results(Result(), Now, Indonesian);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Contains("2 gig, anggaran juga ditampilkan dalam USD:", lines);
        Assert.Contains("[upwork] Logo Design for an Organic Skincare Brand | anggaran USD 300,00 | diposting 2 jam yang lalu | 18 penawaran | https://www.upwork.com/jobs/~022058112940318274561", lines);
        Assert.Contains("[projects.co.id] Desain Logo untuk Usaha Catering Rumahan | anggaran Rp 300.000–750.000 (USD 16,73–41,82) | diposting 1 jam yang lalu | 1 penawaran | https://projects.co.id/public/browse_projects/view/f41a2b/desain-logo-untuk-usaha-catering-rumahan", lines);
        Assert.Contains("Situs:", lines);
        Assert.Contains("  projects.co.id: gagal setelah 0,4 dtk: projects.co.id: the page is a login page", lines);
    }

    private static readonly Dictionary<string, ProviderOutcome> Outcomes = new()
    {
        ["dropped"] = new() { Provider = "fiverr", Status = ProviderStatus.Succeeded, Elapsed = TimeSpan.FromSeconds(1.23), GigCount = 6, ReceivedCount = 9, FilteredOutCount = 2, DuplicateCount = 1 },
        ["unreadable"] = new() { Provider = "upwork", Status = ProviderStatus.Succeeded, Elapsed = TimeSpan.FromSeconds(0.5), GigCount = 1, ReceivedCount = 4, DuplicateCount = 2, InvalidCount = 1 },
        ["timed out"] = new() { Provider = "sribulancer", Status = ProviderStatus.TimedOut, Elapsed = TimeSpan.FromSeconds(60), GigCount = 3, ReceivedCount = 3, Message = "no answer in 60 s" },
        ["skipped"] = new() { Provider = "fiverr", Status = ProviderStatus.Skipped, Message = "fiverr cannot search without keywords or skills" },
        ["cancelled"] = new() { Provider = "upwork", Status = ProviderStatus.Cancelled, Elapsed = TimeSpan.FromSeconds(2) },
    };

    [Theory]
    [InlineData("dropped", "done in 1.2 s: 6 gigs (9 received: 2 did not match, 1 duplicate)", "selesai dalam 1,2 dtk: 6 gig (9 diterima: 2 tidak cocok, 1 duplikat)")]
    [InlineData("unreadable", "done in 0.5 s: 1 gig (4 received: 2 duplicates, 1 unreadable)", "selesai dalam 0,5 dtk: 1 gig (4 diterima: 2 duplikat, 1 tidak terbaca)")]
    [InlineData("timed out", "timed out after 60.0 s with 3 gigs: no answer in 60 s", "waktu habis setelah 60,0 dtk, sempat dapat 3 gig: no answer in 60 s")]
    [InlineData("skipped", "skipped: fiverr cannot search without keywords or skills", "dilewati: fiverr cannot search without keywords or skills")]
    [InlineData("cancelled", "cancelled after 2.0 s", "dibatalkan setelah 2,0 dtk")]
    public void AnOutcomeReadsInTheLanguageAndKeepsTheLibrarysReason(string outcome, string english, string indonesian)
    {
        Assert.Equal(english, Display.Outcome(Outcomes[outcome], English));
        Assert.Equal(indonesian, Display.Outcome(Outcomes[outcome], Indonesian));
    }

    [Fact]
    public void BudgetsReadAsTheSiteGaveThem()
    {
        var culture = CultureInfo.InvariantCulture;
        var usd = Currency.FromCode("USD");
        Assert.Equal("USD 250.00–750.00", Display.Budget(Budget.Fixed(new Money(250m, usd), new Money(750m, usd)), culture, English));
        Assert.Equal("USD 25.00–50.00/h", Display.Budget(Budget.Hourly(new Money(25m, usd), new Money(50m, usd)), culture, English));
        Assert.Equal("from USD 20.00/h", Display.Budget(Budget.Hourly(new Money(20m, usd)), culture, English));
        Assert.Equal("up to USD 8.00/h", Display.Budget(Budget.Hourly(null, new Money(8m, usd)), culture, English));
        Assert.Equal("Rp 72.000", Display.Budget(Budget.Fixed(new Money(72_000m, Currency.IDR), new Money(72_000m, Currency.IDR)), Indonesian, Indonesian));
        Assert.Equal("-", Display.Budget((Budget?)null, culture, English));

        // The words follow the language and the amounts the culture, which --culture sets together.
        Assert.Equal("mulai USD 20,00/jam", Display.Budget(Budget.Hourly(new Money(20m, usd)), Indonesian, Indonesian));
        Assert.Equal("hingga Rp 5.379.810", Display.Budget(new Budget(null, new Money(5_379_810m, Currency.IDR), BudgetType.Fixed), Indonesian, Indonesian));
    }

    private static (IAnsiConsole Console, StringWriter Written) Terminal(int width)
    {
        var written = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(written),
        });
        console.Profile.Width = width;
        console.Profile.Height = 50;
        return (console, written);
    }

    private static GigSearchResult Result()
    {
        var usd = Currency.FromCode("USD");
        var toUsd = new ExchangeRate(Currency.IDR, usd, 0.0000557640513929974833325975m, new DateOnly(2026, 9, 24), "ECB reference rate (embedded snapshot)");
        var idrBudget = Budget.Fixed(new Money(300_000m, Currency.IDR), new Money(750_000m, Currency.IDR));
        var usdBudget = Budget.Fixed(new Money(300m, usd), new Money(300m, usd));
        Gig[] gigs =
        [
            new()
            {
                Provider = "upwork",
                Id = "2058112940318274561",
                Title = "Logo Design for an Organic Skincare Brand",
                Url = new Uri("https://www.upwork.com/jobs/~022058112940318274561"),
                Budget = usdBudget,
                ConvertedBudget = ConvertedBudget.From(usdBudget, usd, null),
                PostedAt = Now.AddHours(-2.1),
                Proposals = 18,
            },
            new()
            {
                Provider = "projects.co.id",
                Id = "f41a2b",
                Title = "Desain Logo untuk Usaha Catering Rumahan",
                Url = new Uri("https://projects.co.id/public/browse_projects/view/f41a2b/desain-logo-untuk-usaha-catering-rumahan"),
                Budget = idrBudget,
                ConvertedBudget = ConvertedBudget.From(idrBudget, usd, toUsd),
                PostedAt = Now.AddMinutes(-107),
                Proposals = 1,
            },
        ];
        return new GigSearchResult
        {
            Gigs = gigs,
            Outcomes =
            [
                new ProviderOutcome { Provider = "upwork", Status = ProviderStatus.Succeeded, GigCount = 1, ReceivedCount = 1, Elapsed = TimeSpan.FromSeconds(1.2) },
                new ProviderOutcome
                {
                    Provider = "projects.co.id",
                    Status = ProviderStatus.Failed,
                    Elapsed = TimeSpan.FromSeconds(0.4),
                    Message = "projects.co.id: the page is a login page",
                    Failure = GigProviderFailure.LoginRequired,
                },
            ],
            Currency = usd,
            Query = new GigQuery(),
        };
    }
}

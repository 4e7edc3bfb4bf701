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

    [Fact]
    public async Task TheLiveBoardShowsEachSiteThenTheTableAndOutcomes()
    {
        var (console, written) = Terminal(width: 260);
        var renderer = new InteractiveRenderer(console);
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

        new InteractiveRenderer(console).Results(Result(), Now, CultureInfo.InvariantCulture);

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

        new PlainRenderer(output, error).Results(Result(), Now, CultureInfo.InvariantCulture);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Contains("[upwork] Logo Design for an Organic Skincare Brand | budget USD 300.00 | posted 2 hours ago | 18 proposals | https://www.upwork.com/jobs/~022058112940318274561", lines);
        Assert.Contains("[projects.co.id] Desain Logo untuk Usaha Catering Rumahan | budget IDR 300,000–750,000 (USD 16.73–41.82) | posted 1 hour ago | 1 proposal | https://projects.co.id/public/browse_projects/view/f41a2b/desain-logo-untuk-usaha-catering-rumahan", lines);
        Assert.Contains("  projects.co.id: failed after 0.4 s: projects.co.id: the page is a login page", lines);
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(45 * 60, "45 minutes ago")]
    [InlineData(3 * 3600 + 59 * 60, "3 hours ago")]
    [InlineData(25 * 3600, "1 day ago")]
    [InlineData(6 * 86400, "6 days ago")]
    [InlineData(40 * 86400, "2026-10-11")]
    [InlineData(-3600, "2026-11-20")]
    public void PostedReadsAsAnAge(int secondsAgo, string expected)
    {
        Assert.Equal(expected, RelativeTime.Describe(Now.AddSeconds(-secondsAgo), Now));
    }

    [Fact]
    public void BudgetsReadAsTheSiteGaveThem()
    {
        var culture = CultureInfo.InvariantCulture;
        var usd = Currency.FromCode("USD");
        Assert.Equal("USD 250.00–750.00", Display.Budget(Budget.Fixed(new Money(250m, usd), new Money(750m, usd)), culture));
        Assert.Equal("USD 25.00–50.00/h", Display.Budget(Budget.Hourly(new Money(25m, usd), new Money(50m, usd)), culture));
        Assert.Equal("from USD 20.00/h", Display.Budget(Budget.Hourly(new Money(20m, usd)), culture));
        Assert.Equal("up to USD 8.00/h", Display.Budget(Budget.Hourly(null, new Money(8m, usd)), culture));
        Assert.Equal("Rp 72.000", Display.Budget(Budget.Fixed(new Money(72_000m, Currency.IDR), new Money(72_000m, Currency.IDR)), CultureInfo.GetCultureInfo("id-ID")));
        Assert.Equal("-", Display.Budget((Budget?)null, culture));
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

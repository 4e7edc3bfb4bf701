using FreelanceAggregator.Testing;
using Microsoft.Extensions.Time.Testing;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The values of real Projects.co.id listings, and odd rows read tolerantly.</summary>
public sealed class ProjectsCoIdListingTests : ProjectsCoIdServerTests
{
    [Fact]
    public async Task ReadsEveryFieldOfTheListings()
    {
        Site.StubResults(Server.Server);

        var gigs = await SearchAsync(new GigQuery { Limit = 5 });

        Assert.Equal(5, gigs.Count);
        var spin = gigs[0];
        Assert.Equal("projects.co.id", spin.Provider);
        Assert.Equal("ae8e19", spin.Id);
        Assert.Equal(GigKind.Job, spin.Kind);
        Assert.Equal("Membuat Simple Lucky Spin Wheel dengan panel admin kode kupon spin", spin.Title);
        Assert.Equal(new Uri("https://projects.co.id/public/browse_projects/view/ae8e19/membuat-simple-lucky-spin-wheel-dengan-panel-admin-kode-kupon-spin"), spin.Url);
        Assert.Equal(
            "Butuh developer untuk membuat spin wheel sederhana dengan panel admin untuk mengelola kode kupon. Pengguna memasukkan kode kupon lalu memutar roda hadiah ...",
            spin.Description);
        Assert.Equal(Budget.Fixed(new Money(500_000m, Currency.IDR), new Money(1_000_000m, Currency.IDR)), spin.Budget);
        Assert.Equal(BudgetType.Fixed, spin.Budget!.Type);
        Assert.Equal(new DateTimeOffset(2022, 4, 24, 16, 41, 6, Wib), spin.PostedAt);
        Assert.Equal(9, spin.Proposals);
        Assert.Equal(["Website Development", "PHP"], spin.Skills);
        Assert.Equal("rizky_dev", spin.Client?.Name);
        Assert.Null(spin.Client?.Country);
        Assert.Equal(new Uri("https://projects.co.id/public/browse_users/view/5b2e41/rizky_dev"), spin.Extra["ownerUrl"]);
        Assert.Equal(new DateTimeOffset(2022, 5, 24, 16, 41, 6, Wib), spin.Extra["deadline"]);
        Assert.Equal(7, spin.Extra["finishDays"]);
        Assert.Equal("Published", spin.Extra["status"]);
        Assert.Equal(false, spin.Extra["needWeeklyReport"]);

        var spreadsheet = gigs[1];
        Assert.Equal("a88e19", spreadsheet.Id);
        Assert.Equal("PANGGIL DATA SPREADSHEET UNTUK PRINT PHP", spreadsheet.Title);
        Assert.Equal(new Uri("https://projects.co.id/public/browse_projects/view/a88e19/panggil-data-spreadsheet-untuk-print-php"), spreadsheet.Url);
        Assert.Equal(Budget.Fixed(new Money(150_000m, Currency.IDR), new Money(300_000m, Currency.IDR)), spreadsheet.Budget);
        Assert.Equal(new DateTimeOffset(2022, 4, 24, 16, 15, 6, Wib), spreadsheet.PostedAt);
        Assert.Equal(11, spreadsheet.Proposals);
        Assert.Equal(["PHP", "Data Entry"], spreadsheet.Skills);
        Assert.Equal("ajisaka88", spreadsheet.Client?.Name);
        Assert.Equal(3, spreadsheet.Extra["finishDays"]);

        var designer = gigs[3];
        Assert.Equal("788e19", designer.Id);
        Assert.Equal("nasional graphic designer", designer.Title);
        Assert.Equal(Budget.Fixed(new Money(9_000_000m, Currency.IDR), new Money(10_000_000m, Currency.IDR)), designer.Budget);
        Assert.Equal(new DateTimeOffset(2022, 4, 24, 13, 8, 27, Wib), designer.PostedAt);
        Assert.Equal(22, designer.Proposals);
        Assert.Equal(["Graphic Design", "Adobe Illustrator"], designer.Skills);
        Assert.Equal("lestari_media", designer.Client?.Name);
        Assert.Equal(30, designer.Extra["finishDays"]);
        Assert.Equal(true, designer.Extra["needWeeklyReport"]);
        Assert.Equal(new DateTimeOffset(2022, 5, 24, 13, 8, 27, Wib), designer.Extra["deadline"]);

        Assert.Equal(new Uri("https://projects.co.id/public/browse_projects/view/5a8e19/convert-web-app-to-apkaab"), gigs[4].Url);
        Assert.Equal("Convert Web App to APK/AAB", gigs[4].Title);
    }

    [Fact]
    public async Task AnAmpersandInATitleIsDecoded()
    {
        Site.StubResults(Server.Server);

        var gigs = await SearchAsync(new GigQuery { Limit = 100 });

        var writer = Assert.Single(gigs, g => g.Id == "2c8919");
        Assert.Equal("Butuh Writer/Team Writer, Desk Business & Finance 1000++ Words", writer.Title);
        Assert.Equal(Budget.Fixed(new Money(500_000m, Currency.IDR), new Money(500_000m, Currency.IDR)), writer.Budget);
        var jasa = Assert.Single(gigs, g => g.Id == "8b8d19");
        Assert.Equal("Jasa Download & Sign Up App", jasa.Title);
        Assert.Equal(new Uri("https://projects.co.id/public/browse_projects/view/8b8d19/jasa-download-amp-sign-up-app"), jasa.Url);
        var niche = Assert.Single(gigs, g => g.Id == "168419");
        Assert.Equal(new Money(100_001m, Currency.IDR), niche.Budget!.Min);
        Assert.Equal(101, niche.Proposals);
        Assert.Equal(0, Assert.Single(gigs, g => g.Id == "638b19").Proposals);
    }

    [Fact]
    public async Task OddRowsAreReadTolerantlyAndSkippedRowsAreNamed()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Site.Answer("listing-odd-rows.html"));
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery(), TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(2, result.Gigs.Count);
        var shop = Assert.Single(result.Gigs, g => g.Id == "f00d01");
        Assert.Equal("Toko Online & Katalog Sederhana", shop.Title);
        Assert.Equal(new Uri("https://projects.co.id/public/browse_projects/view/f00d01/toko-online-sederhana"), shop.Url);
        Assert.Equal("Butuh toko online sederhana. Catatan: pembayaran bertahap.", shop.Description);
        Assert.Equal(Budget.Fixed(new Money(5_000_000m, Currency.IDR), new Money(5_000_000m, Currency.IDR)), shop.Budget);
        Assert.Equal(new DateTimeOffset(2018, 5, 14, 16, 26, 13, Wib), shop.PostedAt);
        Assert.Equal(1024, shop.Proposals);
        Assert.Equal(25, shop.Extra["finishDays"]);
        Assert.Equal("Closed", shop.Extra["status"]);
        Assert.Equal("Medium (5jt-50jt)", shop.Extra["projectClass"]);
        Assert.Equal(new Uri("https://projects.co.id/public/browse_users/view/8f21c0/budi_s"), shop.Extra["ownerUrl"]);
        Assert.False(shop.Extra.ContainsKey("catatan"));

        var logo = Assert.Single(result.Gigs, g => g.Id == "0ddba1");
        Assert.Equal(new Uri("https://www.projects.co.id/public/browse_projects/view/0ddba1/logo-kedai-kopi"), logo.Url);
        Assert.Null(logo.Budget);
        Assert.Null(logo.PostedAt);
        Assert.Null(logo.Proposals);
        Assert.Null(logo.Client);

        // The rows without a link, with a link off the site and with a script link are left out; the row whose budget,
        // date and bid count cannot be read is kept without them. Every warning names the provider first.
        Assert.Equal(
            [
                (GigWarningKind.ListingSkipped, null, "url"),
                (GigWarningKind.ListingSkipped, null, "url"),
                (GigWarningKind.ListingSkipped, null, "url"),
                (GigWarningKind.ValueUnreadable, "0ddba1", "budget"),
                (GigWarningKind.ValueUnreadable, "0ddba1", "postedAt"),
                (GigWarningKind.ValueUnreadable, "0ddba1", "proposals"),
            ],
            outcome.Warnings.Select(w => (w.Kind, w.ListingId, w.Field)));
        Assert.All(outcome.Warnings, w => Assert.StartsWith("projects.co.id: project '", w.Message, StringComparison.Ordinal));
        Assert.Contains("evil.example", outcome.Warnings[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Gigs, g => g.Description?.Contains("tracking", StringComparison.Ordinal) == true || g.Description?.Contains("color", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RelativeDatesResolveAgainstTheInjectedClock()
    {
        var html = Fixtures.Read("listing-page1.html").Replace("24/04/2022 16:41:06 WIB", "3 jam yang lalu", StringComparison.Ordinal);
        Server.Server.Given(Site.SearchRequest()).RespondWith(Response.Create().WithBody(html));
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 3, 0, 0, TimeSpan.Zero));

        var gigs = await SearchAsync(new GigQuery { Limit = 1 }, clock: clock);

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 7, 0, 0, Wib), gigs[0].PostedAt);
    }

    [Fact]
    public void TheParserThrowsNothingButGigProviderExceptionOnCutPages()
    {
        var page = Fixtures.Read("listing-page1.html");
        var uri = new Uri("https://projects.co.id/public/browse_projects/listing?page=1");
        for (var length = 0; length <= page.Length; length += 97)
        {
            var cut = page[..length];
            var exception = Record.Exception(() => ProjectsCoIdParser.Parse(cut, uri, "projects.co.id", DateTimeOffset.UnixEpoch));
            Assert.True(exception is null or GigProviderException, $"{length} chars: {exception}");
        }
    }
}

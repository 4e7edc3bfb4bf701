using System.Net;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>What a user of the Projects.co.id provider checks: the values of real listings, paging, search and bad pages.</summary>
public sealed class ProjectsCoIdProviderTests : IDisposable
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ReadsEveryFieldOfTheListings()
    {
        ProjectsCoIdStubs.StubListing(_server);

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
        ProjectsCoIdStubs.StubListing(_server);

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
    public async Task PagesToTheLastPageTheSiteOffersAndDropsRepeatedRows()
    {
        ProjectsCoIdStubs.StubListing(_server);

        var gigs = await SearchAsync(new GigQuery { Limit = 100 });

        Assert.Equal(13, gigs.Count);
        Assert.Equal(gigs.Count, gigs.Select(g => g.Id).Distinct().Count());
        Assert.Equal(["1", "2", "3"], _server.Requests().Select(u => Query(u, "page")));
        Assert.All(_server.Requests(), u => Assert.Equal(ProjectsCoIdStubs.ListingPath, u.AbsolutePath));
        Assert.Equal("638b19", gigs[^1].Id);
    }

    [Fact]
    public async Task StopsAtTheLimit()
    {
        ProjectsCoIdStubs.StubListing(_server);

        var gigs = await SearchAsync(new GigQuery { Limit = 7 });

        Assert.Equal(["ae8e19", "a88e19", "a58e19", "788e19", "5a8e19", "168419", "128e19"], gigs.Select(g => g.Id));
        Assert.Equal(["1", "2"], _server.Requests().Select(u => Query(u, "page")));
    }

    [Fact]
    public async Task StopsAtMaxPages()
    {
        ProjectsCoIdStubs.StubListing(_server);

        var gigs = await SearchAsync(new GigQuery { Limit = 100 }, o => o.MaxPages = 2);

        Assert.Equal(10, gigs.Count);
        Assert.Equal(["1", "2"], _server.Requests().Select(u => Query(u, "page")));
    }

    [Fact]
    public async Task SendsKeywordsToTheSiteSearchAndAsksForHtml()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath).WithParam("search", "aplikasi android"))
            .RespondWith(ProjectsCoIdStubs.Html("search-aplikasi.html"));

        var gigs = await SearchAsync(new GigQuery("aplikasi android"));

        Assert.Equal(["5a8e19", "cd8d19"], gigs.Select(g => g.Id));
        var request = Assert.Single(_server.Server.LogEntries).RequestMessage;
        Assert.Equal("1", Query(new Uri(request.AbsoluteUrl), "page"));
        Assert.Equal("aplikasi android", Query(new Uri(request.AbsoluteUrl), "search"));
        Assert.Contains("text/html", request.Headers!["Accept"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("FreelanceAggregator/", request.Headers["User-Agent"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptySearchIsZeroListings()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath)).RespondWith(ProjectsCoIdStubs.Html("search-empty.html"));

        var gigs = await SearchAsync(new GigQuery("zzzz"));

        Assert.Empty(gigs);
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task ALoginFormInTheNavigationBarDoesNotMakeAnEmptySearchALoginWall()
    {
        var html = Fixtures.Read("search-empty.html").Replace(
            "<ul class=\"nav navbar-nav\">",
            "<form class=\"navbar-form\"><input name=\"username\"><input type=\"password\" name=\"password\"></form><ul class=\"nav navbar-nav\">",
            StringComparison.Ordinal);
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath)).RespondWith(Response.Create().WithBody(html));

        Assert.Empty(await SearchAsync(new GigQuery("zzzz")));
    }

    [Fact]
    public async Task ABotWallIsBlocked()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath)).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><form id=\"challenge-form\" action=\"/?__cf_chl_f_tk=x\"></form></body></html>"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("titled 'Just a moment...'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OddRowsAreReadTolerantlyAndSkippedRowsAreNamed()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath)).RespondWith(ProjectsCoIdStubs.Html("listing-odd-rows.html"));
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

        Assert.Contains(outcome.Warnings, w => w.Contains("a project row was skipped: it has no title", StringComparison.Ordinal) || w.Contains("'Project tanpa tautan' was skipped", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("'Klik di sini' was skipped", StringComparison.Ordinal) && w.Contains("evil.example", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("'Skrip' was skipped", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("'Logo Kedai Kopi'", StringComparison.Ordinal) && w.Contains("'Nego'", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("'belum diumumkan'", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Gigs, g => g.Description?.Contains("tracking", StringComparison.Ordinal) == true || g.Description?.Contains("color", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ALoginPageIsAFailureNamingTheUrl()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath))
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/public/user/login"));
        _server.Server.Given(Request.Create().WithPath("/public/user/login")).RespondWith(ProjectsCoIdStubs.Html("login.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.LoginRequired, outcome.Failure);
        Assert.Contains("login page", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + "/public/user/login", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageThatIsNoListingIsAFailureNotZeroResults()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath)).RespondWith(ProjectsCoIdStubs.Html("maintenance.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("no project rows", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + ProjectsCoIdStubs.ListingPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABootstrapPageWithoutProjectLinksIsAFailureNotZeroResults()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath)).RespondWith(Response.Create().WithBody(
            "<html><head><title>Error 500</title></head><body><div class=\"row\"><div class=\"col-md-10\"><h2>Terjadi kesalahan</h2><p>Silakan coba lagi.</p></div></div></body></html>"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("titled 'Error 500'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonInsteadOfTheListingIsAFailure()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"items":[],"tools":{"paging":{"total_pages":0}}}"""));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
    }

    [Fact]
    public async Task ARedirectToAnotherHostIsAFailureNamingWhereItWent()
    {
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath))
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "https://www.kuy.me/projects"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Contains("https://www.kuy.me/projects", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, outcome.StatusCode);
    }

    [Fact]
    public async Task RelativeDatesResolveAgainstTheInjectedClock()
    {
        var html = Fixtures.Read("listing-page1.html").Replace("24/04/2022 16:41:06 WIB", "3 jam yang lalu", StringComparison.Ordinal);
        _server.Server.Given(Request.Create().WithPath(ProjectsCoIdStubs.ListingPath)).RespondWith(Response.Create().WithBody(html));
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 3, 0, 0, TimeSpan.Zero));

        var gigs = await SearchAsync(new GigQuery { Limit = 1 }, clock: clock);

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 7, 0, 0, Wib), gigs[0].PostedAt);
    }

    [Fact]
    public async Task QueriesForValuesTheListingLacksSkipTheProviderWithAReason()
    {
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery("logo") { ClientCountries = ["ID"] }, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Skipped, outcome.Status);
        Assert.Empty(_server.Requests());
    }

    [Fact]
    public async Task AddingTheProviderTwiceRegistersItOnce()
    {
        await using var aggregator = GigAggregator.Create(b => b.AddProjectsCoId().AddProjectsCoId(o => o.MaxPages = 3));

        var provider = Assert.Single(aggregator.Providers);
        Assert.Equal("projects.co.id", provider.Name);
    }

    [Fact]
    public void TheOptionsDefaultToTheSite()
    {
        var options = new ProjectsCoIdOptions();

        Assert.Equal(new Uri("https://projects.co.id/"), options.BaseAddress);
        Assert.Equal("public/browse_projects/listing", options.ListingPath);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PageDelay);
        Assert.Equal(ProjectsCoIdOptions.DefaultUserAgent, options.UserAgent);
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

    private static string? Query(Uri uri, string name) =>
        System.Web.HttpUtility.ParseQueryString(uri.Query)[name];

    private GigAggregator CreateAggregator(Action<ProjectsCoIdOptions>? configure = null, TimeProvider? clock = null) =>
        GigAggregator.Create(b =>
        {
            if (clock is not null)
            {
                b.Services.AddSingleton(clock);
            }

            b.AddProjectsCoId(o =>
            {
                ProviderTestOptions.UseTestServer(o, _server.BaseAddress);
                configure?.Invoke(o);
            });
        });

    private async Task<List<Gig>> SearchAsync(GigQuery query, Action<ProjectsCoIdOptions>? configure = null, TimeProvider? clock = null)
    {
        await using var aggregator = CreateAggregator(configure, clock);
        var provider = Assert.Single(aggregator.Providers);
        var gigs = new List<Gig>();
        await foreach (var gig in provider.SearchAsync(query with { TargetCurrency = Currency.IDR }, TestContext.Current.CancellationToken))
        {
            gigs.Add(gig);
        }

        return gigs;
    }

    private async Task<ProviderOutcome> FailAsync()
    {
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(new GigQuery(), TestContext.Current.CancellationToken);
        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.NotNull(outcome.Message);
        Assert.Contains("projects.co.id", outcome.Message, StringComparison.Ordinal);
        return outcome;
    }
}

using System.Net;
using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>
/// The browse-page source: a rendered page read with the selectors in the options, and the answers a plain request really
/// gets from an app like this one (an empty shell, a redirect to Sribu, a login page), which are failures, never zero results.
/// </summary>
public sealed class SribulancerBrowsePageTests : IDisposable
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // Monday 11 April 2022, 10:00 in Jakarta: the week the Sribulancer app was recorded.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 4, 11, 10, 0, 0, Wib));
    private readonly WireMockTestServer _server = WireMockTestServer.Start();
    private readonly SribulancerBrowsePageTestSite _site = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ReadsEveryFieldOfTheCards()
    {
        StubPages();

        var gigs = await SearchAsync(new GigQuery { Limit = 4 });

        Assert.Equal(4, gigs.Count);
        var shell = gigs[0];
        Assert.Equal("sribulancer", shell.Provider);
        Assert.Equal("51c1d99a-b83e-42d6-88da-9fb3746ac546", shell.Id);
        Assert.Equal("Membuat Web Shell", shell.Title);
        Assert.Equal(new Uri("https://www.sribu.com/id/jobs/51c1d99a-b83e-42d6-88da-9fb3746ac546"), shell.Url);
        Assert.Equal("Butuh web shell sederhana untuk mengelola file di server VPS, dengan login dan upload.", shell.Description);
        Assert.Equal(Budget.Fixed(new Money(750_000m, Currency.IDR), new Money(750_000m, Currency.IDR)), shell.Budget);
        Assert.Equal(new DateTimeOffset(2022, 4, 9, 10, 0, 0, Wib), shell.PostedAt);
        Assert.Equal(3, shell.Proposals);
        Assert.Equal("Website & Pengembangan", shell.Category);
        Assert.Equal(["Pembuatan Website Pribadi"], shell.Skills);
        Assert.Equal("sribufreelancer1", shell.Client?.Name);
        Assert.Equal(new Uri("https://www.sribu.com/id/users/sribufreelancer1"), shell.Extra["clientUrl"]);
        Assert.Equal(new DateTimeOffset(2022, 4, 13, 0, 0, 0, Wib), shell.Extra["closesAt"]);

        var packaging = gigs[1];
        Assert.Equal("6d1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6", packaging.Id);
        Assert.Equal("Desain Kemasan Bawang Putih", packaging.Title);
        Assert.Equal(new Money(3_000_000m, Currency.IDR), packaging.Budget!.Min);
        Assert.Equal(new DateTimeOffset(2022, 4, 10, 10, 0, 0, Wib), packaging.PostedAt);
        Assert.Equal(17, packaging.Proposals);
        Assert.Equal("dapurnusantara", packaging.Client?.Name);

        var legal = gigs[2];
        Assert.Equal("Terjemahan Dokumen Legal Inggris ke Indonesia", legal.Title);
        Assert.Equal(Budget.Fixed(new Money(1_500_000m, Currency.IDR), new Money(2_500_000m, Currency.IDR)), legal.Budget);
        Assert.Equal(new DateTimeOffset(2022, 4, 11, 5, 0, 0, Wib), legal.PostedAt);
        Assert.Equal(new DateTimeOffset(2022, 4, 12, 0, 0, 0, Wib), legal.Extra["closesAt"]);
        Assert.Equal("Penerjemahan", legal.Category);

        var video = gigs[3];
        Assert.Equal(new Money(1_500_000m, Currency.IDR), video.Budget!.Max);
        Assert.Equal(0, video.Proposals);
        Assert.Equal("Animasi 30 detik untuk iklan produk skincare. Naskah sudah ada.", video.Description);
    }

    [Fact]
    public async Task FollowsTheNextLinkAndStopsWhereThereIsNone()
    {
        StubPages();
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 100 }, TestContext.Current.CancellationToken);

        Assert.Equal(["1", "2"], _server.Requests().Select(u => Query(u, "page")));
        Assert.All(_server.Requests(), u => Assert.Equal(SribulancerBrowsePageTestSite.BrowsePath, u.AbsolutePath));
        Assert.Equal(6, result.Gigs.Count);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(2, outcome.PageCount);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(new DateTimeOffset(2022, 4, 11, 10, 0, 0, Wib), Assert.Single(result.Gigs, g => g.Title == "Dokumentasi Acara Wisuda").PostedAt);
    }

    [Fact]
    public async Task ACardWithoutATitleIsSkippedWithAWarningNamingIt()
    {
        var untitled = _site.ReadFixture("browse-jobs-page2.html").Replace("<p class=\"title__yKKzE no-margin text-bold\">Artikel Blog Kuliner Mingguan</p>", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Artikel Blog Kuliner Mingguan", untitled, StringComparison.Ordinal);
        _server.Server.Given(_site.SearchRequest()).RespondWith(_site.AnswerWith(untitled));
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery { Limit = 100 }, TestContext.Current.CancellationToken);

        Assert.Equal("9a4c3b5d-6e7f-4a81-9c23-d4e5f6071829", Assert.Single(result.Gigs).Id);
        var warning = Assert.Single(Assert.Single(result.Outcomes).Warnings);
        Assert.Equal((GigWarningKind.ListingSkipped, "ab5d4c6e-7f80-4b92-8d34-e5f60718293a", "title"), (warning.Kind, warning.ListingId, warning.Field));
    }

    [Fact]
    public async Task APageIsOneRequestWhoseCursorIsTheNextPageNumber()
    {
        _site.StubResults(_server.Server);
        await using var aggregator = CreateAggregator();
        var provider = Assert.Single(aggregator.Providers);
        var query = new GigQuery { TargetCurrency = Currency.IDR };

        var first = await provider.FetchPageAsync(new GigPageRequest(query) { PageSize = 1 }, TestContext.Current.CancellationToken);
        var second = await provider.FetchPageAsync(new GigPageRequest(query) { PageIndex = 1, Cursor = first.NextCursor }, TestContext.Current.CancellationToken);

        // The page sizes itself: a page size wanted changes nothing.
        Assert.Equal(4, first.Listings.Count);
        Assert.Equal("2", first.NextCursor);
        Assert.Null(first.TotalCount);
        Assert.Equal(2, second.Listings.Count);
        Assert.True(second.IsLastPage);
        Assert.Equal(["1", "2"], _server.Requests().Select(u => Query(u, "page")));
    }

    [Fact]
    public async Task SendsKeywordsAsTheSearchParameter()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerBrowsePageTestSite.BrowsePath)).RespondWith(_site.Answer("browse-jobs-page2.html"));

        await SearchAsync(new GigQuery("dokumentasi wisuda"));

        var request = Assert.Single(_server.Requests());
        Assert.Equal("dokumentasi wisuda", Query(request, "search"));
        Assert.Equal("1", Query(request, "page"));
    }

    [Fact]
    public async Task ThePagesOwnNoJobsMessageIsZeroResults()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerBrowsePageTestSite.BrowsePath)).RespondWith(_site.Answer("browse-jobs-empty.html"));
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery("zzzz"), TestContext.Current.CancellationToken);

        Assert.Empty(result.Gigs);
        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
    }

    [Fact]
    public async Task AnEmptyAppShellIsJavaScriptRequiredNamingWhatCameBackAndWhere()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerBrowsePageTestSite.BrowsePath)).RespondWith(_site.Answer("browse-jobs-shell.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.JavaScriptRequired, outcome.Failure);
        Assert.Contains("empty app shell (titled 'Cari Ribuan Lowongan Freelance. Kerja Dari Rumah | Sribulancer' with an empty #app and 2 scripts)", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Source = SribuApi", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerBrowsePageTestSite.BrowsePath + "?page=1", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode ?? HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARedirectToSribuIsRedirectedNamingWhereItWent()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerBrowsePageTestSite.BrowsePath))
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "https://www.sribu.com/id/browse-jobs"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Equal(HttpStatusCode.MovedPermanently, outcome.StatusCode);
        Assert.Contains("redirected to another host (https://www.sribu.com/id/browse-jobs)", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("folded into Sribu", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerBrowsePageTestSite.BrowsePath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoginPageIsLoginRequiredNamingTheUrl()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerBrowsePageTestSite.BrowsePath))
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/id/login?redirect=%2Fid%2Fbrowse-jobs"));
        _server.Server.Given(Request.Create().WithPath("/id/login")).RespondWith(_site.Answer("login.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.LoginRequired, outcome.Failure);
        Assert.Contains("login page (titled 'Masuk | Sribulancer') instead of the job list", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + "/id/login", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedMarkupIsAFailureThatNamesTheSelectors()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerBrowsePageTestSite.BrowsePath)).RespondWith(_site.Answer("browse-jobs-changed.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("Page.JobCard 'a[id^=\"a_open_job_detail_\"]'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Page.NoResults", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSelectorsCanBeAdaptedWithoutARelease()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerBrowsePageTestSite.BrowsePath)).RespondWith(_site.Answer("browse-jobs-changed.html"));

        var gigs = await SearchAsync(new GigQuery(), o =>
        {
            o.Page.JobCard = "article.job-tile";
            o.Page.Link = "h3 a";
            o.Page.Title = ".job-tile__heading";
            o.Page.Budget = ".job-tile__budget";
        });

        var gig = Assert.Single(gigs);
        Assert.Equal("6d1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6", gig.Id);
        Assert.Equal("Desain Kemasan Bawang Putih", gig.Title);
        Assert.Equal(new Uri("https://www.sribu.com/id/jobs/6d1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6"), gig.Url);
        Assert.Equal(new Money(3_000_000m, Currency.IDR), gig.Budget!.Min);
    }

    [Fact]
    public async Task LinksFollowTheSiteAddress()
    {
        StubPages();

        var gigs = await SearchAsync(new GigQuery { Limit = 1 }, o => o.SiteAddress = new Uri("https://www.sribulancer.com/"));

        Assert.Equal(new Uri("https://www.sribulancer.com/id/jobs/51c1d99a-b83e-42d6-88da-9fb3746ac546"), gigs[0].Url);
        Assert.Equal(new Uri("https://www.sribulancer.com/id/users/sribufreelancer1"), gigs[0].Extra["clientUrl"]);
    }

    [Fact]
    public void TheParserThrowsNothingButGigProviderExceptionOnCutPages()
    {
        var options = new SribulancerOptions { Source = SribulancerSource.BrowsePage };
        var uri = new Uri("https://www.sribulancer.com/id/browse-jobs?page=1");
        var page = Fixtures.Read("browse-jobs.html");
        for (var length = 0; length <= page.Length; length += 53)
        {
            var cut = page[..length];
            var exception = Record.Exception(() => SribulancerPageParser.Parse(cut, uri, "sribulancer", options, DateTimeOffset.UnixEpoch));
            Assert.True(exception is null or GigProviderException, $"{length} chars: {exception}");
        }
    }

    private static string? Query(Uri uri, string name) => System.Web.HttpUtility.ParseQueryString(uri.Query)[name];

    private void StubPages() => _site.StubResults(_server.Server);

    private GigAggregator CreateAggregator(Action<SribulancerOptions>? configure = null) =>
        GigAggregator.Create(b =>
        {
            b.Services.AddSingleton<TimeProvider>(_clock);
            b.AddSribulancer(o =>
            {
                ProviderTestOptions.UseTestServer(o, _server.BaseAddress);
                o.Source = SribulancerSource.BrowsePage;
                configure?.Invoke(o);
            });
        });

    private async Task<List<Gig>> SearchAsync(GigQuery query, Action<SribulancerOptions>? configure = null)
    {
        await using var aggregator = CreateAggregator(configure);
        var gigs = new List<Gig>();
        await foreach (var gig in Assert.Single(aggregator.Providers).SearchAsync(query with { TargetCurrency = Currency.IDR }, TestContext.Current.CancellationToken))
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
        Assert.Contains("sribulancer", outcome.Message, StringComparison.Ordinal);
        return outcome;
    }
}

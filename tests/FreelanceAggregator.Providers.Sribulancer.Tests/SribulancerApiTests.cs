using System.Net;
using System.Text.Json;
using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>The default source, Sribu's public GraphQL API: values, paging, the request, and the answers that are failures.</summary>
public sealed class SribulancerApiTests : IDisposable
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // Tuesday 5 September 2023, 14:25:39 in Jakarta: the moment of the request the evidence recorded.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2023, 9, 5, 14, 25, 39, Wib));
    private readonly WireMockTestServer _server = WireMockTestServer.Start();
    private readonly SribulancerTestSite _site = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ReadsEveryFieldOfTheJobs()
    {
        _site.StubResults(_server.Server);

        var gigs = await SearchAsync(new GigQuery { Limit = 10 });

        Assert.Equal(10, gigs.Count);
        var shell = gigs[0];
        Assert.Equal("sribulancer", shell.Provider);
        Assert.Equal("51c1d99a-b83e-42d6-88da-9fb3746ac546", shell.Id);
        Assert.Equal(GigKind.Job, shell.Kind);
        Assert.Equal("Membuat Web Shell", shell.Title);
        Assert.Equal(new Uri("https://www.sribu.com/id/jobs/51c1d99a-b83e-42d6-88da-9fb3746ac546"), shell.Url);
        Assert.Equal(Budget.Fixed(new Money(750_000m, Currency.IDR), new Money(750_000m, Currency.IDR)), shell.Budget);
        Assert.Equal(BudgetType.Fixed, shell.Budget!.Type);
        Assert.Equal(new DateTimeOffset(2023, 9, 5, 9, 12, 44, 512, Wib), shell.PostedAt);
        Assert.Equal(3, shell.Proposals);
        Assert.Equal("Website & Pengembangan", shell.Category);
        Assert.Equal(["Pembuatan Website Pribadi"], shell.Skills);
        Assert.Null(shell.Description);
        Assert.Equal("Sribu Freelancer", shell.Client?.Name);
        Assert.Equal(new Uri("https://www.sribu.com/id/users/sribufreelancer1"), shell.Extra["clientUrl"]);
        Assert.Equal(new DateTimeOffset(2023, 9, 12, 9, 12, 44, Wib), shell.Extra["closesAt"]);
        Assert.Equal(new DateTimeOffset(2023, 9, 30, 0, 0, 0, Wib), shell.Extra["deadline"]);
        Assert.Equal(0, shell.Extra["hired"]);
        Assert.Equal("open", shell.Extra["status"]);

        var logo = gigs[1];
        Assert.Equal("437bc900-8ebf-4d36-a41c-f12e4dd56df6", logo.Id);
        Assert.Equal("Desain Logo untuk Kedai Kopi Kekinian", logo.Title);
        Assert.Equal(new Uri("https://www.sribu.com/id/jobs/437bc900-8ebf-4d36-a41c-f12e4dd56df6"), logo.Url);
        Assert.Equal(Budget.Fixed(new Money(3_000_000m, Currency.IDR), new Money(3_000_000m, Currency.IDR)), logo.Budget);
        Assert.Equal(new DateTimeOffset(2023, 9, 5, 8, 40, 3, 101, Wib), logo.PostedAt);
        Assert.Equal(17, logo.Proposals);
        Assert.Equal("Desain & Identitas Branding", logo.Category);
        Assert.Equal(["Desain Logo"], logo.Skills);
        Assert.Equal("Dewi Lestari", logo.Client?.Name);
        Assert.Equal(new Uri("https://www.sribu.com/id/users/dewilestari"), logo.Extra["clientUrl"]);

        var translation = gigs[2];
        Assert.Equal("970e4dde-bbd2-45e7-aa54-63c41fa92e64", translation.Id);
        Assert.Equal("Terjemahkan Katalog Produk ke Bahasa Inggris", translation.Title);
        Assert.Equal(Budget.Fixed(new Money(1_250_000m, Currency.IDR), new Money(1_250_000m, Currency.IDR)), translation.Budget);
        Assert.Equal("Penerjemahan", translation.Category);
        Assert.Equal(["Terjemah Bahasa Inggris ke Indonesia atau Sebaliknya"], translation.Skills);
        Assert.Equal("CV Sinar Jaya", translation.Client?.Name);
        Assert.Equal(new DateTimeOffset(2023, 9, 10, 7, 55, 19, Wib), translation.Extra["closesAt"]);

        var articles = gigs[3];
        Assert.Equal("Penulisan 20 Artikel SEO Niche Kesehatan", articles.Title);
        Assert.Equal(1, articles.Extra["hired"]);
        Assert.Equal(24, articles.Proposals);
    }

    [Fact]
    public async Task PagesUntilTheTotalIsReached()
    {
        _site.StubResults(_server.Server);

        var gigs = await SearchAsync(new GigQuery { Limit = 100 });

        Assert.Equal(23, gigs.Count);
        Assert.Equal(23, gigs.Select(g => g.Id).Distinct().Count());
        Assert.Equal([1, 2, 3], RequestedPages());
        Assert.Equal("Foto Dokumentasi Seminar Nasional", gigs[^1].Title);
    }

    [Fact]
    public async Task StopsAtTheLimit()
    {
        _site.StubResults(_server.Server);

        var gigs = await SearchAsync(new GigQuery { Limit = 12 });

        Assert.Equal(12, gigs.Count);
        Assert.Equal([1, 2], RequestedPages());
    }

    [Fact]
    public async Task SendsTheGraphQlQueryTheSribuAppSends()
    {
        _site.StubResults(_server.Server);

        await SearchAsync(new GigQuery { Limit = 1 });

        var request = Assert.Single(_server.Server.LogEntries).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal(SribulancerTestSite.ApiPath, request.Path);
        Assert.StartsWith("application/json", request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Contains("application/json", request.Headers["Accept"].Single(), StringComparison.Ordinal);
        Assert.Equal("https://www.sribu.com", request.Headers["Origin"].Single());
        Assert.Equal("https://www.sribu.com/", request.Headers["Referer"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        var query = body.RootElement.GetProperty("query").GetString()!;
        Assert.Contains("jobsList: jobsListPublic(page: 1, job_type: 0, per_page: 10, status: 1, posting_time_limit_start: \"2023-09-05T14:25:39+07:00\", language: \"id\"", query, StringComparison.Ordinal);
        Assert.Contains("order_by: [{name: \"created_at\", order: -1}]", query, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("variables").ValueKind);
    }

    [Fact]
    public async Task AsksForTheLimitWhenTheQueryHasNoFilterAndItsPageSizeOtherwise()
    {
        _site.StubResults(_server.Server);
        await using var aggregator = CreateAggregator();

        // Nothing to filter: whatever the site lists passes, so a page of just the limit is enough.
        var all = await aggregator.SearchAllAsync(new GigQuery { Limit = 3 }, TestContext.Current.CancellationToken);
        Assert.Equal(3, all.Gigs.Count);
        Assert.Equal([3], RequestedPageSizes());

        // The API takes no keywords, so the aggregator filters: full pages (Api.PageSize) hold more that pass.
        _server.Server.ResetLogEntries();
        await aggregator.SearchAllAsync(new GigQuery("logo") { Limit = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal([10], RequestedPageSizes());
    }

    [Fact]
    public async Task KeywordsAreLeftToTheAggregatorWhichReadsOnUntilTheLimitPasses()
    {
        _site.StubResults(_server.Server);
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery("logo") { Limit = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal(["Desain Logo untuk Kedai Kopi Kekinian", "Logo dan Kartu Nama Klinik Gigi", "Animasi Logo untuk Intro YouTube"], result.Gigs.Select(g => g.Title));
        Assert.Equal([1, 2, 3], RequestedPages());
        Assert.All(_server.Server.LogEntries, e => Assert.DoesNotContain("logo", e.RequestMessage.Body!, StringComparison.OrdinalIgnoreCase));
        var outcome = Assert.Single(result.Outcomes);
        // The third "logo" opens page 3: the aggregator stops there; the whole page was received, the rest not looked at.
        Assert.Equal(23, outcome.ReceivedCount);
        Assert.Equal(3, outcome.PageCount);
    }

    [Fact]
    public async Task APageIsOneRequestWhoseCursorIsTheNextPageNumber()
    {
        _site.StubResults(_server.Server);
        await using var aggregator = CreateAggregator();
        var provider = Assert.Single(aggregator.Providers);
        var query = new GigQuery { TargetCurrency = Currency.IDR };

        var first = await provider.FetchPageAsync(new GigPageRequest(query), TestContext.Current.CancellationToken);
        var third = await provider.FetchPageAsync(new GigPageRequest(query) { PageIndex = 1, Cursor = "3" }, TestContext.Current.CancellationToken);

        Assert.Equal(10, first.Listings.Count);
        Assert.Equal("2", first.NextCursor);
        Assert.Equal(23, first.TotalCount);
        Assert.Equal(new Uri(_server.BaseAddress, "public"), first.RequestUri);
        Assert.Equal(3, third.Listings.Count);
        Assert.True(third.IsLastPage);
        Assert.Equal([1, 3], RequestedPages());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("2.5")]
    public async Task ACursorThatIsNoPageNumberIsAnArgumentExceptionNamingIt(string cursor)
    {
        await using var aggregator = CreateAggregator();
        var request = new GigPageRequest(new GigQuery()) { Cursor = cursor };

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Assert.Single(aggregator.Providers).FetchPageAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains($"'{cursor}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Server.LogEntries);
    }

    [Fact]
    public async Task OddJobsAreReadTolerantlyAndSkippedJobsAreNamed()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerTestSite.ApiPath)).RespondWith(_site.Answer("sribu-jobs-odd.json"));
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery(), TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(3, result.Gigs.Count);
        var text = Assert.Single(result.Gigs, g => g.Id == "4242");
        Assert.Equal(Budget.Fixed(new Money(1_500_000m, Currency.IDR), new Money(1_500_000m, Currency.IDR)), text.Budget);
        Assert.Equal(5, text.Proposals);
        Assert.Equal(2, text.Extra["hired"]);
        Assert.Equal(new DateTimeOffset(2023, 9, 5, 10, 0, 0, Wib), text.PostedAt);
        Assert.Equal("Klien Lama", text.Client?.Name);
        Assert.False(text.Extra.ContainsKey("clientUrl"));
        Assert.Null(text.Category);
        Assert.Empty(text.Skills);

        var noCurrency = Assert.Single(result.Gigs, g => g.Title == "Tanpa mata uang");
        Assert.Null(noCurrency.Budget);
        Assert.Null(noCurrency.Proposals);
        Assert.Equal(new DateTimeOffset(2023, 9, 4, 14, 25, 39, Wib), noCurrency.PostedAt);
        Assert.False(noCurrency.Extra.ContainsKey("closesAt"));
        Assert.Equal("7 hari", noCurrency.Extra["deadline"]);

        var zero = Assert.Single(result.Gigs, g => g.Title == "Anggaran nol");
        Assert.Null(zero.Budget);
        Assert.Equal("Deskripsi singkat.", zero.Description);

        // Every job left out and every value left empty, in the order read: the kind, the job and the gig's value.
        const string NoCurrency = "0f8e2b7c-1d3a-4e5b-9c6d-7e8f9a0b1c2d";
        Assert.Equal(
            [
                (GigWarningKind.ValueUnreadable, NoCurrency, "closesAt"),
                (GigWarningKind.ValueUnreadable, NoCurrency, "budget"),
                (GigWarningKind.ListingSkipped, "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "title"),
                (GigWarningKind.ListingSkipped, null, "id"),
                (GigWarningKind.ListingSkipped, null, null),
                (GigWarningKind.ListingSkipped, null, "id"),
            ],
            outcome.Warnings.Select(w => (w.Kind, w.ListingId, w.Field)));
        Assert.All(outcome.Warnings, w => Assert.StartsWith("sribulancer: ", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheJsonPathsCanBeAdaptedWithoutARelease()
    {
        const string renamed = """
            {"result":{"jobs":{"total":1,"items":[{"uuid":"c0ffee00-1111-4222-8333-444455556666","name":"Judul Baru","price":{"value":"2500000","currency":"IDR"},"posted":"2023-09-05T01:00:00Z","client":{"display":"Klien Baru","handle":"klienbaru"},"kind":{"label":"Penulisan"}}]}}}
            """;
        _server.Server.Given(Request.Create().WithPath("/graphql")).RespondWith(Response.Create().WithBody(renamed));

        var gigs = await SearchAsync(new GigQuery(), o =>
        {
            o.Api.Path = "graphql";
            o.Api.JobsPath = "result.jobs.items";
            o.Api.TotalPath = "result.jobs.total";
            o.Api.IdPath = "uuid";
            o.Api.TitlePath = "name";
            o.Api.BudgetPath = "price.value";
            o.Api.CurrencyPath = "price.currency";
            o.Api.PostedAtPath = "posted";
            o.Api.ClientNamePath = "client.display";
            o.Api.ClientUserPath = "client.handle";
            o.Api.CategoryPath = "kind.label";
            o.Api.SubcategoryPath = string.Empty;
        });

        var gig = Assert.Single(gigs);
        Assert.Equal("c0ffee00-1111-4222-8333-444455556666", gig.Id);
        Assert.Equal("Judul Baru", gig.Title);
        Assert.Equal(Budget.Fixed(new Money(2_500_000m, Currency.IDR), new Money(2_500_000m, Currency.IDR)), gig.Budget);
        Assert.Equal(new DateTimeOffset(2023, 9, 5, 1, 0, 0, TimeSpan.Zero), gig.PostedAt);
        Assert.Equal("Klien Baru", gig.Client?.Name);
        Assert.Equal("Penulisan", gig.Category);
        Assert.Equal(new Uri("https://www.sribu.com/id/users/klienbaru"), gig.Extra["clientUrl"]);
    }

    [Fact]
    public async Task AGraphQlErrorIsASiteErrorThatQuotesIt()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerTestSite.ApiPath)).RespondWith(_site.Answer("sribu-graphql-error.json"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.SiteError, outcome.Failure);
        Assert.Contains("Cannot query field \"jobsListPublic\"", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Api.Query", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerTestSite.ApiPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListsOwnErrorIsASiteError()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerTestSite.ApiPath)).RespondWith(_site.Answer("sribu-list-error.json"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.SiteError, outcome.Failure);
        Assert.Contains("posting_time_limit_start must be a valid date", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerWithoutTheJobListIsAFailureNamingThePath()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerTestSite.ApiPath)).RespondWith(Response.Create().WithBody("""{"data":{"jobsList":null}}"""));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("'data.jobsList.data'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyAppShellInsteadOfJsonIsJavaScriptRequired()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerTestSite.ApiPath)).RespondWith(_site.Answer("sribu-next-shell.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.JavaScriptRequired, outcome.Failure);
        Assert.Contains("empty app shell", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("titled 'Sribu - Jasa Freelancer Indonesia'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerTestSite.ApiPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoginPageInsteadOfJsonIsLoginRequired()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerTestSite.ApiPath)).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/id/login"));
        _server.Server.Given(Request.Create().WithPath("/id/login")).RespondWith(_site.Answer("login.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Contains("redirected a POST request", outcome.Message, StringComparison.Ordinal);

        _server.Server.Reset();
        _server.Server.Given(Request.Create().WithPath(SribulancerTestSite.ApiPath)).RespondWith(_site.Answer("login.html"));

        outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.LoginRequired, outcome.Failure);
        Assert.Contains("login page (titled 'Masuk | Sribulancer')", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerTestSite.ApiPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedirectToAnotherHostIsAFailureNamingWhereItWent()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerTestSite.ApiPath))
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "https://www.sribu.com/id"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Equal(HttpStatusCode.MovedPermanently, outcome.StatusCode);
        Assert.Contains("https://www.sribu.com/id", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("folded into Sribu", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerTestSite.ApiPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueriesForValuesTheListLacksSkipTheProviderWithAReason()
    {
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery { PaymentVerifiedOnly = true }, TestContext.Current.CancellationToken);

        Assert.Equal(ProviderStatus.Skipped, Assert.Single(result.Outcomes).Status);
        Assert.Empty(_server.Requests());
    }

    [Fact]
    public void TheParserThrowsNothingButGigProviderExceptionOnCutAnswers()
    {
        var options = new SribulancerOptions();
        var uri = new Uri("https://api.sribu.com/public");
        foreach (var fixture in new[] { "sribu-jobs-page1.json", "sribu-jobs-odd.json", "sribu-next-shell.html" })
        {
            var text = Fixtures.Read(fixture);
            for (var length = 0; length <= text.Length; length += 37)
            {
                var cut = text[..length];
                var exception = Record.Exception(() => SribuApiParser.Parse(cut, uri, "sribulancer", options, DateTimeOffset.UnixEpoch));
                Assert.True(exception is null or GigProviderException, $"{fixture} at {length} chars: {exception}");
            }
        }
    }

    private int[] RequestedPageSizes() =>
        _server.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => System.Text.RegularExpressions.Regex.Match(e.RequestMessage.Body!, @"per_page: (\d+)"))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

    private int[] RequestedPages() =>
        _server.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => System.Text.RegularExpressions.Regex.Match(e.RequestMessage.Body!, @"jobsListPublic\(page: (\d+)"))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

    private GigAggregator CreateAggregator(Action<SribulancerOptions>? configure = null) =>
        GigAggregator.Create(b =>
        {
            b.Services.AddSingleton<TimeProvider>(_clock);
            b.AddSribulancer(o =>
            {
                ProviderTestOptions.UseTestServer(o, _server.BaseAddress);
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

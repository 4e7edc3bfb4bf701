using System.Net;
using System.Text.Json;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ReadsEveryFieldOfTheJobs()
    {
        SribulancerStubs.StubApiPages(_server);

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
        SribulancerStubs.StubApiPages(_server);

        var gigs = await SearchAsync(new GigQuery { Limit = 100 });

        Assert.Equal(23, gigs.Count);
        Assert.Equal(23, gigs.Select(g => g.Id).Distinct().Count());
        Assert.Equal([1, 2, 3], RequestedPages());
        Assert.Equal("Foto Dokumentasi Seminar Nasional", gigs[^1].Title);
    }

    [Fact]
    public async Task StopsAtTheLimit()
    {
        SribulancerStubs.StubApiPages(_server);

        var gigs = await SearchAsync(new GigQuery { Limit = 12 });

        Assert.Equal(12, gigs.Count);
        Assert.Equal([1, 2], RequestedPages());
    }

    [Fact]
    public async Task SendsTheGraphQlQueryTheSribuAppSends()
    {
        SribulancerStubs.StubApiPages(_server);

        await SearchAsync(new GigQuery { Limit = 1 });

        var request = Assert.Single(_server.Server.LogEntries).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal(SribulancerStubs.ApiPath, request.Path);
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
    public async Task KeywordsAreMatchedOnWhatTheListReturns()
    {
        SribulancerStubs.StubApiPages(_server);

        var gigs = await SearchAsync(new GigQuery("logo") { Limit = 3 });

        Assert.Equal(["Desain Logo untuk Kedai Kopi Kekinian", "Logo dan Kartu Nama Klinik Gigi", "Animasi Logo untuk Intro YouTube"], gigs.Select(g => g.Title));
        Assert.Equal([1, 2, 3], RequestedPages());
    }

    [Fact]
    public async Task OddJobsAreReadTolerantlyAndSkippedJobsAreNamed()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath)).RespondWith(SribulancerStubs.Json("sribu-jobs-odd.json"));
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

        Assert.Contains(outcome.Warnings, w => w.Contains("'Tanpa mata uang'", StringComparison.Ordinal) && w.Contains("currency", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("'bukan tanggal'", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("job '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e' was skipped: it has no title", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("job 'Tanpa id' was skipped: it has no id", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("a job was skipped: it is a JSON string", StringComparison.Ordinal));
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
        _server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath)).RespondWith(SribulancerStubs.Json("sribu-graphql-error.json"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.SiteError, outcome.Failure);
        Assert.Contains("Cannot query field \"jobsListPublic\"", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Api.Query", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerStubs.ApiPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListsOwnErrorIsASiteError()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath)).RespondWith(SribulancerStubs.Json("sribu-list-error.json"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.SiteError, outcome.Failure);
        Assert.Contains("posting_time_limit_start must be a valid date", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerWithoutTheJobListIsAFailureNamingThePath()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath)).RespondWith(Response.Create().WithBody("""{"data":{"jobsList":null}}"""));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("'data.jobsList.data'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyAppShellInsteadOfJsonIsJavaScriptRequired()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath)).RespondWith(SribulancerStubs.Html("sribu-next-shell.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.JavaScriptRequired, outcome.Failure);
        Assert.Contains("empty app shell", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("titled 'Sribu - Jasa Freelancer Indonesia'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerStubs.ApiPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoginPageInsteadOfJsonIsLoginRequired()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath)).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/id/login"));
        _server.Server.Given(Request.Create().WithPath("/id/login")).RespondWith(SribulancerStubs.Html("login.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Contains("redirected a POST request", outcome.Message, StringComparison.Ordinal);

        _server.Server.Reset();
        _server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath)).RespondWith(SribulancerStubs.Html("login.html"));

        outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.LoginRequired, outcome.Failure);
        Assert.Contains("login page (titled 'Masuk | Sribulancer')", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerStubs.ApiPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedirectToAnotherHostIsAFailureNamingWhereItWent()
    {
        _server.Server.Given(Request.Create().WithPath(SribulancerStubs.ApiPath))
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "https://www.sribu.com/id"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Equal(HttpStatusCode.MovedPermanently, outcome.StatusCode);
        Assert.Contains("https://www.sribu.com/id", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("folded into Sribu", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + SribulancerStubs.ApiPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOptionsDefaultToSribusApi()
    {
        var options = new SribulancerOptions();

        Assert.Equal(SribulancerSource.SribuApi, options.Source);
        Assert.Equal(new Uri("https://api.sribu.com/"), options.BaseAddress);
        Assert.Equal(new Uri("https://www.sribu.com/"), options.SiteAddress);
        Assert.Equal("public", options.Api.Path);
        Assert.Equal(10, options.Api.PageSize);
        Assert.Equal("data.jobsList.data", options.Api.JobsPath);
        Assert.Equal("id/jobs/{id}", options.JobPath);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PageDelay);
    }

    [Fact]
    public void InvalidOptionsFailAtStartNamingTheProviderAndTheValue()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddSribulancer(o =>
        {
            o.Api.Query = "{ jobsList: jobsListPublic(page: 1) { data { id title } } }";
            o.JobPath = "id/jobs";
        })));

        Assert.Contains("Api.Query for provider 'sribulancer' must hold {page}", error.Message, StringComparison.Ordinal);
        Assert.Contains("JobPath 'id/jobs' for provider 'sribulancer' must hold {id}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingTheProviderTwiceRegistersItOnce()
    {
        await using var aggregator = GigAggregator.Create(b => b.AddSribulancer().AddSribulancer(o => o.MaxPages = 3));

        Assert.Equal("sribulancer", Assert.Single(aggregator.Providers).Name);
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

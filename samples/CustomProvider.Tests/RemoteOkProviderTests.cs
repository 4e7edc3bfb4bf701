using System.Net;
using FreelanceAggregator;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>What a user of the Remote OK provider sees: the jobs of a recorded-shape feed, value by value, and what each bad answer becomes.</summary>
public sealed class RemoteOkProviderTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ReadsEveryJobOfTheFeedWithItsValues()
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(["1137390", "1137398", "1137405", "1137412"], result.Gigs.Select(g => g.Id).Order(StringComparer.Ordinal));

        var dotnet = result.Gigs.Single(g => g.Id == "1137412");
        Assert.Equal("remoteok", dotnet.Provider);
        Assert.Equal(GigKind.Job, dotnet.Kind);
        Assert.Equal("Senior .NET Engineer", dotnet.Title);

        // The feed writes the host as remoteOK.com; the URL is the public page, whatever served the feed.
        Assert.Equal("https://remoteok.com/remote-jobs/remote-senior-net-engineer-lumen-labs-1137412", dotnet.Url.AbsoluteUri);
        Assert.Equal(
            "Lumen Labs builds scheduling software for clinics in 14 countries.\n\nWhat you will do\n\nDesign APIs in C# and ASP.NET Core\n\nOwn our PostgreSQL schema\n\n"
            + "Please mention the word STEADY and tag RMTM3LjE0Mi4y when applying to show you read the job post completely (#RMTM3LjE0Mi4y). This is a beta feature to avoid spam applicants.",
            dotnet.Description);
        Assert.Equal(["dotnet", "c#", "backend", "senior", "engineer"], dotnet.Skills);
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 11, 0, 0, TimeSpan.Zero), dotnet.PostedAt);
        Assert.Equal("Lumen Labs", dotnet.Client?.Name);
        Assert.Null(dotnet.Budget);
        Assert.Null(dotnet.ConvertedBudget);
        Assert.Null(dotnet.Proposals);
        Assert.Equal(new Money(90_000m, Currency.USD), dotnet.Extra["salaryMin"]);
        Assert.Equal(new Money(130_000m, Currency.USD), dotnet.Extra["salaryMax"]);
        Assert.Equal("year", dotnet.Extra["salaryPeriod"]);
        Assert.Equal("Worldwide", dotnet.Extra["location"]);
        Assert.Equal(true, dotnet.Extra["verified"]);

        // Escaped markup (&lt;p&gt;) becomes text, not visible tags; a salary of 0 means none was given.
        var logo = result.Gigs.Single(g => g.Id == "1137405");
        Assert.Equal("Brand and Logo Designer", logo.Title);
        Assert.Equal("https://remoteok.com/remote-jobs/remote-brand-and-logo-designer-kestrel-coffee-roasters-1137405", logo.Url.AbsoluteUri);
        Assert.Equal("We roast coffee in Lisbon and need a new logo and a packaging system.\n\nPortfolio required & Figma a plus.", logo.Description);
        Assert.Equal(["design", "logo", "branding", "illustrator"], logo.Skills);
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 6, 2, 3, TimeSpan.Zero), logo.PostedAt);
        Assert.Equal("Kestrel Coffee Roasters", logo.Client?.Name);
        Assert.Null(logo.Budget);
        Assert.Equal(["location", "verified"], logo.Extra.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Europe", logo.Extra["location"]);
        Assert.Equal(false, logo.Extra["verified"]);

        // Only a lower bound: the salary is "from 40,000 a year", with no upper end invented.
        var support = result.Gigs.Single(g => g.Id == "1137398");
        Assert.Equal("Customer Support Specialist (Spanish)", support.Title);
        Assert.Equal("Answer patients by chat and email.\nShifts follow UTC-5.", support.Description);
        Assert.Equal(["support", "spanish", "customer support", "non tech"], support.Skills);
        Assert.Equal(new Money(40_000m, Currency.USD), support.Extra["salaryMin"]);
        Assert.False(support.Extra.ContainsKey("salaryMax"));
        Assert.Equal("year", support.Extra["salaryPeriod"]);

        // An empty location is no location.
        var data = result.Gigs.Single(g => g.Id == "1137390");
        Assert.Equal("Build ETL pipelines in Python & dbt.", data.Description);
        Assert.False(data.Extra.ContainsKey("location"));
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 6, 0, 4, TimeSpan.Zero), data.PostedAt);
    }

    [Fact]
    public async Task TheLegalNoticeIsSkippedAndNeverBecomesAGig()
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = CreateAggregator();
        var provider = aggregator.Providers.Single();

        var gigs = await provider.SearchAsync(new GigQuery(), Ct).ToListAsync(Ct);

        // Four jobs in the feed's order, newest first; the notice before them is neither a gig nor a warning.
        Assert.Equal(["1137412", "1137405", "1137398", "1137390"], gigs.Select(g => g.Id));
        Assert.DoesNotContain(gigs, g => g.Title.Contains("Terms", StringComparison.Ordinal) || (g.Description ?? string.Empty).Contains("API Terms of Service", StringComparison.Ordinal));
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task OneSkillIsAskedForAsATag()
    {
        _server.StubFeed("remoteok-api-tag-python.json", tag: "python");
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery { Skills = ["Python"] }, Ct);

        Assert.Equal("/api?tag=python", Assert.Single(_server.Requests()).PathAndQuery);
        Assert.Equal(["1121877", "1137390"], result.Gigs.Select(g => g.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true, "python", "go")]
    [InlineData(false, "python")]
    public async Task SeveralSkillsOrATurnedOffPushDownReadTheWholeFeed(bool pushDown, params string[] skills)
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = CreateAggregator(o => o.PushDownSkillAsTag = pushDown);

        var result = await aggregator.SearchAllAsync(new GigQuery { Skills = skills }, Ct);

        // Remote OK ANDs its tags, and a query's skills mean "any of": the aggregator filters the plain feed instead.
        Assert.Equal("/api", Assert.Single(_server.Requests()).PathAndQuery);
        Assert.Equal(["1137390"], result.Gigs.Select(g => g.Id));
        Assert.Equal(pushDown ? GigFilters.Skills : GigFilters.None, aggregator.Providers.Single().Capabilities.ServerSideFilters);
    }

    [Fact]
    public async Task KeywordsAreFilteredHereBecauseTheFeedHasNoTextSearch()
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(GigQuery.Parse("logo"), Ct);

        Assert.Equal("/api", Assert.Single(_server.Requests()).PathAndQuery);
        Assert.Equal("1137405", Assert.Single(result.Gigs).Id);
        Assert.Equal(3, Assert.Single(result.Outcomes).FilteredOutCount);
    }

    [Fact]
    public async Task PostedWithinUsesThePostingTime()
    {
        _server.StubFeed("remoteok-api.json");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 7, 16, 0, 5, TimeSpan.Zero));
        await using var aggregator = GigAggregator.Create(b =>
        {
            b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            b.AddRemoteOk(o => ProviderTestOptions.UseTestServer(o, _server.BaseAddress));
        });

        var result = await aggregator.SearchAllAsync(new GigQuery { PostedWithin = TimeSpan.FromDays(1) }, Ct);

        Assert.Equal(["1137405", "1137412"], result.Gigs.Select(g => g.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ABudgetFilterSkipsTheProviderBecauseASalaryIsNotABudget()
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery { MinBudget = new Money(50_000m, Currency.USD) }, Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Skipped, outcome.Status);
        Assert.Contains("budget", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests());
    }

    [Fact]
    public async Task TheProviderSearchedAloneStopsAtTheLimit()
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = CreateAggregator();

        var gigs = await aggregator.Providers.Single().SearchAsync(new GigQuery { Limit = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(["1137412", "1137405"], gigs.Select(g => g.Id));
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task TheFeedIsOnePageWithNoCursorToAnotherOne()
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = CreateAggregator();
        var provider = aggregator.Providers.Single();

        var page = await provider.FetchPageAsync(new GigPageRequest(new GigQuery()) { PageSize = 2 }, Ct);

        // The site ignores a page size, so every job of the feed comes, and there is nothing after them.
        Assert.Equal(["1137412", "1137405", "1137398", "1137390"], page.Listings.Select(g => g.Id));
        Assert.Null(page.NextCursor);
        Assert.True(page.IsLastPage);
        Assert.Null(page.TotalCount);
        Assert.Empty(page.Warnings);
        Assert.Empty(page.ExchangeRates);
        Assert.Equal(new Uri(_server.BaseAddress, "api"), page.RequestUri);
    }

    [Fact]
    public async Task TheAggregatorAsksOnceEvenWhenTooFewJobsPass()
    {
        _server.StubFeed("remoteok-api.json");
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery("logo") { Limit = GigQuery.MaxLimit }, Ct);

        // One job passes where thousands are wanted: a site with more pages would be asked again, this one has none.
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal("1137405", Assert.Single(result.Gigs).Id);
        Assert.Equal(1, outcome.PageCount);
        Assert.DoesNotContain(outcome.Warnings, w => w.Kind == GigWarningKind.PagingStopped);
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task ACursorIsRefusedBecauseTheProviderNeverGivesOne()
    {
        await using var aggregator = CreateAggregator();
        var provider = aggregator.Providers.Single();

        await Assert.ThrowsAsync<ArgumentException>("request", async () => await provider.FetchPageAsync(new GigPageRequest(new GigQuery()) { Cursor = "2" }, Ct));

        Assert.Empty(_server.Requests());
    }

    // Cloudflare's managed challenge usually comes as a 403 or a 503, but the page is what tells, whatever its status.
    [Theory]
    [InlineData(403)]
    [InlineData(503)]
    [InlineData(200)]
    public async Task ACloudflareChallengeIsReportedAsBlocked(int status)
    {
        _server.StubFeed("cloudflare-challenge.html", status: status);
        await using var aggregator = CreateAggregator();

        var outcome = await SearchOutcomeAsync(aggregator);

        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Equal((HttpStatusCode)status, outcome.StatusCode);
        Assert.Contains("Cloudflare", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("try again later", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress + "api", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForbiddenAnswerThatIsNotAChallengeIsForbidden()
    {
        _server.StubBody("""{"error":"forbidden"}""", status: 403);
        await using var aggregator = CreateAggregator();

        var outcome = await SearchOutcomeAsync(aggregator);

        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Forbidden, outcome.Failure);
        Assert.Contains(_server.BaseAddress + "api", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Remote OK is down for maintenance</body></html>", "text/html", "an HTML page where the JSON feed was expected")]
    [InlineData("""{"jobs":[]}""", "application/json", "a JSON object where an array of jobs was expected")]
    [InlineData("""[{"legal":"API Terms of Service"},{"id":"1137600","title":"Renamed field","link":"https://remoteok.com/remote-jobs/1137600"}]""", "application/json", "the feed's format may have changed")]
    [InlineData("""[{"legal":"API Terms of Service"},{"id":"1137600","posit""", "application/json", "not valid JSON")]
    public async Task AnAnswerThatIsNotTheFeedIsAnInvalidResponseNotZeroJobs(string body, string contentType, string expected)
    {
        _server.StubBody(body, contentType: contentType);
        await using var aggregator = CreateAggregator();

        var outcome = await SearchOutcomeAsync(aggregator);

        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains(expected, outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress + "api", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsMissingWhatEveryJobHasAreSkippedWithAWarningAndTheRestKept()
    {
        _server.StubFeed("remoteok-api-odd-values.json");
        await using var aggregator = CreateAggregator();

        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(["1137501", "1137502", "1137506"], result.Gigs.Select(g => g.Id).Order(StringComparer.Ordinal));

        // Each skipped element once, in the feed's order, with the job's id and the value it lacks when it has them.
        Assert.Equal(
            [
                (GigWarningKind.ListingSkipped, "1137503", "title"),
                (GigWarningKind.ListingSkipped, "1137504", "url"),
                (GigWarningKind.ListingSkipped, null, null),
                (GigWarningKind.ListingSkipped, null, "id"),
            ],
            outcome.Warnings.Select(w => (w.Kind, w.ListingId, w.Field)));
    }

    private GigAggregator CreateAggregator(Action<RemoteOkOptions>? configure = null) =>
        GigAggregator.Create(b => b.AddRemoteOk(o =>
        {
            ProviderTestOptions.UseTestServer(o, _server.BaseAddress);
            configure?.Invoke(o);
        }));

    private static async Task<ProviderOutcome> SearchOutcomeAsync(GigAggregator aggregator) =>
        Assert.Single((await aggregator.SearchAllAsync(new GigQuery(), Ct)).Outcomes);
}

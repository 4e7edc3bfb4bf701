using System.Diagnostics;
using FreelanceAggregator.Providers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Testing;

/// <summary>
/// The invariants every provider must keep, run by each provider's test project against its own WireMock server:
/// required fields present; URLs absolute, http(s) and on the site's host (never the test server's); cancellation
/// honoured within a second; an empty result page is zero listings and a succeeded outcome; a server error that
/// persists is a failed outcome whose message names the URL; a small limit still finds the listing that passes the
/// filters further down the page and on page 2; and the site's own table of cases.
/// </summary>
/// <typeparam name="TSite">The site's description.</typeparam>
public abstract class GigProviderConformanceTests<TSite> : ProviderServerTests<TSite>
    where TSite : ProviderTestSite, new()
{
    /// <summary>Every listing has a provider, an id, a title and an absolute URL.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ListingsHaveTheRequiredFields()
    {
        var (result, outcome) = await SearchResultsAsync();

        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.NotEmpty(result.Gigs);
        Assert.All(result.Gigs, gig =>
        {
            Assert.Equal(ProviderName, gig.Provider);
            Assert.False(string.IsNullOrWhiteSpace(gig.Id), "a listing has no id");
            Assert.False(string.IsNullOrWhiteSpace(gig.Title), $"listing {gig.Id} has no title");
            Assert.True(gig.Url.IsAbsoluteUri, $"listing {gig.Id} has a relative URL");
        });
        Assert.DoesNotContain(outcome.Warnings, w => w.Kind == GigWarningKind.ListingSkipped);
    }

    /// <summary>Site extras follow one convention on every provider: camel-case keys, and values of the documented types.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ExtrasHaveCamelCaseKeysAndPlainValues()
    {
        var (result, _) = await SearchResultsAsync();

        Assert.NotEmpty(result.Gigs);
        Assert.All(result.Gigs.SelectMany(g => g.Extra.Select(e => (g.Id, e.Key, e.Value))), extra =>
        {
            Assert.Matches("^[a-z][a-zA-Z0-9]*$", extra.Key);
            Assert.True(
                extra.Value is string or bool or int or long or decimal or Money or DateTimeOffset or Uri,
                $"listing {extra.Id}: Extra[\"{extra.Key}\"] is a {extra.Value?.GetType().Name ?? "null"}");
        });
    }

    /// <summary>Every URL is http(s) on the site's public host, never on the test server that served the page.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task UrlsAreAbsoluteHttpOnTheSiteHost()
    {
        var (result, _) = await SearchResultsAsync();

        Assert.NotEmpty(result.Gigs);
        Assert.All(result.Gigs, gig =>
        {
            Assert.Contains(gig.Url.Scheme, new[] { Uri.UriSchemeHttps, Uri.UriSchemeHttp });
            Assert.True(GigUrls.IsOnHost(gig.Url, [.. Site.SiteHosts]), $"{gig.Url} is not on {string.Join(", ", Site.SiteHosts)}");
            Assert.NotEqual(Server.BaseAddress.Authority, gig.Url.Authority);
        });
    }

    /// <summary>The site's two recorded pages are both read, and no listing of them comes twice.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task BothPagesAreReadAndEachListingComesOnce()
    {
        Assert.SkipUnless(Site.HasPages, $"{ProviderName} answers with one page.");
        var (result, outcome) = await SearchResultsAsync();

        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.True(outcome.PageCount >= 2, $"{outcome.PageCount} page(s) read: {outcome}");
        Assert.Equal(result.Gigs.Count, result.Gigs.Select(g => g.Id).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// A limit smaller than the listings the site gave before the one that passes the filters still finds it: the
    /// limit counts listings that pass, not listings received.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task ASmallLimitStillFindsTheMatchingListingFurtherDownThePage() => AssertCaseAsync(Site.SmallLimitFurtherDownThePage);

    /// <summary>A small limit still finds the only listing that passes the filters when it is on page 2.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ASmallLimitStillFindsTheMatchingListingOnPageTwo()
    {
        var outcome = await AssertCaseAsync(Site.SmallLimitOnPageTwo);
        Assert.True(!Site.HasPages || outcome.PageCount >= 2, $"the listing on page 2 was found after reading {outcome.PageCount} page(s)");
    }

    /// <summary>The site's own cases hold: each query over its recorded pages gives exactly the listings it names.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TheSitesOwnCasesHold()
    {
        foreach (var testCase in Site.Cases)
        {
            await AssertCaseAsync(testCase);
        }
    }

    /// <summary>A search the caller cancels ends within a second, even while the site has not answered.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task CancellationIsHonouredWithinASecond()
    {
        Server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(5)));
        await using var aggregator = CreateAggregator();
        var provider = aggregator.Providers.Single(p => p.Name == ProviderName);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var search = Task.Run(async () =>
        {
            await foreach (var _ in provider.SearchAsync(Query with { TargetCurrency = Currency.USD }, cancel.Token))
            {
            }
        });
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the provider took {clock.Elapsed.TotalMilliseconds:0} ms to stop after cancellation");
    }

    /// <summary>A search with no results is zero listings and a succeeded outcome, not a failure and not a guess.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task AnEmptyResultPageGivesZeroGigsAndASucceededOutcome()
    {
        var query = Site.StubEmpty(Server.Server);
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(query, TestContext.Current.CancellationToken);

        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.Equal(0, outcome.ReceivedCount);
    }

    /// <summary>A server error that persists through the retries is a failed outcome whose message names the provider and the URL.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task APersistentServerErrorGivesAFailedOutcomeNamingTheUrl()
    {
        Server.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(500).WithBody("Internal Server Error"));
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(Query, TestContext.Current.CancellationToken);

        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.NotNull(outcome.Message);
        Assert.Contains(ProviderName, outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, outcome.StatusCode);
    }

    /// <summary>Searches the site's two recorded pages with <see cref="ProviderTestSite.Query"/>, reading as far as the site goes.</summary>
    /// <returns>The result and the provider's outcome.</returns>
    protected async Task<(GigSearchResult Result, ProviderOutcome Outcome)> SearchResultsAsync()
    {
        Site.StubResults(Server.Server);
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(Query with { Limit = GigQuery.MaxLimit }, TestContext.Current.CancellationToken);
        return (result, Assert.Single(result.Outcomes));
    }

    /// <summary>Runs one case over the site's recorded pages and checks the listings it gives.</summary>
    /// <param name="testCase">The case.</param>
    /// <returns>The provider's outcome.</returns>
    protected async Task<ProviderOutcome> AssertCaseAsync(ProviderTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        Server.Server.Reset();
        Site.StubResults(Server.Server);
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(testCase.Query, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Status == ProviderStatus.Succeeded, $"{testCase}: {outcome}");
        var ids = result.Gigs.Select(g => g.Id).ToList();
        if (testCase.ExpectedIds.Count > 0)
        {
            Assert.True(testCase.ExpectedIds.SequenceEqual(ids), $"{testCase}: expected [{string.Join(", ", testCase.ExpectedIds)}], got [{string.Join(", ", ids)}]; {outcome}");
        }

        var count = testCase.ExpectedCount ?? testCase.ExpectedIds.Count;
        Assert.True(count == ids.Count, $"{testCase}: expected {count} listing(s), got {ids.Count} [{string.Join(", ", ids)}]; {outcome}");
        return outcome;
    }
}

using System.Diagnostics;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Testing;

/// <summary>
/// The invariants every provider must keep, run by each provider's test project against its own WireMock server:
/// required fields present; URLs absolute, http(s) and on the site's host (never the test server's); cancellation
/// honoured within a second; an empty result page is zero listings and a succeeded outcome; a server error that
/// persists is a failed outcome whose message names the URL.
/// </summary>
/// <remarks>Derive a test class, stub the site's pages in <see cref="StubResults"/> and <see cref="StubEmptyResults"/>, and register the provider in <see cref="AddProvider"/>.</remarks>
public abstract class GigProviderConformanceTests : IDisposable
{
    /// <summary>Initializes a new instance and starts this test's server.</summary>
    protected GigProviderConformanceTests() => Server = WireMockTestServer.Start();

    /// <summary>Gets this test's server.</summary>
    protected WireMockTestServer Server { get; }

    /// <summary>Gets the provider's name.</summary>
    protected abstract string ProviderName { get; }

    /// <summary>Gets the hosts a listing's URL must be on, e.g. <c>www.fiverr.com</c>.</summary>
    protected abstract IReadOnlyList<string> SiteHosts { get; }

    /// <summary>Registers the provider, pointed at <paramref name="baseAddress"/> with fast test retries (see <see cref="ProviderTestOptions.UseTestServer"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="baseAddress">The test server.</param>
    protected abstract void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress);

    /// <summary>Stubs a realistic page (or pages) of results and returns the query that reaches it.</summary>
    /// <returns>The query.</returns>
    protected abstract GigQuery StubResults();

    /// <summary>Stubs the site's answer for a search with no results and returns the query that reaches it.</summary>
    /// <returns>The query.</returns>
    protected abstract GigQuery StubEmptyResults();

    /// <summary>Gets a query for the tests where every request gets the same answer.</summary>
    protected virtual GigQuery AnyQuery => new("logo design");

    /// <summary>Creates an aggregator with only this provider, pointed at the test server.</summary>
    /// <param name="configure">Sets aggregator options, or <see langword="null"/>.</param>
    /// <returns>The aggregator; dispose it.</returns>
    protected GigAggregator CreateAggregator(Action<GigAggregatorOptions>? configure = null) =>
        GigAggregator.Create(b => AddProvider(b, Server.BaseAddress), configure);

    /// <summary>Every listing has a provider, an id, a title and an absolute URL.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ListingsHaveTheRequiredFields()
    {
        var query = StubResults();
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(query, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.NotEmpty(result.Gigs);
        Assert.All(result.Gigs, gig =>
        {
            Assert.Equal(ProviderName, gig.Provider);
            Assert.False(string.IsNullOrWhiteSpace(gig.Id), "a listing has no id");
            Assert.False(string.IsNullOrWhiteSpace(gig.Title), $"listing {gig.Id} has no title");
            Assert.True(gig.Url.IsAbsoluteUri, $"listing {gig.Id} has a relative URL");
        });
        Assert.Empty(outcome.Warnings.Where(w => w.Contains("was skipped", StringComparison.Ordinal)));
    }

    /// <summary>Site extras follow one convention on every provider: camel-case keys, and values of the documented types.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ExtrasHaveCamelCaseKeysAndPlainValues()
    {
        var query = StubResults();
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(query, TestContext.Current.CancellationToken);

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
        var query = StubResults();
        await using var aggregator = CreateAggregator();
        var result = await aggregator.SearchAllAsync(query, TestContext.Current.CancellationToken);

        Assert.NotEmpty(result.Gigs);
        Assert.All(result.Gigs, gig =>
        {
            Assert.Contains(gig.Url.Scheme, new[] { Uri.UriSchemeHttps, Uri.UriSchemeHttp });
            Assert.True(GigUrls.IsOnHost(gig.Url, [.. SiteHosts]), $"{gig.Url} is not on {string.Join(", ", SiteHosts)}");
            Assert.NotEqual(Server.BaseAddress.Authority, gig.Url.Authority);
        });
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
            await foreach (var _ in provider.SearchAsync(AnyQuery with { TargetCurrency = Currency.USD }, cancel.Token))
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
        var query = StubEmptyResults();
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
        var result = await aggregator.SearchAllAsync(AnyQuery, TestContext.Current.CancellationToken);

        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.NotNull(outcome.Message);
        Assert.Contains(ProviderName, outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, outcome.StatusCode);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the server.</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Server.Dispose();
        }
    }
}

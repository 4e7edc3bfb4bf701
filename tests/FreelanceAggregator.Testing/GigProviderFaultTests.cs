using System.Net;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Testing;

/// <summary>
/// The fault matrix every provider must survive, run by each provider's test project against its own WireMock server:
/// a 429 with <c>Retry-After</c> then success; two 503s then success; a 503 that never ends (a failed outcome within the
/// configured budget while another provider's listings all arrive); an answer slower than the provider timeout; WireMock's
/// empty and malformed-chunk faults; a connection dropped before or during the answer; the site's real answer cut off
/// halfway; a 20 MB answer; a redirect to another host.
/// Every failure is an outcome whose message names the provider and the URL, never an exception and never zero results.
/// </summary>
/// <remarks>
/// Derive a test class and say how to reach the site's results: <see cref="ProviderServerTests.SearchPath"/> (and <see cref="ProviderServerTests.SearchIsPost"/>
/// for GraphQL), the fixture that is a page of results, a query whose listings that page satisfies, and how to register
/// the provider. Each test reads one page (<see cref="GigProviderOptions.MaxPages"/> is 1), so request counts are exact.
/// </remarks>
public abstract class GigProviderFaultTests : ProviderServerTests
{
    private string? _results;

    /// <summary>Gets the fixture that is one page of the site's results, e.g. <c>search-page1.html</c>.</summary>
    protected abstract string ResultsFixture { get; }

    /// <summary>Gets the content type the site sends its results with.</summary>
    protected virtual string ResultsContentType =>
        ResultsFixture.EndsWith(".json", StringComparison.Ordinal) ? "application/json; charset=utf-8" : "text/html; charset=utf-8";

    /// <summary>
    /// Gets how many times the provider asks for a page whose every request fails with a server error: once, or twice for
    /// a provider that tries a page again another way (Upwork asks again without paging).
    /// </summary>
    protected virtual int SearchesPerFailedPage => 1;

    /// <summary>Gets the site's results cut off halfway, inside the data rather than after it.</summary>
    protected virtual string TruncatedResults
    {
        get
        {
            var cut = Results.Length / 2;

            // A cut right after a '>' could look like the end of a page that closes no tags; a real cut lands anywhere.
            while (cut > 1 && Results[cut - 1] is '>' or ' ' or '\n' or '\r' or '\t')
            {
                cut--;
            }

            return Results[..cut];
        }
    }

    /// <summary>Gets the text of the results fixture.</summary>
    protected string Results => _results ??= Fixtures.Read(ResultsFixture);

    /// <summary>A 429 with <c>Retry-After: 1</c> is waited out, and then the listings arrive.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task A429WithRetryAfterIsWaitedOutAndTheListingsArrive()
    {
        Server.Server.Given(SiteRequest()).InScenario("rate limit").WillSetStateTo("waited")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("Too Many Requests"));
        Server.Server.Given(SiteRequest()).InScenario("rate limit").WhenStateIs("waited").RespondWith(ResultsResponse());

        var (result, outcome) = await SearchAsync(o => o.MaxRetries = 1);

        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.True(outcome.GigCount > 0, outcome.ToString());
        Assert.Equal(outcome.GigCount, result.Gigs.Count(g => g.Provider == ProviderName));
        var times = Server.Server.LogEntries.Select(e => e.RequestMessage.DateTime).Order().ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.9), $"the second request came {(times[1] - times[0]).TotalMilliseconds:0} ms after the 429, before its Retry-After of 1 s");
    }

    /// <summary>Two server errors, then the answer: with two retries allowed, a success.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TwoServerErrorsThenTheAnswerIsASuccess()
    {
        Server.Server.Given(SiteRequest()).InScenario("flaky").WillSetStateTo("failed once")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("Service Unavailable"));
        Server.Server.Given(SiteRequest()).InScenario("flaky").WhenStateIs("failed once").WillSetStateTo("failed twice")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("Service Unavailable"));
        Server.Server.Given(SiteRequest()).InScenario("flaky").WhenStateIs("failed twice").RespondWith(ResultsResponse());

        var (_, outcome) = await SearchAsync(o => o.MaxRetries = 2);

        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.True(outcome.GigCount > 0, outcome.ToString());
        Assert.Equal(3, Server.Requests().Count);
    }

    /// <summary>
    /// A server error that never ends is a failed outcome (HTTP 503, naming the provider and the URL) well within the
    /// provider's search timeout, after exactly the configured retries, while another provider's listings all arrive.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task AServerErrorThatNeverEndsFailsWithinTheBudgetWhileAnotherProviderDelivers()
    {
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(503).WithBody("Service Unavailable"));
        var budget = TimeSpan.FromSeconds(20);
        var healthy = new HealthyTestProvider();

        var (result, outcome) = await SearchAsync(
            o =>
            {
                o.MaxRetries = 2;
                o.RetryDelay = TimeSpan.FromMilliseconds(50);
                o.SearchTimeout = budget;
            },
            healthy);

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, outcome.StatusCode);
        Assert.Equal(GigProviderFailure.HttpStatus, outcome.Failure);
        AssertNamesProviderAndUrl(outcome);
        Assert.True(outcome.Elapsed < budget, $"the failure took {outcome.Elapsed}, beyond the {budget} budget");
        TestContext.Current.TestOutputHelper?.WriteLine(outcome.ToString());
        Assert.Equal(3 * SearchesPerFailedPage, Server.Requests().Count);

        var other = Assert.Single(result.Outcomes, o => o.Provider == healthy.Name);
        Assert.Equal(ProviderStatus.Succeeded, other.Status);
        Assert.Equal(healthy.Count, other.GigCount);
        Assert.Equal(healthy.Count, result.Gigs.Count(g => g.Provider == healthy.Name));
    }

    /// <summary>An answer slower than the provider's search timeout is a timed-out outcome that names the URL it waited for.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task AnAnswerSlowerThanTheProviderTimeoutIsTimedOut()
    {
        Server.Server.Given(SiteRequest()).RespondWith(ResultsResponse().WithDelay(TimeSpan.FromSeconds(1.5)));

        var (_, outcome) = await SearchAsync(o => o.SearchTimeout = TimeSpan.FromMilliseconds(400));

        Assert.True(outcome.Status == ProviderStatus.TimedOut, outcome.ToString());
        Assert.Equal(GigProviderFailure.Timeout, outcome.Failure);
        AssertNamesProviderAndUrl(outcome);
        Assert.Equal(SearchPath, outcome.RequestUri?.AbsolutePath);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(1.2), $"the search took {outcome.Elapsed} for a 0.4 s timeout: it waited for the 1.5 s answer");
    }

    /// <summary>
    /// WireMock's two faults are answers that cannot be read, and must not read as zero listings: <c>EMPTY_RESPONSE</c>
    /// is a 200 with no body, <c>MALFORMED_RESPONSE_CHUNK</c> the first half of the answer followed by random bytes.
    /// </summary>
    /// <param name="fault">The fault WireMock injects.</param>
    /// <returns>A task.</returns>
    [Theory]
    [InlineData(FaultType.EMPTY_RESPONSE)]
    [InlineData(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task AnEmptyOrMalformedAnswerIsAnInvalidResponse(FaultType fault)
    {
        Server.Server.Given(SiteRequest()).RespondWith(ResultsResponse().WithFault(fault));

        var (result, outcome) = await SearchAsync(o => o.MaxRetries = 1);

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        AssertNamesProviderAndUrl(outcome);
        Assert.DoesNotContain(result.Gigs, g => g.Provider == ProviderName);
    }

    /// <summary>A connection that breaks, before the answer or halfway through it, is a network failure naming the URL.</summary>
    /// <param name="drop">When the connection breaks.</param>
    /// <returns>A task.</returns>
    [Theory]
    [InlineData(ConnectionDrop.BeforeAnswering)]
    [InlineData(ConnectionDrop.MidAnswer)]
    public async Task ADroppedConnectionIsANetworkFailure(ConnectionDrop drop)
    {
        using var dropping = new DroppingTestServer(drop, Results, ResultsContentType);

        var (result, outcome) = await SearchAsync(o => o.MaxRetries = 1, baseAddress: dropping.BaseAddress);

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(GigProviderFailure.Network, outcome.Failure);
        AssertNamesProviderAndUrl(outcome, dropping.BaseAddress);
        Assert.DoesNotContain(result.Gigs, g => g.Provider == ProviderName);
        Assert.True(dropping.Connections >= 1);
    }

    /// <summary>The site's real answer cut off halfway is an invalid response naming the URL, never fewer listings in silence.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task AnAnswerCutOffHalfwayIsAnInvalidResponse()
    {
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", ResultsContentType).WithBody(TruncatedResults));

        var (result, outcome) = await SearchAsync();

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        AssertNamesProviderAndUrl(outcome);
        Assert.DoesNotContain(result.Gigs, g => g.Provider == ProviderName);
    }

    /// <summary>A 20 MB answer is refused at the size cap (8 MiB by default) with a message that says so, before it is read.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ATwentyMegabyteAnswerIsRefusedAtTheSizeCap()
    {
        var body = Results + new string(' ', (20 * 1024 * 1024) - Results.Length);
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", ResultsContentType).WithBody(body));

        var (_, outcome) = await SearchAsync();

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(GigProviderFailure.ResponseTooLarge, outcome.Failure);
        Assert.Contains("over the 8,388,608-byte cap", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("MaxResponseBytes", outcome.Message, StringComparison.Ordinal);
        AssertNamesProviderAndUrl(outcome);
    }

    /// <summary>A redirect to another host is not followed: a failed outcome of kind Redirected naming where it went.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ARedirectToAnotherHostIsNotFollowedButReported()
    {
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "https://evil.example.net/landing?from=search"));

        var (_, outcome) = await SearchAsync();

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Contains("https://evil.example.net/landing?from=search", outcome.Message, StringComparison.Ordinal);
        AssertNamesProviderAndUrl(outcome);
        Assert.Single(Server.Requests());
    }

    /// <summary>Answers with the results fixture.</summary>
    /// <returns>The response builder.</returns>
    protected IResponseBuilder ResultsResponse() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", ResultsContentType).WithBody(Results);

    /// <summary>Checks that a failure's message starts with the provider's name and holds the search URL.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="server">The server that was asked, or <see langword="null"/> for <see cref="ProviderServerTests.Server"/>.</param>
    protected void AssertNamesProviderAndUrl(ProviderOutcome outcome, Uri? server = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Assert.NotNull(outcome.Message);
        Assert.StartsWith(ProviderName + ": ", outcome.Message, StringComparison.Ordinal);
        Assert.Contains((server ?? Server.BaseAddress).Authority + SearchPath, outcome.Message, StringComparison.Ordinal);
    }

    private async Task<(GigSearchResult Result, ProviderOutcome Outcome)> SearchAsync(Action<GigProviderOptions>? configure = null, GigProvider? alongside = null, Uri? baseAddress = null)
    {
        await using var aggregator = GigAggregator.Create(b =>
        {
            AddProvider(b, baseAddress ?? Server.BaseAddress, o =>
            {
                o.MaxPages = 1;
                configure?.Invoke(o);
            });
            if (alongside is not null)
            {
                b.AddProvider(alongside);
            }
        });
        var result = await aggregator.SearchAllAsync(Query, TestContext.Current.CancellationToken);
        return (result, Assert.Single(result.Outcomes, o => o.Provider == ProviderName));
    }
}

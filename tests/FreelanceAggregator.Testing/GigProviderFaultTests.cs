using System.Net;
using FreelanceAggregator.Providers;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Testing;

/// <summary>
/// The fault matrix every provider must survive, run by each provider's test project against its own WireMock server:
/// a 429 with <c>Retry-After</c> then success; two 503s then success; a 503 that never ends (a failed outcome within the
/// configured budget while another provider's listings all arrive); an answer slower than the provider timeout; WireMock's
/// empty and malformed-chunk faults; a connection dropped before or during the answer; the site's real answer cut off
/// halfway; a 20 MB answer; a redirect to another host or port; a body that trickles in; a Retry-After longer than the
/// provider may wait; the aggregator disposed mid-search; UTF-16 with a byte-order mark; bytes that are not text.
/// Every failure is an outcome whose message names the provider and the URL, never an exception and never zero results.
/// </summary>
/// <remarks>
/// Derive a test class for a site (<see cref="ProviderTestSite"/>): its <see cref="ProviderTestSite.ResultsFixture"/> is
/// served for every request. Each test reads one page (<see cref="GigProviderOptions.MaxPages"/> is 1), so request counts are exact.
/// </remarks>
/// <typeparam name="TSite">The site's description.</typeparam>
public abstract class GigProviderFaultTests<TSite> : ProviderServerTests<TSite>
    where TSite : ProviderTestSite, new()
{
    private string? _results;

    /// <summary>Gets the site's realistic page, served for every request.</summary>
    protected string Results => _results ??= Site.ReadFixture(Site.ResultsFixture);

    /// <summary>Gets the content type the page is served with.</summary>
    protected string ResultsContentType => Site.ContentType(Site.ResultsFixture);

    /// <summary>Gets the page cut off halfway, in the middle of its text.</summary>
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
        Assert.Equal(3 * Site.SearchesPerFailedPage, Server.Requests().Count);

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

    /// <summary>
    /// A site that sends its headers and then a byte now and then fails within the request's own timeout
    /// (<see cref="GigProviderOptions.RequestTimeout"/>), not the provider's, and says it stopped sending.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ABodyThatTricklesInFailsWithinTheRequestTimeout()
    {
        using var trickling = new DroppingTestServer(ConnectionDrop.Trickle, Results, ResultsContentType);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (result, outcome) = await SearchAsync(
            o =>
            {
                o.RequestTimeout = TimeSpan.FromSeconds(2);
                o.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.SearchTimeout = TimeSpan.FromSeconds(8);
                o.MaxRetries = 0;
            },
            baseAddress: trickling.BaseAddress);

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(GigProviderFailure.Timeout, outcome.Failure);
        Assert.Contains("stopped sending", outcome.Message, StringComparison.Ordinal);
        Assert.Matches(@"\d+ bytes", outcome.Message);
        AssertNamesProviderAndUrl(outcome, trickling.BaseAddress);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"the search took {clock.Elapsed.TotalSeconds:0.0} s: the 2 s RequestTimeout did not cover the body");
        Assert.DoesNotContain(result.Gigs, g => g.Provider == ProviderName);
    }

    /// <summary>
    /// A 429 whose <c>Retry-After</c> is longer than the provider may wait fails at once as rate limited, naming the
    /// wait, and the next search of the provider sends no request before that wait is over.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ARetryAfterLongerThanTheBudgetFailsAtOnceAndIsKeptForTheNextSearch()
    {
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "86400").WithBody("Too Many Requests"));
        await using var aggregator = CreateAggregator(o =>
        {
            o.MaxPages = 1;
            o.MaxRetries = 3;
            o.SearchTimeout = TimeSpan.FromSeconds(5);
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var first = Assert.Single((await aggregator.SearchAllAsync(Query, TestContext.Current.CancellationToken)).Outcomes);

        Assert.True(first.Status == ProviderStatus.Failed, first.ToString());
        Assert.Equal(GigProviderFailure.RateLimited, first.Failure);
        Assert.Contains("86,400 s (Retry-After)", first.Message, StringComparison.Ordinal);
        AssertNamesProviderAndUrl(first);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the failure took {clock.Elapsed.TotalSeconds:0.0} s: the provider waited instead of failing at once");
        // One request: a rate limit is neither retried nor answered with another form of the request.
        var asked = Server.Requests().Count;
        Assert.Equal(1, asked);

        var second = Assert.Single((await aggregator.SearchAllAsync(Query, TestContext.Current.CancellationToken)).Outcomes);

        Assert.True(second.Status == ProviderStatus.Failed, second.ToString());
        Assert.Equal(GigProviderFailure.CircuitOpen, second.Failure);
        Assert.Contains("Retry-After", second.Message, StringComparison.Ordinal);
        Assert.Equal(asked, Server.Requests().Count);
    }

    /// <summary>
    /// Disposing the aggregator while a search waits for the site stops the search at once: the search ends with
    /// <see cref="ObjectDisposedException"/> or <see cref="OperationCanceledException"/>, no request starts after the
    /// dispose, and a search on the disposed aggregator is refused.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task DisposingTheAggregatorStopsARunningSearchAtOnce()
    {
        // Answered at once (WireMock logs a request when it has answered it), so that the provider is waiting between
        // retries when the aggregator is disposed, as it was when retries went on after a dispose.
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(503).WithBody("Service Unavailable"));
        var aggregator = CreateAggregator(o =>
        {
            o.MaxRetries = 5;
            o.RetryDelay = TimeSpan.FromSeconds(1);
        });
        var search = aggregator.SearchAllAsync(Query, TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await aggregator.DisposeAsync();
        var disposing = clock.Elapsed;
        var ended = await Record.ExceptionAsync(() => search);
        var requests = Server.Requests().Count;
        await Task.Delay(2_500, TestContext.Current.CancellationToken);

        Assert.True(disposing < TimeSpan.FromSeconds(1), $"DisposeAsync took {disposing.TotalSeconds:0.0} s");
        Assert.True(ended is ObjectDisposedException or OperationCanceledException, $"the search ended with {ended?.GetType().Name ?? "a result"}");
        Assert.Equal(requests, Server.Requests().Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => aggregator.SearchAllAsync(Query, TestContext.Current.CancellationToken));
    }

    /// <summary>An answer in UTF-16 with a byte-order mark and no charset is read as browsers read it: by the mark.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task AnAnswerInUtf16WithAByteOrderMarkIsRead()
    {
        Server.Server.Given(SiteRequest()).RespondWith(ResultsResponse());
        var (_, expected) = await SearchAsync();
        Server.Server.Reset();
        var utf16 = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(Results)).ToArray();
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", ResultsContentType.Split(';')[0]).WithBody(utf16));

        var (_, outcome) = await SearchAsync();

        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.True(expected.GigCount > 0, expected.ToString());
        Assert.Equal(expected.GigCount, outcome.GigCount);
    }

    /// <summary>An answer that is not text at all says so, instead of blaming a change of the site's format.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task AnAnswerThatIsNotTextSaysSo()
    {
        var random = new Random(13);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[0] = 0x80; // never the start of a byte-order mark
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", ResultsContentType.Split(';')[0]).WithBody(bytes));

        var (_, outcome) = await SearchAsync();

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("not UTF-8 text", outcome.Message, StringComparison.Ordinal);
        AssertNamesProviderAndUrl(outcome);
    }

    /// <summary>A redirect to another port of the same host leaves the origin: it is not followed but reported.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ARedirectToAnotherPortIsNotFollowedButReported()
    {
        var elsewhere = new UriBuilder(Server.BaseAddress) { Port = Server.BaseAddress.Port == 65535 ? 65534 : Server.BaseAddress.Port + 1, Path = "/landing" }.Uri;
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", elsewhere.AbsoluteUri));

        var (_, outcome) = await SearchAsync();

        Assert.True(outcome.Status == ProviderStatus.Failed, outcome.ToString());
        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Contains(elsewhere.AbsoluteUri, outcome.Message, StringComparison.Ordinal);
        AssertNamesProviderAndUrl(outcome);
        Assert.Single(Server.Requests());
    }

    /// <summary>Answers with the results fixture.</summary>
    /// <returns>The response builder.</returns>
    protected IResponseBuilder ResultsResponse() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", ResultsContentType).WithBody(Results);

    /// <summary>Checks that a failure's message starts with the provider's name and holds the search URL.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="server">The server that was asked, or <see langword="null"/> for <see cref="ProviderServerTests{TSite}.Server"/>.</param>
    protected void AssertNamesProviderAndUrl(ProviderOutcome outcome, Uri? server = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Assert.NotNull(outcome.Message);
        Assert.StartsWith(ProviderName + ": ", outcome.Message, StringComparison.Ordinal);
        Assert.Contains((server ?? Server.BaseAddress).Authority + SearchPath, outcome.Message, StringComparison.Ordinal);
    }

    private async Task<(GigSearchResult Result, ProviderOutcome Outcome)> SearchAsync(Action<GigProviderOptions>? configure = null, GigProvider? alongside = null, Uri? baseAddress = null)
    {
        await using var aggregator = CreateAggregator(
            o =>
            {
                o.MaxPages = 1;
                configure?.Invoke(o);
            },
            baseAddress: baseAddress,
            alongside: alongside);
        var result = await aggregator.SearchAllAsync(Query, TestContext.Current.CancellationToken);
        return (result, Assert.Single(result.Outcomes, o => o.Provider == ProviderName));
    }
}

using System.Diagnostics;
using System.Net;
using FreelanceAggregator.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Tests.Providers;

/// <summary>The shared HTTP plumbing every provider inherits: retries, redirects, size caps and transport faults, through a real provider.</summary>
public sealed class GigHttpClientTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private const string Page1 = """{"jobs":[{"id":"j1","title":"Logo for a bakery","path":"/jobs/j1"}]}""";
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    private GigAggregator Aggregator(Action<SampleFeedOptions>? configure = null) => GigAggregator.Create(b => b.AddSampleFeed(o =>
    {
        ProviderTestOptions.UseTestServer(o, _server.BaseAddress);
        o.MaxPages = 1;
        configure?.Invoke(o);
    }));

    private async Task<ProviderOutcome> SearchAsync(Action<SampleFeedOptions>? configure = null)
    {
        await using var aggregator = Aggregator(configure);
        return Assert.Single((await aggregator.SearchAllAsync(new GigQuery("logo"), Ct)).Outcomes);
    }

    [Fact]
    public async Task A429WithRetryAfterIsWaitedOutAndTheGigsArrive()
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).InScenario("rate").WillSetStateTo("limited")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _server.Server.Given(Request.Create().WithPath("/feed")).InScenario("rate").WhenStateIs("limited")
            .RespondWith(Response.Create().WithBody(Page1));

        var clock = Stopwatch.StartNew();
        var outcome = await SearchAsync();

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(1, outcome.GigCount);
        Assert.Equal(2, _server.Requests().Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"the Retry-After wait was not honoured ({clock.Elapsed.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public async Task TwoServerErrorsThenSuccessIsASuccess()
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).InScenario("flaky").WillSetStateTo("once")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Server.Given(Request.Create().WithPath("/feed")).InScenario("flaky").WhenStateIs("once").WillSetStateTo("twice")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Server.Given(Request.Create().WithPath("/feed")).InScenario("flaky").WhenStateIs("twice")
            .RespondWith(Response.Create().WithBody(Page1));

        var outcome = await SearchAsync(o => o.MaxRetries = 2);

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(3, _server.Requests().Count);
    }

    [Fact]
    public async Task ARedirectToAnotherHostIsNotFollowedButReported()
    {
        _server.Server.Given(Request.Create().WithPath("/feed"))
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "https://www.sribu.com/id/jobs"));

        var outcome = await SearchAsync();

        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Contains("https://www.sribu.com/id/jobs", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task ARedirectWithinTheSiteIsFollowed()
    {
        _server.Server.Given(Request.Create().WithPath("/feed"))
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "/v2/feed"));
        _server.Server.Given(Request.Create().WithPath("/v2/feed")).RespondWith(Response.Create().WithBody(Page1));

        var outcome = await SearchAsync();

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(1, outcome.GigCount);
    }

    [Fact]
    public async Task ABodyOverTheSizeCapIsRefusedWithAMessage()
    {
        _server.Server.Given(Request.Create().WithPath("/feed"))
            .RespondWith(Response.Create().WithBody(new string('x', 20 * 1024 * 1024)));

        var outcome = await SearchAsync(o => o.MaxResponseBytes = 1024 * 1024);

        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.ResponseTooLarge, outcome.Failure);
        Assert.Contains("1,048,576-byte cap", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyCutOffMidJsonIsAnInvalidResponse()
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).RespondWith(Response.Create().WithBody(Page1[..40]));

        var outcome = await SearchAsync();

        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("not valid JSON", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlPageWhereJsonWasExpectedSaysSo()
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).RespondWith(Response.Create().WithBody("<!DOCTYPE html><html><body>Please log in</body></html>"));

        var outcome = await SearchAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("HTML page where JSON was expected", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FaultType.EMPTY_RESPONSE)]
    [InlineData(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task ADroppedConnectionOrMalformedChunkIsANetworkFailure(FaultType fault)
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).RespondWith(Response.Create().WithFault(fault));

        var outcome = await SearchAsync();

        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
        Assert.True(outcome.Failure is GigProviderFailure.Network or GigProviderFailure.InvalidResponse, $"{outcome.Failure}: {outcome.Message}");
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheProviderTimeoutIsATimeout()
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).RespondWith(Response.Create().WithBody(Page1).WithDelay(TimeSpan.FromSeconds(3)));

        var outcome = await SearchAsync(o => o.SearchTimeout = TimeSpan.FromMilliseconds(500));

        Assert.Equal(ProviderStatus.TimedOut, outcome.Status);
        Assert.Contains("samplefeed", outcome.Message, StringComparison.Ordinal);

        // Like every failure, a timeout names the URL: the one the provider was waiting for.
        Assert.Contains(_server.BaseAddress.Authority + "/feed?q=logo&page=1", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("/feed", outcome.RequestUri?.AbsolutePath);
    }

    [Theory]
    [InlineData(401, GigProviderFailure.Unauthorized, "credentials")]
    [InlineData(403, GigProviderFailure.Forbidden, "refused")]
    [InlineData(404, GigProviderFailure.HttpStatus, "no such page")]
    public async Task ClientErrorsSayWhatTheyMean(int status, GigProviderFailure failure, string words)
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).RespondWith(Response.Create().WithStatusCode(status));

        var outcome = await SearchAsync();

        Assert.Equal(failure, outcome.Failure);
        Assert.Equal((HttpStatusCode)status, outcome.StatusCode);
        Assert.Contains(words, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkOffTheSiteIsDroppedWithAWarning()
    {
        _server.Server.Given(Request.Create().WithPath("/feed")).RespondWith(Response.Create().WithBody(
            """{"jobs":[{"id":"ok","title":"Logo, fine","path":"/jobs/ok"},{"id":"bad","title":"Phish","path":"https://evil.example.net/x"},{"id":"js","title":"Script","path":"javascript:alert(1)"}]}"""));

        var outcome = await SearchAsync();

        Assert.Equal(1, outcome.GigCount);
        var skipped = outcome.Warnings.Where(w => w.Kind == GigWarningKind.ListingSkipped).ToList();
        Assert.Equal(["bad", "js"], skipped.Select(w => w.ListingId));
        Assert.All(skipped, w => Assert.Equal("url", w.Field));
    }
}

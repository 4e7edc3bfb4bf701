using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>Freelancer.com's errors: its error envelopes, its bot wall, and answers that are not the API's, each a failure and never zero projects.</summary>
public sealed class FreelancerErrorTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task TheErrorEnvelopeWithStatus401IsUnauthorizedAndCarriesTheSitesMessageAndCode()
    {
        _server.Serve("error-not-authenticated.json", 401);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        Assert.Empty(result.Gigs);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Unauthorized, outcome.Failure);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, outcome.StatusCode);
        Assert.Contains("You must be logged in to perform this request", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("set OAuthToken", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + FreelancerTestSite.ApiPath, outcome.Message, StringComparison.Ordinal);
        var exception = Assert.IsType<GigProviderException>(outcome.Exception);
        Assert.Equal("RestExceptionCodes.NOT_AUTHENTICATED", exception.SiteErrorCode);
        Assert.Equal("freelancer", exception.Provider);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(200)]
    public async Task TheErrorEnvelopeIsASiteErrorWhateverTheStatus(int status)
    {
        _server.Serve("error-envelope.json", status);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.SiteError, outcome.Failure);
        Assert.Contains("\"You have already bid on that project.\"", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("site code ProjectExceptionCodes.DUPLICATE_BID", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
        Assert.Equal("ProjectExceptionCodes.DUPLICATE_BID", Assert.IsType<GigProviderException>(outcome.Exception).SiteErrorCode);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(200)]
    public async Task ABotProtectionPageIsBlockedNotZeroResults(int status)
    {
        _server.Serve("blocked.html", status);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("bot protection", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body><h1>Freelancer</h1><p>Projects</p></body></html>", "HTML page where the API's JSON was expected")]
    [InlineData("{\"status\":\"success\",\"result\":{\"total_count\":3}}", "no 'projects' list")]
    [InlineData("{\"status\":\"success\",\"request_id\":\"x\"}", "no 'result' object")]
    [InlineData("{\"status\":\"success\",\"result\":{\"projects\":[{\"id\":1", "not valid JSON")]
    [InlineData("[]", "not an object")]
    public async Task AnAnswerThatIsNotTheApisIsAnInvalidResponse(string body, string problem)
    {
        _server.ServeBody(body);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains(problem, outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, outcome.Message, StringComparison.Ordinal);
    }
}

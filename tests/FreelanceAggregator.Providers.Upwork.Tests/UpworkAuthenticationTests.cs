using System.Net;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The three ways to authenticate, the token endpoint, token caching and rotation, and what a refused credential says.</summary>
public sealed class UpworkAuthenticationTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task WithoutATokenNothingIsRequestedAndTheOutcomeSaysWhereTheReadmeExplainsIt()
    {
        _server.Server.StubSearch("search-page1.json");
        await using var upwork = UpworkHarness.Create(_server, _ => { });

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Configuration, outcome.Failure);
        Assert.Contains("Upwork needs an OAuth2 access token", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("ClientId + ClientSecret + RefreshToken", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("README section 'Getting an Upwork token'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("#getting-an-upwork-token", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(result.Gigs);
        Assert.Empty(_server.Server.AllRequests());
    }

    [Fact]
    public async Task AFixedTokenIsSentAsABearerToken()
    {
        _server.Server.StubSearch("search-empty.json", bearer: TestTokens.Access);
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = "  " + TestTokens.Access + "\n");

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        Assert.Equal("Bearer " + TestTokens.Access, Assert.Single(_server.Server.AllRequests()).Bearer());
    }

    [Fact]
    public async Task A401ThenSuccessAfterRefreshRetriesOnceAndHandsOverTheRotatedRefreshToken()
    {
        _server.Server.StubSearch("auth-failed.json", bearer: TestTokens.Expired, status: 401);
        _server.Server.StubSearch("search-page1.json", bearer: TestTokens.RefreshedAccess);
        _server.Server.StubToken("token-refresh.json");
        var refreshed = new List<UpworkTokensRefreshed>();
        await using var upwork = UpworkHarness.Create(_server, o =>
        {
            o.AccessToken = TestTokens.Expired;
            o.ClientId = TestTokens.ClientId;
            o.ClientSecret = TestTokens.ClientSecret;
            o.RefreshToken = TestTokens.Refresh;
            o.PageSize = 5;
            o.OnTokensRefreshed = (tokens, _) =>
            {
                refreshed.Add(tokens);
                return ValueTask.CompletedTask;
            };
        });

        var result = await upwork.SearchAsync(new GigQuery { Limit = 5 });

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.Equal(5, outcome.ReceivedCount);
        Assert.Equal(5, result.Gigs.Count);

        var requests = _server.Server.AllRequests();
        Assert.Equal([UpworkStubs.GraphQlPath, UpworkStubs.TokenPath, UpworkStubs.GraphQlPath], requests.Select(r => r.RequestMessage.AbsolutePath));
        Assert.Equal("Bearer " + TestTokens.Expired, requests[0].Bearer());
        Assert.Equal("Bearer " + TestTokens.RefreshedAccess, requests[2].Bearer());
        Assert.Equal(requests[0].RequestMessage.Body, requests[2].RequestMessage.Body);

        var form = requests[1].Form();
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal(TestTokens.Refresh, form["refresh_token"]);
        Assert.Equal(TestTokens.ClientId, form["client_id"]);
        Assert.Equal(TestTokens.ClientSecret, form["client_secret"]);
        Assert.StartsWith("application/x-www-form-urlencoded", requests[1].RequestMessage.Headers!["Content-Type"].Single(), StringComparison.Ordinal);

        var tokens = Assert.Single(refreshed);
        Assert.Equal(TestTokens.RefreshedAccess, tokens.AccessToken);
        Assert.Equal(TestTokens.RotatedRefresh, tokens.RefreshToken);
        Assert.True(tokens.RefreshTokenChanged);
        Assert.NotNull(tokens.AccessTokenExpiresAt);
        Assert.Equal("upwork", tokens.Provider);
    }

    [Fact]
    public async Task RefreshedTokensAreCachedUntilTheyExpireAndTheNewestRefreshTokenIsUsedNext()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 24, 8, 0, 0, TimeSpan.Zero));
        _server.Server.StubToken("token-refresh.json", body: b => b.Contains("refresh_token=" + TestTokens.Refresh, StringComparison.Ordinal));
        _server.Server.StubToken("token-invalid-grant.json", status: 400, priority: 20);
        _server.Server.StubSearch("search-empty.json", bearer: TestTokens.RefreshedAccess);
        var expiries = new List<DateTimeOffset?>();
        await using var upwork = UpworkHarness.Create(
            _server,
            o =>
            {
                o.ClientId = TestTokens.ClientId;
                o.ClientSecret = TestTokens.ClientSecret;
                o.RefreshToken = TestTokens.Refresh;
                o.OnTokensRefreshed = (tokens, _) =>
                {
                    expiries.Add(tokens.AccessTokenExpiresAt);
                    return ValueTask.CompletedTask;
                };
            },
            clock);

        // First search: no access token yet, so one is obtained first; the second search reuses it.
        Assert.Equal(ProviderStatus.Succeeded, (await upwork.SearchAsync(new GigQuery("a"))).Outcomes[0].Status);
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(ProviderStatus.Succeeded, (await upwork.SearchAsync(new GigQuery("b"))).Outcomes[0].Status);
        Assert.Single(_server.Server.Requests(UpworkStubs.TokenPath));
        Assert.Equal([clock.Start + TimeSpan.FromSeconds(86_400)], expiries);

        // Past 24 hours (less the safety margin) the token is refreshed again, with the refresh token Upwork rotated to.
        clock.Advance(TimeSpan.FromMinutes(59.5));
        var third = await upwork.SearchAsync(new GigQuery("c"));

        var tokenRequests = _server.Server.Requests(UpworkStubs.TokenPath);
        Assert.Equal(2, tokenRequests.Count);
        Assert.Equal(TestTokens.RotatedRefresh, tokenRequests[1].Form()["refresh_token"]);

        // That rotated token is unknown to this stub, which answers invalid_grant: the search fails and says so.
        Assert.Equal(GigProviderFailure.Unauthorized, third.Outcomes[0].Failure);
    }

    [Fact]
    public async Task ARefusedFixedTokenIsUnauthorizedAndSaysWhatToDo()
    {
        _server.Server.StubSearch("auth-failed.json", status: 401);
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessToken = TestTokens.Expired);

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Unauthorized, outcome.Failure);
        Assert.Equal(HttpStatusCode.Unauthorized, outcome.StatusCode);
        Assert.Contains("Upwork refused the AccessToken", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("\"Authentication failed\"", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("set ClientId, ClientSecret and RefreshToken", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + "/graphql", outcome.Message, StringComparison.Ordinal);

        // No way to get another token: no retry, and 401 is not something the resilience handler retries.
        Assert.Single(_server.Server.AllRequests());
    }

    [Fact]
    public async Task ARefusedRefreshTokenIsUnauthorizedAndSaysToAuthoriseAgain()
    {
        _server.Server.StubToken("token-invalid-grant.json", status: 400);
        _server.Server.StubSearch("search-page1.json");
        await using var upwork = UpworkHarness.Create(_server, o =>
        {
            o.ClientId = TestTokens.ClientId;
            o.ClientSecret = TestTokens.ClientSecret;
            o.RefreshToken = TestTokens.Refresh;
        });

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Equal(GigProviderFailure.Unauthorized, outcome.Failure);
        Assert.Equal(HttpStatusCode.BadRequest, outcome.StatusCode);
        Assert.Contains("Upwork refused the refresh token (invalid_grant: Refresh token is expired or revoked or not registered)", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Authorise the app again", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority + "/api/v3/oauth2/token", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Server.Requests(UpworkStubs.GraphQlPath));
    }

    [Fact]
    public async Task RefusedClientCredentialsNameClientIdAndClientSecret()
    {
        // Inline body: RFC 6749's error for a wrong client secret; Upwork's own body for it was not found.
        _server.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(UpworkStubs.TokenPath).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401).WithBody("""{"error":"invalid_client","error_description":"Client authentication failed"}"""));
        await using var upwork = UpworkHarness.Create(_server, o =>
        {
            o.ClientId = TestTokens.ClientId;
            o.ClientSecret = TestTokens.ClientSecret;
            o.RefreshToken = TestTokens.Refresh;
        });

        var outcome = (await upwork.SearchAsync(new GigQuery("logo"))).Outcomes[0];

        Assert.Equal(GigProviderFailure.Unauthorized, outcome.Failure);
        Assert.Contains("refused the client credentials (invalid_client: Client authentication failed): check ClientId and ClientSecret", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFreshTokenThatIsRefusedTooIsRetriedOnlyOnce()
    {
        _server.Server.StubSearch("auth-failed.json", status: 401);
        _server.Server.StubToken("token-refresh.json");
        await using var upwork = UpworkHarness.Create(_server, o =>
        {
            o.AccessToken = TestTokens.Expired;
            o.ClientId = TestTokens.ClientId;
            o.ClientSecret = TestTokens.ClientSecret;
            o.RefreshToken = TestTokens.Refresh;
        });

        var outcome = (await upwork.SearchAsync(new GigQuery("logo"))).Outcomes[0];

        Assert.Equal(GigProviderFailure.Unauthorized, outcome.Failure);
        Assert.Contains("Upwork refused a freshly refreshed access token", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Server.Requests(UpworkStubs.GraphQlPath).Count);
        Assert.Single(_server.Server.Requests(UpworkStubs.TokenPath));
    }

    [Fact]
    public async Task ADelegateIsAskedForEachRequestAndOnceMoreAfterA401()
    {
        _server.Server.StubSearch("auth-failed.json", bearer: TestTokens.Expired, status: 401);
        _server.Server.StubSearch("search-empty.json", bearer: TestTokens.Access);
        var handedOut = new Queue<string>([TestTokens.Expired, TestTokens.Access]);
        var calls = 0;
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessTokenProvider = _ =>
        {
            calls++;
            return ValueTask.FromResult<string?>(handedOut.Count > 1 ? handedOut.Dequeue() : handedOut.Peek());
        });

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        Assert.Equal(ProviderStatus.Succeeded, Assert.Single(result.Outcomes).Status);
        Assert.Equal(2, calls);
        Assert.Equal(["Bearer " + TestTokens.Expired, "Bearer " + TestTokens.Access], _server.Server.AllRequests().Select(r => r.Bearer()));
    }

    [Fact]
    public async Task ADelegateThatReturnsNoTokenIsAConfigurationFailureWithoutARequest()
    {
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessTokenProvider = _ => ValueTask.FromResult<string?>(null));

        var outcome = (await upwork.SearchAsync(new GigQuery("logo"))).Outcomes[0];

        Assert.Equal(GigProviderFailure.Configuration, outcome.Failure);
        Assert.Contains("AccessTokenProvider delegate returned no token", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Getting an Upwork token", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Server.AllRequests());
    }

    [Fact]
    public async Task ADelegateThatKeepsGivingTheRefusedTokenIsUnauthorized()
    {
        _server.Server.StubSearch("auth-failed.json", status: 401);
        await using var upwork = UpworkHarness.Create(_server, o => o.AccessTokenProvider = _ => ValueTask.FromResult<string?>(TestTokens.Expired));

        var outcome = (await upwork.SearchAsync(new GigQuery("logo"))).Outcomes[0];

        Assert.Equal(GigProviderFailure.Unauthorized, outcome.Failure);
        Assert.Contains("Upwork refused the token from AccessTokenProvider", outcome.Message, StringComparison.Ordinal);
        Assert.Single(_server.Server.AllRequests());
    }

    [Fact]
    public async Task AFailingCallbackDoesNotFailTheSearch()
    {
        _server.Server.StubToken("token-refresh.json");
        _server.Server.StubSearch("search-empty.json", bearer: TestTokens.RefreshedAccess);
        await using var upwork = UpworkHarness.Create(_server, o =>
        {
            o.ClientId = TestTokens.ClientId;
            o.ClientSecret = TestTokens.ClientSecret;
            o.RefreshToken = TestTokens.Refresh;
            o.OnTokensRefreshed = (_, _) => throw new IOException("the token store is read-only");
        });

        var result = await upwork.SearchAsync(new GigQuery("logo"));

        Assert.Equal(ProviderStatus.Succeeded, result.Outcomes[0].Status);
        Assert.Contains(upwork.Logs.GetSnapshot(), r => r.Message.Contains("OnTokensRefreshed callback failed with System.IO.IOException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARotatedRefreshTokenWithoutACallbackIsLoggedAsAWarning()
    {
        _server.Server.StubToken("token-refresh.json");
        _server.Server.StubSearch("search-empty.json");
        await using var upwork = UpworkHarness.Create(_server, o =>
        {
            o.ClientId = TestTokens.ClientId;
            o.ClientSecret = TestTokens.ClientSecret;
            o.RefreshToken = TestTokens.Refresh;
        });

        await upwork.SearchAsync(new GigQuery("logo"));

        Assert.Contains(upwork.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("no OnTokensRefreshed callback", StringComparison.Ordinal));
    }
}

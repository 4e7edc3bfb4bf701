using System.Text;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>
/// Tokens and the client secret never reach a log line, an exception, an outcome or a ToString: every run below logs
/// at Trace level into a capturing logger, and all text that came out is searched for every secret.
/// </summary>
public sealed class UpworkSecretLeakTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();
    private readonly StringBuilder _seen = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task NoSecretAppearsInLogsExceptionsOutcomesOrToString()
    {
        // 1. Success: 401 on the configured token, refresh (tokens rotate), retry succeeds.
        _server.Server.StubSearch("auth-failed.json", bearer: TestTokens.Expired, status: 401);
        _server.Server.StubSearch("search-page1.json", bearer: TestTokens.RefreshedAccess);
        _server.Server.StubToken("token-refresh.json");
        UpworkTokensRefreshed? refreshed = null;
        var succeeded = await RunAsync(o =>
        {
            WithRefresh(o);
            o.AccessToken = TestTokens.Expired;
            o.OnTokensRefreshed = (tokens, _) =>
            {
                refreshed = tokens;
                return ValueTask.CompletedTask;
            };
        });
        Assert.Equal(ProviderStatus.Succeeded, succeeded.Status);
        Assert.NotNull(refreshed);
        Collect(refreshed.ToString());

        // 2. A 401 on a fixed token.
        Reset();
        _server.Server.StubSearch("auth-failed.json", status: 401);
        var unauthorized = await RunAsync(o => o.AccessToken = TestTokens.Access);
        Assert.Equal(GigProviderFailure.Unauthorized, unauthorized.Failure);

        // 3. The refresh fails, with a server that echoes the refresh token in its error description.
        Reset();
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.TokenPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(400)
            .WithBody($$"""{"error":"invalid_grant","error_description":"Refresh token {{TestTokens.Refresh}} is expired or revoked or not registered"}"""));
        var refreshFailed = await RunAsync(WithRefresh);
        Assert.Equal(GigProviderFailure.Unauthorized, refreshFailed.Failure);
        Assert.Contains("[redacted]", refreshFailed.Message, StringComparison.Ordinal);

        // 4. A GraphQL error whose message quotes the bearer token, on every attempt (with and without paging).
        Reset();
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.GraphQlPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody($$$"""{"errors":[{"message":"Token {{{TestTokens.Access}}} is not valid for tenant 1","extensions":{"classification":"ExecutionAborted"}}],"data":null}"""));
        var graphQlError = await RunAsync(o => o.AccessToken = TestTokens.Access);
        Assert.Equal(GigProviderFailure.SiteError, graphQlError.Failure);
        Assert.Contains("Token [redacted] is not valid", graphQlError.Message, StringComparison.Ordinal);

        // 5. The options themselves.
        var options = new UpworkOptions { AccessToken = TestTokens.Access, ClientId = TestTokens.ClientId, ClientSecret = TestTokens.ClientSecret, RefreshToken = TestTokens.Refresh };
        Collect(options.ToString());
        Assert.Contains("ClientSecret = set", options.ToString(), StringComparison.Ordinal);

        var text = _seen.ToString();
        Assert.Contains("upwork", text, StringComparison.Ordinal);
        foreach (var secret in TestTokens.All.Append(TestTokens.ClientId))
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"the secret {secret[..12]}… leaked into:\n{Around(text, secret)}");
        }
    }

    private static void WithRefresh(UpworkOptions o)
    {
        o.ClientId = TestTokens.ClientId;
        o.ClientSecret = TestTokens.ClientSecret;
        o.RefreshToken = TestTokens.Refresh;
    }

    private static string Around(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        return text.Substring(Math.Max(0, at - 300), Math.Min(text.Length - Math.Max(0, at - 300), 400));
    }

    private void Reset()
    {
        _server.Server.Reset();
    }

    private async Task<ProviderOutcome> RunAsync(Action<UpworkOptions> configure)
    {
        ProviderOutcome outcome;
        FakeLogCollector logs;
        await using (var upwork = UpworkHarness.Create(_server, configure))
        {
            var result = await upwork.SearchAsync(new GigQuery("lead") { Limit = 5 });
            outcome = Assert.Single(result.Outcomes);
            logs = upwork.Logs;
            Collect(upwork.Provider.ToString());
        }

        // Everything a user or an operator could see: the outcome, its exception chain, and every log record at every level.
        Collect(outcome.ToString(), outcome.Message, string.Join('\n', outcome.Warnings), outcome.Exception?.ToString(), outcome.RequestUri?.ToString());
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            Collect(record.Category, record.Message, record.Exception?.ToString(), record.Scopes.Count > 0 ? string.Join('\n', record.Scopes) : null);
            if (record.StructuredState is { } state)
            {
                Collect(string.Join('\n', state.Select(kv => kv.Key + "=" + kv.Value)));
            }
        }

        return outcome;
    }

    private void Collect(params string?[] texts)
    {
        foreach (var text in texts)
        {
            _seen.AppendLine(text);
        }
    }
}

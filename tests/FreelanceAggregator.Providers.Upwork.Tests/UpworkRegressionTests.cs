using FreelanceAggregator.Providers.Upwork.Parsing;
using FreelanceAggregator.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>Bugs the fuzzing found in the Upwork provider, each pinned by the input that showed it.</summary>
public sealed class UpworkRegressionTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void TextWithALoneSurrogateIsAnInvalidResponseNotAnArgumentException()
    {
        // JsonDocument.Parse(string) throws ArgumentException for text that cannot be transcoded to UTF-8. Decoded bytes
        // never hold a lone surrogate, but the parser takes any string and promised GigProviderException only.
        var settings = new UpworkParseSettings(UpworkOptions.DefaultName, null, DateTimeOffset.UnixEpoch);
        var error = Assert.Throws<GigProviderException>(() => UpworkSearchParser.Parse("{\"data\":{\"x\":\"\ud83d\"}}", settings));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
    }

    [Fact]
    public async Task ATokenAnswerWithAnInvalidUtf16EscapeIsAFailureNotAnInvalidOperationException()
    {
        // "\ud800" is valid JSON syntax, but JsonElement.GetString() throws InvalidOperationException for it; the token
        // source read access_token, token_type and refresh_token with it, so the exception escaped the provider.
        _server.Server.Given(Request.Create().WithPath(UpworkStubs.TokenPath).UsingPost()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"access_token":"\ud800","token_type":"\udc00","refresh_token":"\ud800x","expires_in":"\ud800"}"""));
        await using var upwork = UpworkHarness.Create(_server, o =>
        {
            o.ClientId = TestTokens.ClientId;
            o.ClientSecret = TestTokens.ClientSecret;
            o.RefreshToken = TestTokens.Refresh;
        });

        var outcome = Assert.Single((await upwork.SearchAsync(new GigQuery("logo"))).Outcomes);

        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.IsType<GigProviderException>(outcome.Exception);
        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("without an access_token", outcome.Message, StringComparison.Ordinal);
    }
}

namespace FreelanceAggregator.Providers.Upwork.Tests;

public sealed class UpworkOptionsTests
{
    [Fact]
    public void DefaultsPointAtUpwork()
    {
        var options = new UpworkOptions();

        Assert.Equal(new Uri("https://api.upwork.com/"), options.BaseAddress);
        Assert.Equal(new Uri("https://www.upwork.com/api/v3/oauth2/token"), options.TokenEndpoint);
        Assert.Equal(50, options.PageSize);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.PageDelay);
        Assert.Null(options.AccessToken);
        Assert.Contains("Authentication = none (no token configured)", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringSaysWhichCredentialIsSetButNeverItsValue()
    {
        var options = new UpworkOptions { AccessToken = TestTokens.Access, ClientId = TestTokens.ClientId, ClientSecret = TestTokens.ClientSecret, RefreshToken = TestTokens.Refresh };

        var text = options.ToString();

        Assert.Contains("Authentication = AccessToken, then refresh token (ClientId, ClientSecret, RefreshToken)", text, StringComparison.Ordinal);
        Assert.Contains("AccessToken = set", text, StringComparison.Ordinal);
        Assert.Contains("RefreshToken = set", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.Access, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.Refresh, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.ClientId, text, StringComparison.Ordinal);
    }
}

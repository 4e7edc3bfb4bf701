using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The options: defaults, what ToString shows, and the rules checked when the provider is registered.</summary>
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

    [Fact]
    public void AddingTheProviderTwiceRegistersItOnceAndAnotherNameAddsASecond()
    {
        using var aggregator = GigAggregator.Create(b => b
            .AddUpwork(o => o.AccessToken = TestTokens.Access)
            .AddUpwork(o => o.PageSize = 10)
            .AddUpwork("upwork-agency", o => o.AccessToken = TestTokens.Access));

        Assert.Equal(["upwork", "upwork-agency"], aggregator.Providers.Select(p => p.Name).Order());
    }

    [Fact]
    public void PartialRefreshCredentialsFailAtStartNamingWhatIsMissingButNoSecret()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddUpwork(o =>
        {
            o.ClientId = TestTokens.ClientId;
            o.ClientSecret = TestTokens.ClientSecret;
        })));

        Assert.Contains("ClientId, ClientSecret and RefreshToken go together for provider 'upwork'", error.Message, StringComparison.Ordinal);
        Assert.Contains("RefreshToken not", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.ClientSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.ClientId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADelegateTogetherWithAnotherCredentialFailsAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddUpwork(o =>
        {
            o.AccessToken = TestTokens.Access;
            o.AccessTokenProvider = _ => ValueTask.FromResult<string?>(TestTokens.Access);
        })));

        Assert.Contains("AccessTokenProvider for provider 'upwork' cannot be combined", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.Access, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APageSizeAboveUpworksMaximumFailsAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddUpwork(o => o.PageSize = 500)));

        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
    }
}

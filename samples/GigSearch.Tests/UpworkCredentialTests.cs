using FreelanceAggregator.Providers.Upwork;

namespace GigSearch.Tests;

/// <summary>Live Upwork credentials come from the environment (read here from a dictionary, so no test sets a real variable).</summary>
public sealed class UpworkCredentialTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gigsearch-upwork-" + Guid.NewGuid().ToString("N"));

    public UpworkCredentialTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void AnAccessTokenAloneIsUsed()
    {
        var options = Configure(new() { ["UPWORK_ACCESS_TOKEN"] = " oauth2v2_abc \n" });

        Assert.Equal("oauth2v2_abc", options.AccessToken);
        Assert.Null(options.ClientId);
        Assert.Null(options.RefreshToken);
    }

    [Fact]
    public void TheRefreshFlowTakesItsThreeVariablesAndBlankOnesCountAsUnset()
    {
        var options = Configure(new()
        {
            ["UPWORK_ACCESS_TOKEN"] = "  ",
            ["UPWORK_CLIENT_ID"] = "client",
            ["UPWORK_CLIENT_SECRET"] = "secret",
            ["UPWORK_REFRESH_TOKEN"] = "oauth2v2_refresh",
        });

        Assert.Null(options.AccessToken);
        Assert.Equal("client", options.ClientId);
        Assert.Equal("secret", options.ClientSecret);
        Assert.Equal("oauth2v2_refresh", options.RefreshToken);
        Assert.NotNull(options.OnTokensRefreshed);
    }

    [Fact]
    public void TheRefreshTokenCanComeFromAFile()
    {
        var file = Path.Combine(_folder, "upwork-refresh-token");
        File.WriteAllText(file, "oauth2v2_saved\n");

        var options = Configure(new() { ["UPWORK_CLIENT_ID"] = "client", ["UPWORK_CLIENT_SECRET"] = "secret", ["UPWORK_REFRESH_TOKEN_FILE"] = file });

        Assert.Equal("oauth2v2_saved", options.RefreshToken);
    }

    [Fact]
    public void NoVariablesLeaveUpworkWithoutCredentials()
    {
        var options = Configure([]);

        Assert.Null(options.AccessToken);
        Assert.Null(options.AccessTokenProvider);
        Assert.Null(options.ClientId);
        Assert.Null(options.ClientSecret);
        Assert.Null(options.RefreshToken);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static UpworkOptions Configure(Dictionary<string, string> variables)
    {
        var options = new UpworkOptions();
        Sites.ConfigureUpworkLive(options, name => variables.GetValueOrDefault(name));
        return options;
    }
}

using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The options' rules, and the OAuth token: sent, and never shown.</summary>
public sealed class FreelancerOptionsTests : IDisposable
{
    private const string Token = "s3cr3t-Fl-Token-0123456789abcdef";
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task TheTokenIsSentAsTheFreelancerOauthHeader()
    {
        _server.Serve("projects-empty.json");
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, o => o.OAuthToken = Token);
        await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var request = Assert.Single(_server.Server.LogEntries).RequestMessage;
        Assert.Equal([Token], request.Headers!["freelancer-oauth-v1"]);
        Assert.DoesNotContain(Token, request.AbsoluteUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutATokenNoHeaderIsSent()
    {
        _server.Serve("projects-empty.json");
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var request = Assert.Single(_server.Server.LogEntries).RequestMessage;
        Assert.False(request.Headers!.ContainsKey("freelancer-oauth-v1"));
    }

    [Fact]
    public async Task ARefusedTokenNeverAppearsInLogsExceptionsOrOutcomes()
    {
        _server.Serve("error-not-authenticated.json", 401);
        using var logs = new FakeLoggerProvider();
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, o => o.OAuthToken = Token, logs: logs);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(GigProviderFailure.Unauthorized, outcome.Failure);
        Assert.Contains("the OAuthToken was refused", outcome.Message, StringComparison.Ordinal);
        var records = logs.Collector.GetSnapshot();
        Assert.NotEmpty(records);
        // The request is logged (by GigHttpClient: method, URL, status), but no header is, so the token cannot be.
        Assert.Contains(records, r => r.Message.Contains("/api/projects/0.1/projects/active", StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain(Token, r.Message + r.Exception, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, outcome.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.Exception!.ToString(), StringComparison.Ordinal);
    }

    // Found by the reliability work: the site's own error message and code were quoted in the failure as they came, so a
    // site (or a proxy) that echoes the token it refused put the token into the outcome, the exception and the log.
    [Theory]
    [InlineData(401, "error_code")]
    [InlineData(400, "message")]
    [InlineData(200, "status")]
    public async Task ATokenTheSiteEchoesBackNeverReachesLogsExceptionsOrOutcomes(int status, string field)
    {
        var envelope = field switch
        {
            "error_code" => $$"""{"status":"error","message":"Not authenticated","error_code":"INVALID_ACCESS_TOKEN {{Token}}"}""",
            "message" => $$"""{"status":"error","message":"The token {{Token}} is not valid for this client","error_code":"ProjectExceptionCodes.BAD_REQUEST"}""",
            _ => $$"""{"status":"{{Token}}","request_id":"0123456789abcdef"}""",
        };
        _server.ServeBody(envelope, status);
        using var logs = new FakeLoggerProvider();
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server, o => o.OAuthToken = Token, logs: logs);
        var result = await aggregator.SearchAllAsync(new GigQuery("logo"), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Failed, outcome.Status);
        Assert.Contains("[redacted]", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.Exception!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ((GigProviderException)outcome.Exception).SiteErrorCode ?? string.Empty, StringComparison.Ordinal);
        Assert.All(logs.Collector.GetSnapshot(), r => Assert.DoesNotContain(Token, r.Message + r.Exception, StringComparison.Ordinal));
    }

    [Fact]
    public void ToStringSaysWhetherATokenIsSetButNeverWhichOne()
    {
        var options = new FreelancerOptions { OAuthToken = Token };
        var text = options.ToString();
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("OAuthToken = (set)", text, StringComparison.Ordinal);
        Assert.Contains("OAuthToken = (none)", new FreelancerIndonesiaOptions().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DisplayCurrency 'RUPIAH' for provider 'freelancer.co.id' is not an active ISO 4217 currency code")]
    [InlineData("PublicSite 'ftp://www.freelancer.co.id/' for provider 'freelancer.co.id' must be an absolute http or https address")]
    [InlineData("Languages for provider 'freelancer.co.id' holds 'bahasa indonesia'")]
    [InlineData("OAuthToken for provider 'freelancer.co.id' is empty or holds white space")]
    [InlineData("PageSize must be between 1 and 100")]
    public void InvalidOptionsFailAtStartNamingTheProviderAndTheValue(string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddFreelancerIndonesia(o =>
        {
            o.DisplayCurrency = "RUPIAH";
            o.PublicSite = new Uri("ftp://www.freelancer.co.id/");
            o.Languages.Add("bahasa indonesia");
            o.OAuthToken = "Bearer " + Token;
            o.PageSize = 250;
        })));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingTheSameRegistrationTwiceKeepsOneProviderAndBothConfigurations()
    {
        await using var aggregator = GigAggregator.Create(b => b
            .AddFreelancer(o => o.PageSize = 40)
            .AddFreelancer(o => o.Languages.Add("en")));

        var provider = Assert.IsType<FreelancerProvider>(Assert.Single(aggregator.Providers));
        Assert.Equal("freelancer", provider.Name);
    }

    [Fact]
    public async Task AProviderUnderAnotherNameIsAnotherViewOfTheSameMarketplace()
    {
        await using var aggregator = GigAggregator.Create(b => b.AddFreelancer().AddFreelancer("freelancer-en", o => o.Languages.Add("en")));

        Assert.Equal(["freelancer", "freelancer-en"], aggregator.Providers.Select(p => p.Name));
        Assert.All(aggregator.Providers, p => Assert.Equal("freelancer", p.Capabilities.Marketplace));
    }
}

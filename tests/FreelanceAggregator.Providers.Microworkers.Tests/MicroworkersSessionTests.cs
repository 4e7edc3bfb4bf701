using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>The worker's session: how it is sent, what happens without one, when it has expired, and from the app's delegate.</summary>
public sealed class MicroworkersSessionTests : MicroworkersServerTests
{
    [Fact]
    public async Task TheSessionGoesInTheCookieHeaderOfEveryPage()
    {
        Site.StubResults(Server.Server);

        var (_, outcome) = await SearchAsync();

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(2, outcome.PageCount);
        Assert.Equal(["/jobs.php?page=1", "/jobs.php?page=2"], Server.Requests().Select(u => u.PathAndQuery));
        Assert.All(Server.Server.LogEntries, e => Assert.Equal("PHPSESSID=" + MicroworkersTestSite.StandInSession, Cookie(e)));
    }

    [Fact]
    public async Task AWholeCookieHeaderIsSentAsGiven()
    {
        Site.StubResults(Server.Server);
        var header = $"PHPSESSID={MicroworkersTestSite.StandInSession}; mw_lang=en";

        var (_, outcome) = await SearchAsync(configure: o => o.SessionCookie = header);

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.All(Server.Server.LogEntries, e => Assert.Equal(header, Cookie(e)));
    }

    [Fact]
    public async Task WithoutASessionTheProviderIsSkippedAndTheMessageSaysHowToGetOne()
    {
        Site.StubResults(Server.Server);

        var (_, outcome) = await SearchAsync(configure: o => o.SessionCookie = null);

        Assert.Equal(ProviderStatus.Skipped, outcome.Status);
        Assert.StartsWith("microworkers: ", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("no session is configured", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("SessionCookie", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("PHPSESSID", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("#getting-a-microworkers-session", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public async Task AnExpiredSessionRedirectedToTheLoginPageIsLoginRequired()
    {
        Site.StubLogin(Server.Server);

        var outcome = await FailAsync(o => o.SessionCookie = "e8p1red5e5510nn0l0ng3rv4l1d");

        Assert.Equal(GigProviderFailure.LoginRequired, outcome.Failure);
        Assert.Contains("login page", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("session has expired", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Server.BaseAddress.Authority + MicroworkersTestSite.LoginPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLoginPageAnsweredInPlaceOfTheListIsLoginRequired()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Site.Answer("login.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.LoginRequired, outcome.Failure);
        Assert.Contains("titled 'Microworkers - Login'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Server.BaseAddress.Authority + MicroworkersTestSite.JobsPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A401IsLoginRequired()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Response.Create().WithStatusCode(401).WithBody("Unauthorized"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.LoginRequired, outcome.Failure);
        Assert.Contains("refused SessionCookie", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDelegateIsAskedForEveryPage()
    {
        Site.StubResults(Server.Server);
        var asked = 0;

        var (_, outcome) = await SearchAsync(configure: o =>
        {
            o.SessionCookie = null;
            o.SessionCookieProvider = _ =>
            {
                Interlocked.Increment(ref asked);
                return ValueTask.FromResult<string?>(MicroworkersTestSite.StandInSession);
            };
        });

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(2, asked);
        Assert.Equal(2, Server.Requests().Count);
    }

    [Fact]
    public async Task ADelegateThatGivesNoSessionOrFailsSendsNoRequest()
    {
        Site.StubResults(Server.Server);

        var none = await FailAsync(o =>
        {
            o.SessionCookie = null;
            o.SessionCookieProvider = _ => ValueTask.FromResult<string?>(null);
        });
        var failed = await FailAsync(o =>
        {
            o.SessionCookie = null;
            o.SessionCookieProvider = _ => throw new InvalidOperationException("vault unreachable");
        });

        Assert.Equal(GigProviderFailure.Configuration, none.Failure);
        Assert.Contains("returned no session", none.Message, StringComparison.Ordinal);
        Assert.Equal(GigProviderFailure.Configuration, failed.Failure);
        Assert.Contains("SessionCookieProvider delegate failed (InvalidOperationException)", failed.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public async Task ASessionWithALineBreakIsRefusedBeforeAnyRequest()
    {
        Site.StubResults(Server.Server);

        var fromDelegate = await FailAsync(o =>
        {
            o.SessionCookie = null;
            o.SessionCookieProvider = _ => ValueTask.FromResult<string?>("abcdef\r\nX-Injected: 1");
        });
        var configured = Assert.Throws<OptionsValidationException>(() => CreateAggregator(o => o.SessionCookie = "abcdef\nX-Injected: 1"));

        Assert.Equal(GigProviderFailure.Configuration, fromDelegate.Failure);
        Assert.Contains("line break", fromDelegate.Message, StringComparison.Ordinal);
        Assert.Contains("SessionCookie holds a line break", configured.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", configured.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public void ASessionAndADelegateTogetherAreRefusedAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(() => CreateAggregator(o => o.SessionCookieProvider = _ => ValueTask.FromResult<string?>("x")));

        Assert.Contains("cannot both be set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MicroworkersTestSite.StandInSession, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttpToAnotherMachineIsRefusedAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddMicroworkers(o =>
        {
            o.BaseAddress = new Uri("http://mirror.example.net/");
            o.SessionCookie = MicroworkersTestSite.StandInSession;
        })));

        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MicroworkersTestSite.StandInSession, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACookieTheSiteSetsIsNotSentBack()
    {
        // The site renews the session on page 1; the provider keeps sending the one it was given, alone.
        Server.Server.Given(Site.SearchRequest().WithParam("page", "1")).RespondWith(Site.Answer("jobs-page1.html").WithHeader("Set-Cookie", "PHPSESSID=r0tat3dbyth3s1t3; path=/"));
        Server.Server.Given(Site.SearchRequest().WithParam("page", "2")).RespondWith(Site.Answer("jobs-page2.html"));

        var (_, outcome) = await SearchAsync();

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        var second = Server.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Last();
        Assert.Equal("PHPSESSID=" + MicroworkersTestSite.StandInSession, Cookie(second));
    }

    [Fact]
    public async Task TheSessionIsNotSentToAnotherHostARedirectNames()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "https://evil.example.net/collect"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Single(Server.Requests());
        Assert.Empty(Server.Server.FindLogEntries(Request.Create().WithPath("/collect")));
    }

    // The Cookie header as the server received it: one header, one value.
    private static string Cookie(WireMock.Logging.ILogEntry entry) =>
        Assert.Single(Assert.Single(entry.RequestMessage.Headers!, h => string.Equals(h.Key, "Cookie", StringComparison.OrdinalIgnoreCase)).Value);
}

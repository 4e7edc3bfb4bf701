using System.Text;
using FreelanceAggregator.TestSites;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>
/// The session never reaches a log line, an exception, an outcome, a listing or a ToString: every run below logs at
/// Trace level into a capturing logger, and all text that came out is searched for the session, including runs where
/// the site itself puts the session into an address or a page.
/// </summary>
public sealed class MicroworkersSessionSecretTests : MicroworkersServerTests
{
    private const string DelegateSession = "d3l3g4t3s3ss10nf0rth3w0rk3r";
    private readonly StringBuilder _seen = new();

    [Fact]
    public async Task TheSessionAppearsNowhere()
    {
        var session = MicroworkersTestSite.StandInSession;

        // 1. A search of both pages.
        Site.StubResults(Server.Server);
        var succeeded = await RunAsync();
        Assert.Equal(ProviderStatus.Succeeded, succeeded.Status);

        // 2. The session expired: a redirect to the login page.
        Reset();
        Site.StubLogin(Server.Server);
        var expired = await RunAsync(o => o.SessionCookie = "e8p1red5e5510nn0l0ng3rv4l1d");
        Assert.Equal(GigProviderFailure.LoginRequired, expired.Failure);

        // 3. The site appends the session to the address it redirects to (PHP's trans-sid), and that address fails.
        Reset();
        Server.Server.Given(Site.SearchRequest().WithParam("PHPSESSID")).AtPriority(1).RespondWith(Response.Create().WithStatusCode(500).WithBody("Internal Server Error"));
        Server.Server.Given(Site.SearchRequest()).AtPriority(2).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"/jobs.php?page=1&PHPSESSID={session}"));
        var redirected = await RunAsync(o => o.MaxRetries = 0);
        Assert.Equal(GigProviderFailure.HttpStatus, redirected.Failure);
        Assert.Contains("/jobs.php?page=1", redirected.Message, StringComparison.Ordinal);

        // 4. Links that carry the session, and a title that echoes it: the jobs are kept, without it.
        Reset();
        var echoing = Site.ReadFixture("jobs-page2.html")
            .Replace("jobs_details.php?Id=a61e2a7q0c3k8f5b9d4e18", $"jobs_details.php?Id=a61e2a7q0c3k8f5b9d4e18&amp;PHPSESSID={session}", StringComparison.Ordinal)
            .Replace("Product: add to cart + screenshot", $"Product {session}: add to cart", StringComparison.Ordinal)
            .Replace("<p>$0.14</p>", $"<p>{session}</p>", StringComparison.Ordinal);
        Serve(echoing);
        var (_, keptOutcome) = await RunSearchAsync();
        Assert.Equal(ProviderStatus.Succeeded, keptOutcome.Status);
        Assert.Contains(keptOutcome.Warnings, w => w.Field == "budget" && w.Message.Contains("[redacted]", StringComparison.Ordinal));
        var page = await RunPageAsync();
        var instagram = Assert.Single(page.Listings, g => g.Id == "61e2a7c0f3b8");
        Assert.Equal(new Uri("https://www.microworkers.com/jobs_details.php?Id=a61e2a7q0c3k8f5b9d4e18"), instagram.Url);
        Assert.Equal("Product [redacted]: add to cart", Assert.Single(page.Listings, g => g.Id == "d92e6b4a1c03").Title);

        // 5. A page that is no job list, titled with the session.
        Reset();
        Serve($"<html><head><title>Error {session}</title></head><body><p>Something went wrong.</p></body></html>");
        var titled = await RunAsync();
        Assert.Equal(GigProviderFailure.InvalidResponse, titled.Failure);
        Assert.Contains("[redacted]", titled.Message, StringComparison.Ordinal);

        // 6. The delegate's session, refused.
        Reset();
        Site.StubLogin(Server.Server);
        var refused = await RunAsync(o =>
        {
            o.SessionCookie = null;
            o.SessionCookieProvider = _ => ValueTask.FromResult<string?>(DelegateSession);
        });
        Assert.Equal(GigProviderFailure.LoginRequired, refused.Failure);

        // 7. The options themselves.
        var options = new MicroworkersOptions { SessionCookie = session };
        Collect(options.ToString());
        Assert.Contains("SessionCookie = set", options.ToString(), StringComparison.Ordinal);

        var text = _seen.ToString();
        Assert.Contains("microworkers", text, StringComparison.Ordinal);
        Assert.Contains("PHPSESSID", text, StringComparison.Ordinal);
        foreach (var secret in (string[])[session, DelegateSession, "e8p1red5e5510nn0l0ng3rv4l1d"])
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"the session {secret[..6]}… leaked into:\n{Around(text, secret)}");
        }
    }

    private static string Around(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        return text.Substring(Math.Max(0, at - 300), Math.Min(text.Length - Math.Max(0, at - 300), 400));
    }

    private void Reset() => Server.Server.Reset();

    private async Task<ProviderOutcome> RunAsync(Action<MicroworkersOptions>? configure = null) => (await RunSearchAsync(configure)).Outcome;

    // One page through the page contract, as a caller other than the aggregator sees it.
    private async Task<GigPage> RunPageAsync()
    {
        Logs.Clear();
        var page = await FetchPageAsync();
        Collect(page.ToString(), page.RequestUri?.ToString(), string.Join('\n', page.Warnings));
        Collect([.. page.Listings.Select(g => g.ToString() + " " + g.Url.OriginalString + " " + string.Join(',', g.Extra.Values))]);
        CollectLogs();
        return page;
    }

    private async Task<(GigSearchResult Result, ProviderOutcome Outcome)> RunSearchAsync(Action<MicroworkersOptions>? configure = null)
    {
        Logs.Clear();
        GigSearchResult result;
        await using (var aggregator = CreateAggregator(configure))
        {
            result = await aggregator.SearchAllAsync(new GigQuery { Limit = GigQuery.MaxLimit }, TestContext.Current.CancellationToken);
            Collect(aggregator.Providers.Single().ToString());
        }

        // Everything a user or an operator could see: the outcome, its exception chain, the listings, and every log record.
        var outcome = Assert.Single(result.Outcomes);
        Collect(outcome.ToString(), outcome.Message, string.Join('\n', outcome.Warnings), outcome.Exception?.ToString(), outcome.RequestUri?.ToString());
        Collect([.. result.Gigs.Select(g => g.ToString() + " " + g.Url.OriginalString + " " + string.Join(',', g.Extra.Values))]);
        CollectLogs();
        return (result, outcome);
    }

    private void CollectLogs()
    {
        var records = Logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            Collect(record.Category, record.Message, record.Exception?.ToString(), record.Scopes.Count > 0 ? string.Join('\n', record.Scopes) : null);
            if (record.StructuredState is { } state)
            {
                Collect(string.Join('\n', state.Select(kv => kv.Key + "=" + kv.Value)));
            }
        }
    }

    private void Collect(params string?[] texts)
    {
        foreach (var text in texts)
        {
            _seen.AppendLine(text);
        }
    }
}

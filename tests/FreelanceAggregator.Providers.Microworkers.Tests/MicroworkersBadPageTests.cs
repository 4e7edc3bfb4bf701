using FreelanceAggregator.TestSites;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>Answers that are not the job list (a bot wall, a restriction notice, another page, JSON): failures naming the URL, never zero jobs.</summary>
public sealed class MicroworkersBadPageTests : MicroworkersServerTests
{
    [Fact]
    public async Task ABotWallIsBlocked()
    {
        Serve("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><form id=\"challenge-form\" action=\"/?__cf_chl_f_tk=x\"></form></body></html>");

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("titled 'Just a moment...'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACloudflareBlockWithA403IsBlockedNotForbidden()
    {
        Serve("<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><div class=\"cf-error-details\">Sorry, you have been blocked</div></body></html>", status: 403);

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("Cloudflare bot protection answered", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Server.BaseAddress.Authority + MicroworkersTestSite.JobsPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAutoRefreshRestrictionIsBlockedAndSaysToSlowDown()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Site.Answer("restricted.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("refreshing the job list too often", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("PageDelay", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageWithNeitherRowsNorTheNoJobsTextIsAnInvalidResponse()
    {
        Serve("<html><head><title>Microworkers - Jobs</title></head><body><div class=\"joblist-v2\"><article class=\"task-card\"><h3>New layout</h3></article></div></body></html>");

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("no job row matching Page.Row 'div.jobslist, tr[id^=\"job_\"]'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Page.NoJobsText", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Server.BaseAddress.Authority + MicroworkersTestSite.JobsPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewSelectorsReadANewLayoutWithoutARelease()
    {
        Serve("<html><body><div class=\"joblist-v2\"><article class=\"task-card\" id=\"campaign77aa\"><h3><a href=\"/jobs_details.php?Id=x77\">New layout job</a></h3><span class=\"pay\">$0.22</span></article></div></body></html>");

        var (result, outcome) = await SearchAsync(configure: o =>
        {
            o.Page.Row = "article.task-card";
            o.Page.Link = "h3 a[href]";
            o.Page.Title = "h3 a";
            o.Page.Payment = ".pay";
        });

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        var job = Assert.Single(result.Gigs);
        Assert.Equal(("77aa", "New layout job", 0.22m), (job.Id, job.Title, job.Budget!.Min!.Value.Amount));
    }

    [Fact]
    public async Task JsonInsteadOfTheListIsAFailure()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"jobs":[],"total":0}"""));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
    }

    [Fact]
    public async Task AnEmptyAppShellIsJavaScriptRequired()
    {
        Serve("<html><head><title>Microworkers</title><script src=\"/app.js\"></script></head><body><div id=\"app\"></div><script>boot()</script></body></html>");

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.JavaScriptRequired, outcome.Failure);
    }
}

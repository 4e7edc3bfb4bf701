using System.Net;
using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>Pages that are not the listing (a bot wall, a login page, a maintenance or error page, JSON, a redirect off the site): failures naming the URL, never zero results.</summary>
public sealed class ProjectsCoIdBadPageTests : ProjectsCoIdServerTests
{
    [Fact]
    public async Task ALoginFormInTheNavigationBarDoesNotMakeAnEmptySearchALoginWall()
    {
        var html = Fixtures.Read("search-empty.html").Replace(
            "<ul class=\"nav navbar-nav\">",
            "<form class=\"navbar-form\"><input name=\"username\"><input type=\"password\" name=\"password\"></form><ul class=\"nav navbar-nav\">",
            StringComparison.Ordinal);
        Server.Server.Given(Site.SearchRequest()).RespondWith(Response.Create().WithBody(html));

        Assert.Empty(await SearchAsync(new GigQuery("zzzz")));
    }

    [Fact]
    public async Task ABotWallIsBlocked()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><form id=\"challenge-form\" action=\"/?__cf_chl_f_tk=x\"></form></body></html>"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Blocked, outcome.Failure);
        Assert.Contains("titled 'Just a moment...'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoginPageIsAFailureNamingTheUrl()
    {
        Server.Server.Given(Site.SearchRequest())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/public/user/login"));
        Server.Server.Given(Request.Create().WithPath("/public/user/login")).RespondWith(Site.Answer("login.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.LoginRequired, outcome.Failure);
        Assert.Contains("login page", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Server.BaseAddress.Authority + "/public/user/login", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageThatIsNoListingIsAFailureNotZeroResults()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Site.Answer("maintenance.html"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("no project rows", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Server.BaseAddress.Authority + ProjectsCoIdTestSite.ListingPath, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABootstrapPageWithoutProjectLinksIsAFailureNotZeroResults()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Response.Create().WithBody(
            "<html><head><title>Error 500</title></head><body><div class=\"row\"><div class=\"col-md-10\"><h2>Terjadi kesalahan</h2><p>Silakan coba lagi.</p></div></div></body></html>"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
        Assert.Contains("titled 'Error 500'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonInsteadOfTheListingIsAFailure()
    {
        Server.Server.Given(Site.SearchRequest())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"items":[],"tools":{"paging":{"total_pages":0}}}"""));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.InvalidResponse, outcome.Failure);
    }

    [Fact]
    public async Task ARedirectToAnotherHostIsAFailureNamingWhereItWent()
    {
        Server.Server.Given(Site.SearchRequest())
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "https://www.kuy.me/projects"));

        var outcome = await FailAsync();

        Assert.Equal(GigProviderFailure.Redirected, outcome.Failure);
        Assert.Contains("https://www.kuy.me/projects", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, outcome.StatusCode);
    }
}

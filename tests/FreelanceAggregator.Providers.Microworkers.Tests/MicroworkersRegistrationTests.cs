using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>The registration, the options and the capabilities of the Microworkers provider.</summary>
public sealed class MicroworkersRegistrationTests : MicroworkersServerTests
{
    [Theory]
    [InlineData("logo posted:<3d")]
    [InlineData("country:ID")]
    [InlineData("skill:python")]
    [InlineData("rating:>=4")]
    [InlineData("proposals:<=5")]
    [InlineData("payment:verified")]
    public async Task QueriesForValuesTheListLacksSkipTheProviderWithAReason(string query)
    {
        var (result, outcome) = await SearchAsync(GigQuery.Parse(query));

        Assert.Empty(result.Gigs);
        Assert.Equal(ProviderStatus.Skipped, outcome.Status);
        Assert.Contains("microworkers listings never carry", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public async Task AQueryForServicesSkipsTheProvider()
    {
        var (_, outcome) = await SearchAsync(GigQuery.Parse("kind:service"));

        Assert.Equal(ProviderStatus.Skipped, outcome.Status);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public void TheSiteAppliesNoFilterAndShowsUsd()
    {
        var capabilities = Assert.Single(CreateAggregator().Providers).Capabilities;

        Assert.Equal(GigFilters.None, capabilities.ServerSideFilters);
        Assert.Equal(GigFilters.Keywords | GigFilters.ExcludedWords | GigFilters.Kind | GigFilters.Budget | GigFilters.BudgetType, capabilities.FilterableFields);
        Assert.Equal([GigKind.Job], capabilities.Kinds);
        Assert.Equal(Currency.USD, capabilities.DisplayCurrency);
        Assert.Equal(["microworkers.com"], capabilities.SiteHosts);
    }

    [Fact]
    public async Task AddingTheProviderTwiceRegistersItOnce()
    {
        await using var aggregator = GigAggregator.Create(b => b.AddMicroworkers().AddMicroworkers(o => o.MaxPages = 3));

        var provider = Assert.Single(aggregator.Providers);
        Assert.Equal("microworkers", provider.Name);
        Assert.Equal(3, provider.MaxPages);
    }

    [Fact]
    public async Task TwoWorkerAccountsAreTwoProviders()
    {
        await using var aggregator = GigAggregator.Create(b => b
            .AddMicroworkers(o => o.SessionCookie = "f1rst4cc0unts3ss10n")
            .AddMicroworkers("microworkers-2", o => o.SessionCookie = "s3c0nd4cc0unts3ss10n"));

        Assert.Equal(["microworkers", "microworkers-2"], aggregator.Providers.Select(p => p.Name).Order());
    }

    [Fact]
    public void TheOptionsDefaultToTheSiteAtAPoliteTempo()
    {
        var options = new MicroworkersOptions();

        Assert.Equal(new Uri("https://www.microworkers.com/"), options.BaseAddress);
        Assert.Equal("jobs.php", options.JobsPath);
        Assert.Equal("page", options.PageParameter);
        Assert.Equal("PHPSESSID", options.SessionCookieName);
        Assert.Equal(TimeSpan.FromSeconds(4), options.PageDelay);
        Assert.Equal(5, options.MaxPages);
        Assert.Equal(100, options.RowsPerPage);
        Assert.Equal(25, options.LastPage);
        Assert.Null(options.SessionCookie);
        Assert.Null(options.SessionCookieProvider);
        Assert.Equal(MicroworkersOptions.DefaultUserAgent, options.UserAgent);
        Assert.Equal("div.jobslist, tr[id^=\"job_\"]", options.Page.Row);
        Assert.Contains("SessionCookie = not set", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSelectorsAndPatternAreRefusedAtStartNamingTheOption()
    {
        var error = Assert.Throws<OptionsValidationException>(() => CreateAggregator(o =>
        {
            o.Page.Payment = "div[[";
            o.Page.Title = " ";
            o.Page.NoJobsText = "no (jobs";
        }));

        Assert.Contains("Page.Payment 'div[[' for provider 'microworkers' is not a valid CSS selector", error.Message, StringComparison.Ordinal);
        Assert.Contains("Page.Title for provider 'microworkers' must be set", error.Message, StringComparison.Ordinal);
        Assert.Contains("Page.NoJobsText 'no (jobs' for provider 'microworkers' is not a valid regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadCookieNameIsRefusedAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(() => CreateAggregator(o => o.SessionCookieName = "PHP SESSID"));

        Assert.Contains("is not a cookie name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProviderFollowsTheHouseRules()
    {
        var assembly = typeof(MicroworkersProvider).Assembly;

        Assert.Empty(PublicApiConventions.AsyncMethodsWithoutCancellationTokenLast(assembly));
        Assert.Empty(PublicApiConventions.ModelsWithPublicSetters(assembly));
        Assert.Empty(PublicApiConventions.SignaturesExposingDependencies(assembly));
        Assert.True(typeof(MicroworkersProvider).IsSealed);
        Assert.Equal("Microsoft.Extensions.DependencyInjection", typeof(Microsoft.Extensions.DependencyInjection.MicroworkersBuilderExtensions).Namespace);
    }

    [Fact]
    public void TheTestSiteDescribesTheProvider()
    {
        var site = new MicroworkersTestSite();

        Assert.Equal(typeof(MicroworkersProvider), site.ProviderType);
        Assert.Equal(MicroworkersProvider.DefaultName, site.ProviderName);
        Assert.NotEmpty(site.Cases);
    }
}

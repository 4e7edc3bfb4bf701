using FreelanceAggregator.Providers.Html;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>The options: the defaults, and the rules checked when the provider is registered, for both sources.</summary>
public sealed class SribulancerOptionsTests
{
    [Fact]
    public void TheOptionsDefaultToSribusApi()
    {
        var options = new SribulancerOptions();

        Assert.Equal(SribulancerSource.SribuApi, options.Source);
        Assert.Equal(new Uri("https://api.sribu.com/"), options.BaseAddress);
        Assert.Equal(new Uri("https://www.sribu.com/"), options.SiteAddress);
        Assert.Equal("public", options.Api.Path);
        Assert.Equal(10, options.Api.PageSize);
        Assert.Equal("data.jobsList.data", options.Api.JobsPath);
        Assert.Equal("id/jobs/{id}", options.JobPath);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PageDelay);
    }

    [Fact]
    public void InvalidApiOptionsFailAtStartNamingTheProviderAndTheValue()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddSribulancer(o =>
        {
            o.Api.Query = "{ jobsList: jobsListPublic(page: 1) { data { id title } } }";
            o.JobPath = "id/jobs";
        })));

        Assert.Contains("Api.Query for provider 'sribulancer' must hold {page}", error.Message, StringComparison.Ordinal);
        Assert.Contains("JobPath 'id/jobs' for provider 'sribulancer' must hold {id}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingTheProviderTwiceRegistersItOnce()
    {
        await using var aggregator = GigAggregator.Create(b => b.AddSribulancer().AddSribulancer(o => o.MaxPages = 3));

        Assert.Equal("sribulancer", Assert.Single(aggregator.Providers).Name);
    }

    [Fact]
    public void InvalidPageOptionsFailAtStartNamingTheProviderAndTheValue()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddSribulancer(o =>
        {
            o.Source = SribulancerSource.BrowsePage;
            o.Page.Title = "p[class^=";
        })));

        Assert.Contains("Page.Title 'p[class^=' for provider 'sribulancer' is not a valid CSS selector", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseAddress 'https://api.sribu.com/' for provider 'sribulancer' is Sribu's API, but Source is BrowsePage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultSelectorsAreValidCss()
    {
        var selectors = SribulancerOptionsValidator.Selectors(new SribulancerPageOptions()).ToList();

        Assert.Equal(13, selectors.Count);
        Assert.All(selectors, s => Assert.True(HtmlPage.IsValidSelector(s.Selector, out var problem), $"Page.{s.Option} '{s.Selector}': {problem}"));
    }
}

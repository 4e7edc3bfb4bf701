using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>Registration and options: the overload chain, idempotence, names, defaults and validation.</summary>
public sealed class FiverrRegistrationTests
{
    [Fact]
    public void AddingFiverrTwiceRegistersOneProvider()
    {
        using var aggregator = GigAggregator.Create(b => b.AddFiverr().AddFiverr(o => o.IncludePromotedGigs = false));

        var provider = Assert.Single(aggregator.Providers);
        Assert.Equal("fiverr", provider.Name);
        Assert.IsType<FiverrProvider>(provider);
    }

    [Fact]
    public void AProviderCanBeAddedUnderAnotherName()
    {
        using var aggregator = GigAggregator.Create(b => b.AddFiverr().AddFiverr("fiverr-id", o => o.AcceptLanguage = "id-ID,id;q=0.9"));

        Assert.Equal(["fiverr", "fiverr-id"], aggregator.Providers.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheDefaultsArePolite()
    {
        var options = new FiverrOptions();

        Assert.Equal(new Uri("https://www.fiverr.com/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(3), options.PageDelay);
        Assert.Equal(10, options.MaxPages);
        Assert.Equal(FiverrOptions.DefaultUserAgent, options.UserAgent);
        Assert.Contains("Firefox/", options.UserAgent, StringComparison.Ordinal);
        Assert.Equal("en-US,en;q=0.5", options.AcceptLanguage);
        Assert.True(options.IncludePromotedGigs);
    }

    [Fact]
    public void AnEmptyAcceptLanguageIsRejectedAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddFiverr(o => o.AcceptLanguage = "")));

        Assert.Contains("AcceptLanguage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyPausesForTheSearchTimeoutAreRejectedWithTheNumbers()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GigAggregator.Create(b => b.AddFiverr(o => o.SearchTimeout = TimeSpan.FromSeconds(20))));

        Assert.Contains("10 × 3s", error.Message, StringComparison.Ordinal);
        Assert.Contains("'fiverr'", error.Message, StringComparison.Ordinal);
    }
}

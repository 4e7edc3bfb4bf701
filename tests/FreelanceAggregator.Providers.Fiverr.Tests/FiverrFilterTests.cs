using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>How the aggregator's filters meet Fiverr's gigs: what gigs carry is filtered, what they never carry skips Fiverr with a reason.</summary>
public sealed class FiverrFilterTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    private async Task<GigSearchResult> SearchAsync(string query)
    {
        FiverrStubs.SearchPages(_server, "search-page1.html", "search-page2.html");
        await using var aggregator = GigAggregator.Create(b => b.AddFiverr(o => ProviderTestOptions.UseTestServer(o, _server.BaseAddress)));
        return await aggregator.SearchAllAsync(query, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void TheCapabilitiesSayFiverrListsServicesWithoutBuyers()
    {
        var capabilities = CreateProvider().Capabilities;

        Assert.Equal([GigKind.Service], capabilities.Kinds);
        Assert.Equal(GigFilters.Keywords, capabilities.ServerSideFilters);
        Assert.Equal(GigFilters.None, capabilities.FilterableFields & (GigFilters.ClientCountry | GigFilters.PaymentVerified | GigFilters.MaxProposals | GigFilters.PostedWithin));
        Assert.True(capabilities.FilterableFields.HasFlag(GigFilters.MinRating | GigFilters.Budget | GigFilters.BudgetType | GigFilters.Skills));
        Assert.Equal(["fiverr.com"], capabilities.SiteHosts);
    }

    [Theory]
    [InlineData("website payment:verified", "payment verified")]
    [InlineData("website country:US", "client country")]
    [InlineData("website proposals:<=5", "maximum proposals")]
    [InlineData("website posted:<3d", "posted within")]
    [InlineData("website kind:job", "lists only services")]
    public async Task AFilterGigsNeverCarrySkipsFiverrWithTheReason(string query, string reason)
    {
        var result = await SearchAsync(query);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Skipped, outcome.Status);
        Assert.Contains(reason, outcome.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests());
    }

    [Fact]
    public async Task AMinimumRatingIsTheSellersRatingOfTheGig()
    {
        var result = await SearchAsync("website rating:>=5 kind:service limit:100");

        Assert.Equal(["384419107", "431643922", "402233119", "420011223"], result.Gigs.Select(g => g.Id));
    }

    [Fact]
    public async Task ABudgetFilterUsesTheFromPrice()
    {
        var result = await SearchAsync("website budget:<=100USD type:fixed limit:100");

        Assert.Equal(["384419107", "414925957", "402233119", "420011223", "388800112"], result.Gigs.Select(g => g.Id));
    }

    [Fact]
    public async Task ASkillFilterUsesTheProgrammingLanguagesAGigNames()
    {
        var result = await SearchAsync("website skill:react,vue.js limit:100");

        // "vue.js" and Fiverr's "vue_js" are one skill.
        Assert.Equal(["384419107", "155121960", "414925957", "398877665"], result.Gigs.Select(g => g.Id));
    }

    private static GigProvider CreateProvider()
    {
        using var aggregator = GigAggregator.Create(b => b.AddFiverr());
        return Assert.Single(aggregator.Providers);
    }
}

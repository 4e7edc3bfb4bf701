using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>
/// How the aggregator's filters meet Fiverr's gigs: what gigs never carry skips Fiverr with a reason. What they carry
/// (rating, budget, skills, words) is filtered as the site description's cases say (<see cref="FiverrTestSite.Cases"/>,
/// run by <see cref="FiverrConformanceTests"/>).
/// </summary>
public sealed class FiverrFilterTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();
    private readonly FiverrTestSite _site = new();

    public void Dispose() => _server.Dispose();

    private async Task<GigSearchResult> SearchAsync(string query)
    {
        _site.StubResults(_server.Server);
        await using var aggregator = GigAggregator.Create(b => _site.AddProvider(b, _server.BaseAddress));
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

    private static GigProvider CreateProvider()
    {
        using var aggregator = GigAggregator.Create(b => b.AddFiverr());
        return Assert.Single(aggregator.Providers);
    }
}

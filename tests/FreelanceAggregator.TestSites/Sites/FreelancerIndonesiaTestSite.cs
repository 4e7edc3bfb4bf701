using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.Freelancer;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace FreelanceAggregator.TestSites;

/// <summary>
/// Freelancer.co.id as the tests, the offline demo and the benchmarks see it: Freelancer's API asked for projects
/// written in Indonesian (<c>languages[]=id</c>), with two recorded pages of 3 and 2 projects (<c>total_count</c> 5),
/// linked on <c>www.freelancer.co.id</c>. The routes are <see cref="FreelancerTestSite"/>'s with the language added.
/// </summary>
public sealed class FreelancerIndonesiaTestSite : ProviderTestSite
{
    /// <inheritdoc/>
    public override string ProviderName => FreelancerBuilderExtensions.IndonesiaDefaultName;

    /// <inheritdoc/>
    public override Type ProviderType => typeof(FreelancerProvider);

    /// <inheritdoc/>
    public override IReadOnlyList<string> SiteHosts => ["www.freelancer.co.id"];

    /// <inheritdoc/>
    public override string SearchPath => FreelancerTestSite.ApiPath;

    /// <inheritdoc/>
    /// <remarks>Every active project in Indonesian: the recorded pages are not about one keyword.</remarks>
    public override GigQuery Query => new();

    /// <inheritdoc/>
    public override string ResultsFixture => "projects-id.json";

    /// <inheritdoc/>
    /// <remarks>The third project of page 1 (38412603, a point-of-sale app) is the only Android one.</remarks>
    public override ProviderTestCase SmallLimitFurtherDownThePage =>
        new("the only Android project, third on page 1", GigQuery.Parse("skill:android site:freelancer.co.id limit:1")) { ExpectedIds = ["38412603"] };

    /// <inheritdoc/>
    /// <remarks>The buyer of 38412625 on page 2 is the only one outside Indonesia, in Singapore.</remarks>
    public override ProviderTestCase SmallLimitOnPageTwo =>
        new("a buyer in Singapore, last on page 2", GigQuery.Parse("country:SG site:freelancer.co.id limit:1")) { ExpectedIds = ["38412625"] };

    /// <inheritdoc/>
    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("every project of both pages, in the site's order", new GigQuery { Limit = GigQuery.MaxLimit })
        {
            ExpectedIds = ["38412577", "38412590", "38412603", "38412618", "38412625"],
        },
        new("the one hourly project", GigQuery.Parse("type:hourly")) { ExpectedIds = ["38412590"] },
        new("buyers rated 4.5 or more, from users and from owner_info", GigQuery.Parse("rating:>=4.5")) { ExpectedIds = ["38412577", "38412603", "38412618"] },
        new("payment-verified buyers in Indonesia", GigQuery.Parse("country:ID payment:verified")) { ExpectedIds = ["38412577", "38412590", "38412618"] },
    ];

    /// <inheritdoc/>
    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        builder.AddFreelancerIndonesia(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure?.Invoke(o);
        });

    /// <inheritdoc/>
    public override string ReadFixture(string name) => ReadEmbedded(typeof(FreelancerIndonesiaTestSite).Assembly, "FreelanceAggregator.TestSites.Freelancer.Fixtures." + name);

    /// <inheritdoc/>
    /// <remarks>
    /// The pages answer only requests for <c>languages[]=id</c>, and win over Freelancer.com's pages on a server that
    /// serves both.
    /// </remarks>
    public override void StubResults(WireMockServer server) =>
        FreelancerTestSite.ServePages(server, this, language: "id", priority: 5, ("0", "projects-id.json"), ("3", "projects-id-page2.json"));

    /// <inheritdoc/>
    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest().WithParam("languages[]", "id")).RespondWith(Answer("projects-empty.json"));
        return new GigQuery("zzzz");
    }

    /// <inheritdoc/>
    public override string ResultsWith(string? description, string? link, out string id) =>
        FreelancerTestSite.WithFirstProject(ReadFixture(ResultsFixture), description, link, out id);

    /// <inheritdoc/>
    public override string EndlessPage(int page) => FreelancerTestSite.Endless(ReadFixture(ResultsFixture), page);
}

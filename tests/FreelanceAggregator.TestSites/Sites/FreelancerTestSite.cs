using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.Freelancer;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace FreelanceAggregator.TestSites;

/// <summary>
/// Freelancer.com as the tests, the offline demo and the benchmarks see it: the active-projects API
/// (<c>GET /api/projects/0.1/projects/active/</c>) paged by <c>offset</c>, with two recorded pages of 6 and 3 projects
/// (<c>total_count</c> 9) and an empty page after them.
/// </summary>
/// <remarks>
/// The recorded pages are one search for every active project: the stubs match the offset (and, for Freelancer.co.id,
/// the language), not the keywords, and the aggregator filters what they give. Freelancer.co.id is
/// <see cref="FreelancerIndonesiaTestSite"/>, the same API with <c>languages[]=id</c>; both read the fixtures of this
/// project.
/// </remarks>
public sealed class FreelancerTestSite : ProviderTestSite
{
    /// <summary>The API's search path.</summary>
    public const string ApiPath = "/api/projects/0.1/projects/active/";

    /// <inheritdoc/>
    public override string ProviderName => FreelancerBuilderExtensions.DefaultName;

    /// <inheritdoc/>
    public override Type ProviderType => typeof(FreelancerProvider);

    /// <inheritdoc/>
    public override IReadOnlyList<string> SiteHosts => ["www.freelancer.com"];

    /// <inheritdoc/>
    public override string SearchPath => ApiPath;

    /// <inheritdoc/>
    /// <remarks>Every active project: the recorded pages are not about one keyword.</remarks>
    public override GigQuery Query => new();

    /// <inheritdoc/>
    public override string ResultsFixture => "projects-page1.json";

    /// <inheritdoc/>
    /// <remarks>The buyer of the fifth project of page 1 (38412577, Rina S. in Bandung) is the only one in Indonesia.</remarks>
    public override ProviderTestCase SmallLimitFurtherDownThePage =>
        new("a buyer in Indonesia, fifth on page 1", GigQuery.Parse("country:ID site:freelancer limit:1")) { ExpectedIds = ["38412577"] };

    /// <inheritdoc/>
    /// <remarks>Only 31556826 on page 2 asks for Web Scraping.</remarks>
    public override ProviderTestCase SmallLimitOnPageTwo =>
        new("the only Web Scraping project, first on page 2", GigQuery.Parse("skill:\"web scraping\" site:freelancer limit:1")) { ExpectedIds = ["31556826"] };

    /// <inheritdoc/>
    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("every project of both pages, in the site's order", new GigQuery { Limit = GigQuery.MaxLimit })
        {
            ExpectedIds = ["31556945", "31555987", "31556918", "31556868", "38412577", "15663823", "31556826", "31556928", "31556917"],
        },
        new("hourly projects across both pages", GigQuery.Parse("type:hourly")) { ExpectedIds = ["31556918", "31556868", "31556826"] },
        new("a buyer rated 4.5 or more as an employer", GigQuery.Parse("rating:>=4.5")) { ExpectedIds = ["31556868", "38412577"] },
        new("a payment-verified buyer (page 2's buyers are unknown)", GigQuery.Parse("payment:verified")) { ExpectedIds = ["31556945", "31555987", "31556868", "38412577"] },
        new("Python with at most 8 bids, one on each page", GigQuery.Parse("skill:python proposals:<=8")) { ExpectedIds = ["31556868", "31556826"] },
    ];

    /// <inheritdoc/>
    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        builder.AddFreelancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure?.Invoke(o);
        });

    /// <inheritdoc/>
    public override string ReadFixture(string name) => ReadEmbedded(typeof(FreelancerTestSite).Assembly, "FreelanceAggregator.TestSites.Freelancer.Fixtures." + name);

    /// <inheritdoc/>
    public override void StubResults(WireMockServer server) =>
        ServePages(server, this, language: null, priority: 10, ("0", "projects-page1.json"), ("6", "projects-page2.json"));

    /// <inheritdoc/>
    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest()).RespondWith(Answer("projects-empty.json"));
        return new GigQuery("zzzz");
    }

    /// <inheritdoc/>
    public override string ResultsWith(string? description, string? link, out string id) =>
        WithFirstProject(ReadFixture(ResultsFixture), description, link, out id);

    /// <inheritdoc/>
    public override string EndlessPage(int page) => Endless(ReadFixture(ResultsFixture), page);

    /// <summary>
    /// Serves recorded pages the way the API pages: each for its <c>offset</c> (and <c>languages[]</c>, when given), on
    /// the GET the provider sends, with the empty page for any other offset.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="site">The site whose fixtures and route are served.</param>
    /// <param name="language">The <c>languages[]</c> the requests must carry, or <see langword="null"/> for any.</param>
    /// <param name="priority">The WireMock priority of the pages (lower wins); the empty page gets ten times it.</param>
    /// <param name="pages">The offsets and their fixtures.</param>
    internal static void ServePages(WireMockServer server, ProviderTestSite site, string? language, int priority, params (string Offset, string Fixture)[] pages)
    {
        ArgumentNullException.ThrowIfNull(server);
        foreach (var (offset, fixture) in pages)
        {
            var request = site.SearchRequest().WithParam("offset", offset);
            request = language is null ? request : request.WithParam("languages[]", language);
            server.Given(request).AtPriority(priority).RespondWith(site.Answer(fixture));
        }

        var rest = language is null ? site.SearchRequest() : site.SearchRequest().WithParam("languages[]", language);
        server.Given(rest).AtPriority(priority * 10).RespondWith(site.Answer("projects-empty.json"));
    }

    /// <summary>Gives the first project of a page another description and <c>seo_url</c>.</summary>
    /// <param name="page">The page.</param>
    /// <param name="description">The description, or <see langword="null"/> to keep it.</param>
    /// <param name="link">The <c>seo_url</c>, or <see langword="null"/> to keep it.</param>
    /// <param name="id">The project's id.</param>
    /// <returns>The page.</returns>
    internal static string WithFirstProject(string page, string? description, string? link, out string id)
    {
        string? first = null;
        var body = Fixtures.EditJson(page, root =>
        {
            var project = root["result"]!["projects"]![0]!;
            first = project["id"]!.ToString();
            if (description is not null)
            {
                project["description"] = description;
                project["preview_description"] = description;
            }

            if (link is not null)
            {
                project["seo_url"] = link;
            }
        });
        id = first!;
        return body;
    }

    /// <summary>Makes page N of a site that never ends: <c>total_count</c> far beyond what is read, and new project ids on every page.</summary>
    /// <param name="page">The recorded page to vary.</param>
    /// <param name="number">The page number, from 1.</param>
    /// <returns>The page.</returns>
    internal static string Endless(string page, int number) =>
        Fixtures.EditJson(page, root =>
        {
            root["result"]!["total_count"] = 1_000_000;
            foreach (var project in root["result"]!["projects"]!.AsArray())
            {
                project!["id"] = project["id"]!.GetValue<long>() + (number * 100_000_000L);
            }
        });
}

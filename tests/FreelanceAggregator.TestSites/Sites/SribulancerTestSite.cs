using System.Globalization;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.Sribulancer;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace FreelanceAggregator.TestSites;

/// <summary>
/// Sribulancer's default source as the tests, the offline demo and the benchmarks see it: Sribu's public GraphQL API
/// (<c>POST /public</c>, query <c>jobsListPublic</c>), whose page number is inside the query text, and its recorded
/// answers: 23 open jobs on three pages of 10.
/// </summary>
public sealed class SribulancerTestSite : ProviderTestSite
{
    /// <summary>The path of the API.</summary>
    public const string ApiPath = "/public";

    /// <inheritdoc/>
    public override string ProviderName => SribulancerProvider.DefaultName;

    /// <inheritdoc/>
    public override Type ProviderType => typeof(SribulancerProvider);

    /// <inheritdoc/>
    public override IReadOnlyList<string> SiteHosts => ["www.sribu.com"];

    /// <inheritdoc/>
    public override string SearchPath => ApiPath;

    /// <inheritdoc/>
    public override bool SearchIsPost => true;

    /// <inheritdoc/>
    /// <remarks>No keywords: the API takes none and lists every open job.</remarks>
    public override GigQuery Query => new();

    /// <inheritdoc/>
    public override string ResultsFixture => "sribu-jobs-page1.json";

    /// <inheritdoc/>
    /// <remarks>The only job of at least Rp 15,000,000 is the seventh of page 1.</remarks>
    public override ProviderTestCase SmallLimitFurtherDownThePage => new("the only budget of Rp 15 million or more, seventh on page 1", new GigQuery { MinBudget = new Money(15_000_000m, Currency.IDR), Limit = 1 })
    {
        ExpectedIds = ["4a274c07-8eba-479f-a18b-70fa185819b8"],
    };

    /// <inheritdoc/>
    /// <remarks>The API takes no keywords: the only job that mentions "kasir" is on page 2.</remarks>
    public override ProviderTestCase SmallLimitOnPageTwo => new("the only job that mentions kasir, on page 2", new GigQuery("kasir") { Limit = 1 })
    {
        ExpectedIds = ["ff06d347-1b0c-4278-a547-14d480c60563"],
    };

    /// <inheritdoc/>
    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("a keyword the API cannot take, matched on one job of each page", new GigQuery("logo") { Limit = 3 })
        {
            ExpectedIds = ["437bc900-8ebf-4d36-a41c-f12e4dd56df6", "12baf784-54f2-4d23-a4e7-019f5e53b3db", "730d63a4-ae6e-42d2-a80f-9a4197ddae02"],
        },
        new("budgets of at most Rp 500,000, across all pages", new GigQuery { MaxBudget = new Money(500_000m, Currency.IDR), Limit = 10 })
        {
            ExpectedIds = ["a89d0263-5b8c-4260-af29-e1296de194b9", "d0b5b968-18d6-4e4c-af5d-6203fe477aab"],
        },
    ];

    /// <inheritdoc/>
    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        builder.AddSribulancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure?.Invoke(o);
        });

    /// <inheritdoc/>
    public override string ReadFixture(string name) => ReadEmbedded(typeof(SribulancerTestSite).Assembly, "FreelanceAggregator.TestSites.Sribulancer.Fixtures." + name);

    /// <inheritdoc/>
    /// <remarks>Pages 1 to 3 as the query text asks for them (<c>jobsListPublic(page: N,</c>), an empty list for any other page.</remarks>
    public override void StubResults(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        for (var page = 1; page <= 3; page++)
        {
            server.Given(Page(page)).AtPriority(1).RespondWith(Answer($"sribu-jobs-page{page.ToString(CultureInfo.InvariantCulture)}.json"));
        }

        server.Given(SearchRequest()).AtPriority(2).RespondWith(Answer("sribu-jobs-empty.json"));
    }

    /// <inheritdoc/>
    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest()).RespondWith(Answer("sribu-jobs-empty.json"));
        return new GigQuery("zzzz");
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The first job of page 1 carries them. The API gives no link: the job's page is made from its id, so a hostile
    /// <c>id</c> is where a link can be smuggled in.
    /// </remarks>
    public override string ResultsWith(string? description, string? link, out string id)
    {
        string? first = null;
        var body = Fixtures.EditJson(ReadFixture(ResultsFixture), root =>
        {
            var job = root["data"]!["jobsList"]!["data"]![0]!;
            if (description is not null)
            {
                job["description"] = description;
            }

            if (link is not null)
            {
                job["id"] = link;
            }

            first = job["id"]!.ToString().Trim();
        });
        id = first!;
        return body;
    }

    /// <inheritdoc/>
    /// <remarks>Page 1 with a count far beyond what was read, full pages, and new job ids on every page.</remarks>
    public override string EndlessPage(int page) =>
        Fixtures.EditJson(ReadFixture(ResultsFixture), root =>
        {
            root["data"]!["jobsList"]!["count"] = 1_000_000;
            foreach (var job in root["data"]!["jobsList"]!["data"]!.AsArray())
            {
                job!["id"] = job["id"]!.ToString() + "-" + page.ToString(CultureInfo.InvariantCulture);
            }
        });

    /// <summary>Gets a matcher for the request of one page of the list.</summary>
    /// <param name="page">The page number, from 1.</param>
    /// <returns>The matcher.</returns>
    public IRequestBuilder Page(int page) =>
        SearchRequest().WithBody(new RegexMatcher($@"jobsListPublic\(page: {page.ToString(CultureInfo.InvariantCulture)},"));
}

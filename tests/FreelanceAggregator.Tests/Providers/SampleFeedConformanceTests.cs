using System.Globalization;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace FreelanceAggregator.Tests.Providers;

/// <summary>Runs the shared conformance suite against the sample feed provider, which proves the kit and the HTTP plumbing.</summary>
public sealed class SampleFeedConformanceTests : GigProviderConformanceTests<SampleFeedTestSite>;

/// <summary>The sample feed: two jobs a page, then an empty page.</summary>
public sealed class SampleFeedTestSite : ProviderTestSite
{
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        ["page1.json"] = """{"jobs":[{"id":"j1","title":"Logo for a bakery","path":"/jobs/j1","budget":150,"currency":"USD"},{"id":"j2","title":"Logo refresh","path":"https://jobs.example.org/jobs/j2"}]}""",
        ["page2.json"] = """{"jobs":[{"id":"j3","title":"Logo animation","path":"/jobs/j3","budget":900,"currency":"USD"},{"id":"j4","title":"Logo sketch","path":"/jobs/j4","budget":40,"currency":"USD"}]}""",
        ["empty.json"] = """{"jobs":[]}""",
    };

    public override string ProviderName => SampleFeedOptions.Name;

    public override Type ProviderType => typeof(SampleFeedProvider);

    public override IReadOnlyList<string> SiteHosts => ["jobs.example.org"];

    public override string SearchPath => "/feed";

    public override GigQuery Query => new("logo");

    public override string ResultsFixture => "page1.json";

    // Only the second listing of page 1 is a refresh.
    public override ProviderTestCase SmallLimitFurtherDownThePage => new("a refresh, second on page 1", new GigQuery("logo refresh") { Limit = 1 }) { ExpectedIds = ["j2"] };

    // Only the first listing of page 2 reaches USD 500.
    public override ProviderTestCase SmallLimitOnPageTwo => new("USD 500 or more, only on page 2", GigQuery.Parse("logo budget:>=500USD limit:1")) { ExpectedIds = ["j3"] };

    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("every logo job, in the feed's order", new GigQuery("logo")) { ExpectedIds = ["j1", "j2", "j3", "j4"] },
        new("at most USD 100", GigQuery.Parse("logo budget:<=100USD")) { ExpectedIds = ["j4"] },
    ];

    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<FreelanceAggregator.Providers.GigProviderOptions>? configure = null) =>
        builder.AddSampleFeed(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure?.Invoke(o);
        });

    public override string ReadFixture(string name) => Pages[name];

    public override void StubResults(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest().WithParam("page", "1")).RespondWith(Answer("page1.json"));
        server.Given(SearchRequest().WithParam("page", "2")).RespondWith(Answer("page2.json"));
        server.Given(SearchRequest()).AtPriority(100).RespondWith(Answer("empty.json"));
    }

    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest()).RespondWith(Answer("empty.json"));
        return new GigQuery("zzzz");
    }

    public override string ResultsWith(string? description, string? link, out string id)
    {
        id = "j9";
        return $$"""{"jobs":[{"id":"j9","title":"Logo","path":"{{link ?? "/jobs/j9"}}"}]}""";
    }

    public override string EndlessPage(int page) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"jobs":[{"id":"e{{page}}a","title":"Logo","path":"/jobs/e{{page}}a"},{"id":"e{{page}}b","title":"Logo","path":"/jobs/e{{page}}b"}]}""");
}

/// <summary>Runs the shared fault matrix against the sample feed provider, which proves the HTTP plumbing every provider shares.</summary>
public sealed class SampleFeedFaultTests : GigProviderFaultTests<SampleFeedTestSite>;

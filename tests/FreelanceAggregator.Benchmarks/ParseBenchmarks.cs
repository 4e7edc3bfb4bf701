using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FreelanceAggregator.Providers;
using AngleSharp;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FreelanceAggregator.Benchmarks.Support;
using FreelanceAggregator.Providers.Fiverr.Internal;
using FreelanceAggregator.Providers.Freelancer;
using FreelanceAggregator.Providers.ProjectsCoId;
using FreelanceAggregator.Providers.Sribulancer;
using FreelanceAggregator.Providers.Upwork.Parsing;

namespace FreelanceAggregator.Benchmarks;

/// <summary>
/// Target 2: for each provider, a fixture's bytes to normalised listings, against the bare parse of the same bytes.
/// Each category's baseline is what no parser of that format can skip: <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// for a JSON answer, UTF-8 decoding plus AngleSharp's <c>ParseDocument</c> for an HTML page. The normalising side
/// starts from the same bytes the way a provider does after the download: the UTF-8 bytes for a JSON answer
/// (<see cref="GigHttpResponse.TryGetUtf8Body"/>), <see cref="GigHttpResponse.Text"/> for a page, then the provider's
/// parser (its HTML or JSON parse, its checks, and building every <see cref="Gig"/>).
/// </summary>
[Config(typeof(MicroConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ParseBenchmarks
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeHeaderValue HtmlType = new("text/html") { CharSet = "utf-8" };

    private static readonly Uri FiverrUri = new("https://www.fiverr.com/search/gigs?query=website");
    private static readonly Uri FreelancerUri = new("https://www.freelancer.com/api/projects/0.1/projects/active/");
    private static readonly Uri ProjectsCoIdUri = new("https://projects.co.id/public/browse_projects/listing?page=1");
    private static readonly Uri SribuApiUri = new("https://api.sribu.com/public");
    private static readonly Uri SribulancerPageUri = new("https://www.sribu.com/id/browse-jobs");
    private static readonly Uri UpworkUri = new("https://api.upwork.com/graphql");
    private static readonly Uri FreelancerSite = new("https://www.freelancer.com/");

    // The same parser settings the Html package's HtmlPage uses: no scripting, no loader.
    private static readonly HtmlParser BareHtmlParser = new(
        new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false },
        BrowsingContext.New(Configuration.Default));

    private readonly DateTimeOffset _now = SyntheticGigs.Now;
    private readonly SribulancerOptions _sribulancerOptions = new();
    private byte[] _fiverr = [];
    private byte[] _freelancer = [];
    private byte[] _projectsCoId = [];
    private byte[] _sribuApi = [];
    private byte[] _sribulancerPage = [];
    private byte[] _upwork = [];

    [GlobalSetup]
    public void Setup()
    {
        _fiverr = FixtureFiles.Read("Fiverr", "search-page1.html");
        _freelancer = FixtureFiles.Read("Freelancer", "projects-page1.json");
        _projectsCoId = FixtureFiles.Read("ProjectsCoId", "listing-page1.html");
        _sribuApi = FixtureFiles.Read("Sribulancer", "sribu-jobs-page1.json");
        _sribulancerPage = FixtureFiles.Read("Sribulancer", "browse-jobs.html");
        _upwork = FixtureFiles.Read("Upwork", "search-page1.json");

        // Parsing that yields nothing would be fast and wrong: every fixture must give listings.
        Require("fiverr", FiverrGigs());
        Require("freelancer", FreelancerGigs());
        Require("projects.co.id", ProjectsCoIdGigs());
        Require("sribulancer (API)", SribuApiGigs());
        Require("sribulancer (page)", SribulancerPageGigs());
        Require("upwork", UpworkGigs());
    }

    [Benchmark(Baseline = true, Description = "bare: AngleSharp ParseDocument")]
    [BenchmarkCategory("fiverr")]
    public int FiverrBare() => BareHtml(_fiverr);

    // Fiverr's listings are JSON inside the page (98% of its bytes): no normaliser can do less than both parses, so this
    // floor is reported beside the bare-HTML baseline.
    [Benchmark(Description = "floor: ParseDocument + JsonDocument.Parse of the embedded data")]
    [BenchmarkCategory("fiverr")]
    public int FiverrFloor()
    {
        using var document = BareHtmlParser.ParseDocument(Encoding.UTF8.GetString(_fiverr));
        using var json = JsonDocument.Parse(document.GetElementById("perseus-initial-props")!.TextContent);
        return (int)json.RootElement.ValueKind;
    }

    [Benchmark(Description = "bytes to gigs")]
    [BenchmarkCategory("fiverr")]
    public int FiverrGigs() =>
        FiverrSearchPageParser.Parse(Response(_fiverr, HtmlType).Text, FiverrUri).Gigs.Count;

    [Benchmark(Baseline = true, Description = "bare: JsonDocument.Parse")]
    [BenchmarkCategory("freelancer")]
    public int FreelancerBare() => BareJson(_freelancer);

    [Benchmark(Description = "bytes to gigs")]
    [BenchmarkCategory("freelancer")]
    public int FreelancerGigs()
    {
        var settings = new FreelancerParseSettings("freelancer", FreelancerSite, FreelancerUri, HttpStatusCode.OK, DateOnly.FromDateTime(_now.UtcDateTime));
        var response = Response(_freelancer, JsonType);
        var page = response.TryGetUtf8Body(out var utf8) ? FreelancerResponseParser.Parse(utf8, settings) : FreelancerResponseParser.Parse(response.Text, settings);
        return page.Gigs.Count;
    }

    [Benchmark(Baseline = true, Description = "bare: AngleSharp ParseDocument")]
    [BenchmarkCategory("projects.co.id")]
    public int ProjectsCoIdBare() => BareHtml(_projectsCoId);

    [Benchmark(Description = "bytes to gigs")]
    [BenchmarkCategory("projects.co.id")]
    public int ProjectsCoIdGigs()
    {
        return ProjectsCoIdParser.Parse(Response(_projectsCoId, HtmlType).Text, ProjectsCoIdUri, "projects.co.id", _now).Gigs.Count;
    }

    [Benchmark(Baseline = true, Description = "bare: JsonDocument.Parse")]
    [BenchmarkCategory("sribulancer (API)")]
    public int SribuApiBare() => BareJson(_sribuApi);

    [Benchmark(Description = "bytes to gigs")]
    [BenchmarkCategory("sribulancer (API)")]
    public int SribuApiGigs()
    {
        var response = Response(_sribuApi, JsonType);
        var page = response.TryGetUtf8Body(out var utf8)
            ? SribuApiParser.Parse(utf8, SribuApiUri, "sribulancer", _sribulancerOptions, _now)
            : SribuApiParser.Parse(response.Text, SribuApiUri, "sribulancer", _sribulancerOptions, _now);
        return page.Gigs.Count;
    }

    [Benchmark(Baseline = true, Description = "bare: AngleSharp ParseDocument")]
    [BenchmarkCategory("sribulancer (page)")]
    public int SribulancerPageBare() => BareHtml(_sribulancerPage);

    [Benchmark(Description = "bytes to gigs")]
    [BenchmarkCategory("sribulancer (page)")]
    public int SribulancerPageGigs()
    {
        return SribulancerPageParser.Parse(Response(_sribulancerPage, HtmlType).Text, SribulancerPageUri, "sribulancer", _sribulancerOptions, _now).Gigs.Count;
    }

    [Benchmark(Baseline = true, Description = "bare: JsonDocument.Parse")]
    [BenchmarkCategory("upwork")]
    public int UpworkBare() => BareJson(_upwork);

    [Benchmark(Description = "bytes to gigs")]
    [BenchmarkCategory("upwork")]
    public int UpworkGigs()
    {
        var response = Response(_upwork, JsonType);
        var settings = new UpworkParseSettings("upwork", UpworkUri, _now);
        var page = response.TryGetUtf8Body(out var utf8) ? UpworkSearchParser.Parse(utf8, settings) : UpworkSearchParser.Parse(response.Text, settings);
        return page.Gigs.Count;
    }

    /// <summary>Gets how many listings each fixture gives, by category, to put the normalising cost per listing.</summary>
    internal static IReadOnlyDictionary<string, int> ListingsPerCategory()
    {
        var run = new ParseBenchmarks();
        run.Setup();
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["fiverr"] = run.FiverrGigs(),
            ["freelancer"] = run.FreelancerGigs(),
            ["projects.co.id"] = run.ProjectsCoIdGigs(),
            ["sribulancer (API)"] = run.SribuApiGigs(),
            ["sribulancer (page)"] = run.SribulancerPageGigs(),
            ["upwork"] = run.UpworkGigs(),
        };
    }

    private static int BareJson(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return (int)document.RootElement.ValueKind;
    }

    private static int BareHtml(byte[] bytes)
    {
        using var document = BareHtmlParser.ParseDocument(Encoding.UTF8.GetString(bytes));
        return document.ChildNodes.Length;
    }

    // What a provider holds after the download: the body's bytes, decoded on first use of Text.
    private static GigHttpResponse Response(byte[] body, MediaTypeHeaderValue type) =>
        new("benchmark", new Uri("https://example.com/"), HttpStatusCode.OK, type, body, null, null);

    private static void Require(string provider, int gigs)
    {
        if (gigs == 0)
        {
            throw new InvalidOperationException($"The {provider} fixture gave no listings; the parse benchmark would measure nothing.");
        }
    }
}

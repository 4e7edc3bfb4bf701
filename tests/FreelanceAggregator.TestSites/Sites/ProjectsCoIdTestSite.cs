using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.ProjectsCoId;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace FreelanceAggregator.TestSites;

/// <summary>
/// Projects.co.id as the tests, the offline demo and the benchmarks see it: the server-rendered project listing
/// (<c>GET /public/browse_projects/listing?page=N&amp;search=…</c>) paged by <c>page</c>, with three recorded pages of 5,
/// 5 and 4 rows (the pagination offers 3; page 3 repeats one row of page 2, as the site's activity order does).
/// </summary>
/// <remarks>
/// The recorded pages are one listing of every open project: the stubs match the page number, not the keywords, and
/// the aggregator filters what they give.
/// </remarks>
public sealed partial class ProjectsCoIdTestSite : ProviderTestSite
{
    /// <summary>The listing's path.</summary>
    public const string ListingPath = "/public/browse_projects/listing";

    private const string FirstLink = "https://projects.co.id/public/browse_projects/view/ae8e19/membuat-simple-lucky-spin-wheel-dengan-panel-admin-kode-kupon-spin";

    private const string FirstExcerpt = "Butuh developer untuk membuat spin wheel sederhana dengan panel admin untuk mengelola kode kupon. Pengguna memasukkan kode kupon lalu memutar roda hadiah ...";

    /// <inheritdoc/>
    public override string ProviderName => ProjectsCoIdProvider.DefaultName;

    /// <inheritdoc/>
    public override Type ProviderType => typeof(ProjectsCoIdProvider);

    /// <inheritdoc/>
    public override IReadOnlyList<string> SiteHosts => ["projects.co.id"];

    /// <inheritdoc/>
    public override string SearchPath => ListingPath;

    /// <inheritdoc/>
    /// <remarks>Every open project: the recorded pages are not about one keyword.</remarks>
    public override GigQuery Query => new();

    /// <inheritdoc/>
    public override string ResultsFixture => "listing-page1.html";

    /// <inheritdoc/>
    /// <remarks>The fifth row of page 1 (5a8e19, a web app to turn into an APK) is the only Android project.</remarks>
    public override ProviderTestCase SmallLimitFurtherDownThePage =>
        new("the only Android project, fifth on page 1", GigQuery.Parse("skill:android site:projects.co.id limit:1")) { ExpectedIds = ["5a8e19"] };

    /// <inheritdoc/>
    /// <remarks>Python is first tagged on page 2 (128e19, then cd8d19).</remarks>
    public override ProviderTestCase SmallLimitOnPageTwo =>
        new("the first Python project, second on page 2", GigQuery.Parse("skill:python site:projects.co.id limit:1")) { ExpectedIds = ["128e19"] };

    /// <inheritdoc/>
    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("every project of the three pages once, in the site's order", new GigQuery { Limit = GigQuery.MaxLimit })
        {
            ExpectedIds = ["ae8e19", "a88e19", "a58e19", "788e19", "5a8e19", "168419", "128e19", "cd8d19", "ac8d19", "8b8d19", "798d19", "2c8919", "638b19"],
        },
        new("Data Entry on each page, the row page 3 repeats once", GigQuery.Parse("skill:\"data entry\"")) { ExpectedIds = ["a88e19", "8b8d19", "798d19"] },
        new("a budget reaching 10 million rupiah", GigQuery.Parse("budget:>=10000000IDR")) { ExpectedIds = ["788e19", "128e19", "cd8d19"] },
        new("at most 4 bids", GigQuery.Parse("proposals:<=4")) { ExpectedIds = ["a58e19", "128e19", "cd8d19", "638b19"] },
    ];

    /// <inheritdoc/>
    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        builder.AddProjectsCoId(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure?.Invoke(o);
        });

    /// <inheritdoc/>
    public override string ReadFixture(string name) => ReadEmbedded(typeof(ProjectsCoIdTestSite).Assembly, "FreelanceAggregator.TestSites.ProjectsCoId.Fixtures." + name);

    /// <inheritdoc/>
    /// <remarks>Pages 1 to 3 by <c>page</c>; any other page number gets the listing without rows.</remarks>
    public override void StubResults(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        for (var page = 1; page <= 3; page++)
        {
            server.Given(SearchRequest().WithParam("page", page.ToString(CultureInfo.InvariantCulture))).AtPriority(10)
                .RespondWith(Answer($"listing-page{page}.html"));
        }

        server.Given(SearchRequest()).AtPriority(100).RespondWith(Answer("search-empty.html"));
    }

    /// <inheritdoc/>
    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest()).RespondWith(Answer("search-empty.html"));
        return new GigQuery("zzzz");
    }

    /// <inheritdoc/>
    public override string ResultsWith(string? description, string? link, out string id)
    {
        var page = ReadFixture(ResultsFixture);
        if (description is not null)
        {
            page = ReplaceOnce(page, FirstExcerpt, description);
        }

        if (link is not null)
        {
            page = ReplaceOnce(page, $"<h2><a href=\"{FirstLink}\">", $"<h2><a href=\"{WebUtility.HtmlEncode(link)}\">");
        }

        id = "ae8e19";
        return page;
    }

    /// <inheritdoc/>
    /// <remarks>Page 1 with new project ids on every page (<c>p2ae8e19</c>, ...), and a pagination that offers 999 pages.</remarks>
    public override string EndlessPage(int page)
    {
        var html = ReplaceOnce(ReadFixture(ResultsFixture), "paramval=\"3\">&raquo;", "paramval=\"999\">&raquo;");
        return ProjectLink().Replace(html, "/browse_projects/view/p" + page.ToString(CultureInfo.InvariantCulture) + "$1/");
    }

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidOperationException($"The fixture no longer holds '{old}'.")
            : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    [GeneratedRegex("/browse_projects/view/([0-9a-z]+)/", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectLink();
}

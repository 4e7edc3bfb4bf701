using System.Globalization;
using System.Text.Json.Nodes;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.Fiverr;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.Server;

namespace FreelanceAggregator.TestSites;

/// <summary>
/// Fiverr's search page as the tests, the offline demo and the benchmarks see it: <c>/search/gigs?query=…</c> for page 1
/// and <c>&amp;page=N</c> after it, answered with an HTML page whose search data is the JSON of
/// <c>&lt;script id="perseus-initial-props"&gt;</c> (see Fixtures/README.md for what is real in each page).
/// </summary>
public sealed class FiverrTestSite : ProviderTestSite
{
    /// <summary>The search the page fixtures were made for.</summary>
    public const string SearchText = "custom website development";

    /// <summary>How the search data starts in the page fixtures.</summary>
    public const string DataStart = "<script type=\"application/json\" id=\"perseus-initial-props\">";

    /// <inheritdoc/>
    public override string ProviderName => FiverrProvider.DefaultName;

    /// <inheritdoc/>
    public override Type ProviderType => typeof(FiverrProvider);

    /// <inheritdoc/>
    public override IReadOnlyList<string> SiteHosts => ["www.fiverr.com"];

    /// <inheritdoc/>
    public override string SearchPath => "/search/gigs";

    /// <inheritdoc/>
    public override GigQuery Query => new(SearchText);

    /// <inheritdoc/>
    public override string ResultsFixture => "search-page1.html";

    /// <summary>Gets a value indicating that Fiverr's search shows a gig's title, price and seller, never a description.</summary>
    public override bool HasDescriptions => false;

    /// <summary>Gets the case of the only gig from USD 900 (155121960, a pro gig), third of the six on page 1.</summary>
    public override ProviderTestCase SmallLimitFurtherDownThePage =>
        new("the only gig from USD 900 is the third on page 1", GigQuery.Parse("website budget:>=900USD limit:2")) { ExpectedIds = ["155121960"] };

    /// <summary>Gets the case of the only gig that names Laravel among its programming languages (420011223), third on page 2.</summary>
    public override ProviderTestCase SmallLimitOnPageTwo =>
        new("the only gig naming Laravel is on page 2", GigQuery.Parse("website skill:laravel limit:1")) { ExpectedIds = ["420011223"] };

    /// <summary>Gets what the aggregator's filters keep of Fiverr's two pages: each is applied to what a gig carries.</summary>
    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        // Fiverr matches words loosely; the aggregator keeps a gig only when it has every word ("develop" counts for
        // "development" by its stem), so the gigs that never mention developing are left out.
        new("every word of the query", new GigQuery(SearchText) { Limit = 100 })
        {
            ExpectedIds = ["384419107", "409876543", "155121960", "431643922", "402233119", "388800112"],
        },

        // The gig's own rating (a new seller's 0 with no reviews is no rating, so 388800112 never passes).
        new("a minimum rating is the gig's rating", GigQuery.Parse("website rating:>=5 kind:service limit:100"))
        {
            ExpectedIds = ["384419107", "431643922", "402233119", "420011223"],
        },
        new("a budget filter uses the From price", GigQuery.Parse("website budget:<=100USD type:fixed limit:100"))
        {
            ExpectedIds = ["384419107", "414925957", "402233119", "420011223", "388800112"],
        },

        // "vue.js" and Fiverr's "vue_js" are one skill.
        new("a skill filter uses the programming languages a gig names", GigQuery.Parse("website skill:react,vue.js limit:100"))
        {
            ExpectedIds = ["384419107", "155121960", "414925957", "398877665"],
        },
    ];

    /// <inheritdoc/>
    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        AddFiverr(builder, baseAddress, configure);

    /// <summary>Registers the Fiverr provider against a test server, with Fiverr's own options to set.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="baseAddress">The test server.</param>
    /// <param name="configure">More settings, applied after the kit's test settings; or <see langword="null"/>.</param>
    public static void AddFiverr(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<FiverrOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddFiverr(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure?.Invoke(o);
        });
    }

    /// <inheritdoc/>
    public override string ReadFixture(string name) => ReadEmbedded(typeof(FiverrTestSite).Assembly, "FreelanceAggregator.TestSites.Fiverr.Fixtures." + name);

    /// <summary>Serves page 1, page 2, then a page without results.</summary>
    /// <param name="server">The server.</param>
    public override void StubResults(WireMockServer server) => StubPages(server, "search-page1.html", "search-page2.html", "search-no-results.html");

    /// <inheritdoc/>
    public override GigQuery StubEmpty(WireMockServer server)
    {
        StubPage(server, "search-no-results.html");
        return new GigQuery("zzqxv vbnmk");
    }

    /// <summary>
    /// Serves a search's pages as Fiverr addresses them: the first fixture for a search without a page number, and each
    /// next one for <c>page=2</c>, <c>page=3</c>, ...; whatever the search text, since the aggregator filters the
    /// recorded gigs for the query anyway.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="fixtures">The pages, from page 1.</param>
    public void StubPages(WireMockServer server, params string[] fixtures)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(fixtures);
        for (var i = 0; i < fixtures.Length; i++)
        {
            var request = SearchRequest().WithParam("query");
            request = i == 0
                ? request.WithParam("page", MatchBehaviour.RejectOnMatch)
                : request.WithParam("page", (i + 1).ToString(CultureInfo.InvariantCulture));
            server.Given(request).AtPriority(1).RespondWith(Answer(fixtures[i]));
        }
    }

    /// <summary>Serves one page for every search request, whatever its page number: a site that ignores paging, or a failure page.</summary>
    /// <param name="server">The server.</param>
    /// <param name="fixture">The page.</param>
    /// <param name="status">The HTTP status it comes with.</param>
    public void StubPage(WireMockServer server, string fixture, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest()).AtPriority(10).RespondWith(Answer(fixture, status));
    }

    /// <summary>Gets the search data of a page fixture, as the page holds it.</summary>
    /// <param name="fixture">The page.</param>
    /// <param name="page">The page's text.</param>
    /// <returns>Where the data starts in the page, and its length.</returns>
    /// <exception cref="InvalidOperationException">The fixture holds no search data.</exception>
    public (int Start, int Length) FindData(string fixture, out string page)
    {
        page = ReadFixture(fixture);
        var start = page.IndexOf(DataStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : page.IndexOf("</script>", start + DataStart.Length, StringComparison.Ordinal);
        return end < 0
            ? throw new InvalidOperationException($"The fixture {fixture} no longer holds the search data ({DataStart}).")
            : (start + DataStart.Length, end - start - DataStart.Length);
    }

    /// <summary>Makes page 1 with its first gig's link replaced (Fiverr's gigs have no description).</summary>
    /// <param name="description">Not used: Fiverr's gigs have none.</param>
    /// <param name="link">The gig's <c>gig_url</c>, or <see langword="null"/> for its own.</param>
    /// <param name="id">The gig's id.</param>
    /// <returns>The page.</returns>
    public override string ResultsWith(string? description, string? link, out string id)
    {
        string? first = null;
        var page = EditData(ResultsFixture, root =>
        {
            var gig = root["listings"]![0]!["gigs"]![0]!;
            first = gig["gigId"]!.ToString();
            if (link is not null)
            {
                gig["gig_url"] = link;
            }
        });
        id = first!;
        return page;
    }

    /// <summary>Makes page 1 with a total far beyond what was read, and new gig ids on every page.</summary>
    /// <param name="page">The page number, from 1.</param>
    /// <returns>The page.</returns>
    public override string EndlessPage(int page) =>
        EditData(ResultsFixture, root =>
        {
            root["appData"]!["pagination"]!["total"] = 1_000_000;
            foreach (var list in new[] { root["listings"]![0]!["gigs"]!.AsArray(), root["items"]?.AsArray() ?? [] })
            {
                foreach (var gig in list)
                {
                    foreach (var key in (string[])["gigId", "gig_id"])
                    {
                        if (gig?[key] is { } value)
                        {
                            gig[key] = long.Parse(value.ToString(), CultureInfo.InvariantCulture) + (page * 1_000_000_000L);
                        }
                    }
                }
            }
        });

    /// <summary>Makes a page fixture with its search data changed.</summary>
    /// <param name="fixture">The page.</param>
    /// <param name="edit">Changes the data.</param>
    /// <returns>The changed page.</returns>
    public string EditData(string fixture, Action<JsonNode> edit)
    {
        var (start, length) = FindData(fixture, out var page);
        return string.Concat(page.AsSpan(0, start), Fixtures.EditJson(page.Substring(start, length), edit), page.AsSpan(start + length));
    }
}

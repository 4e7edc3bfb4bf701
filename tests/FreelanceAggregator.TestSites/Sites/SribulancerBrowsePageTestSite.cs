using System.Globalization;
using System.Net;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.Sribulancer;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace FreelanceAggregator.TestSites;

/// <summary>
/// Sribulancer's other source as the tests, the offline demo and the benchmarks see it: the rendered browse-jobs page
/// (<c>GET /id/browse-jobs?page=N</c>, read with the default CSS selectors), and its recorded pages: four job cards on
/// page 1, which links to page 2, and two on page 2, which links nowhere.
/// </summary>
public sealed class SribulancerBrowsePageTestSite : ProviderTestSite
{
    /// <summary>The path of the browse-jobs page.</summary>
    public const string BrowsePath = "/id/browse-jobs";

    /// <summary>The id of the first card of page 1.</summary>
    public const string FirstCardId = "51c1d99a-b83e-42d6-88da-9fb3746ac546";

    /// <inheritdoc/>
    public override string ProviderName => SribulancerProvider.DefaultName;

    /// <inheritdoc/>
    public override Type ProviderType => typeof(SribulancerProvider);

    /// <inheritdoc/>
    public override IReadOnlyList<string> SiteHosts => ["www.sribu.com"];

    /// <inheritdoc/>
    public override string SearchPath => BrowsePath;

    /// <inheritdoc/>
    /// <remarks>No keywords: the page is served whatever the <c>search</c> parameter says.</remarks>
    public override GigQuery Query => new();

    /// <inheritdoc/>
    public override string ResultsFixture => "browse-jobs.html";

    /// <inheritdoc/>
    /// <remarks>The only job nobody has applied to on page 1 is its fourth card.</remarks>
    public override ProviderTestCase SmallLimitFurtherDownThePage => new("the only job without applicants on page 1, its fourth card", new GigQuery { MaxProposals = 0, Limit = 1 })
    {
        ExpectedIds = ["8f3b2a4c-5d6e-4f70-8b12-c3d4e5f60718"],
    };

    /// <inheritdoc/>
    /// <remarks>Every budget on page 1 is above Rp 600,000; page 2 opens with Rp 500rb.</remarks>
    public override ProviderTestCase SmallLimitOnPageTwo => new("the first budget of at most Rp 600,000, on page 2", new GigQuery { MaxBudget = new Money(600_000m, Currency.IDR), Limit = 1 })
    {
        ExpectedIds = ["9a4c3b5d-6e7f-4a81-9c23-d4e5f6071829"],
    };

    /// <inheritdoc/>
    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("budgets that reach Rp 2 million, a range among them", new GigQuery { MinBudget = new Money(2_000_000m, Currency.IDR), Limit = 10 })
        {
            ExpectedIds = ["6d1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6", "7e2a1f3b-4c5d-4e6f-9a01-b2c3d4e5f607"],
        },
    ];

    /// <inheritdoc/>
    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        builder.AddSribulancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            o.Source = SribulancerSource.BrowsePage;
            configure?.Invoke(o);
        });

    /// <inheritdoc/>
    public override string ReadFixture(string name) => ReadEmbedded(typeof(SribulancerBrowsePageTestSite).Assembly, "FreelanceAggregator.TestSites.Sribulancer.Fixtures." + name);

    /// <inheritdoc/>
    /// <remarks>Pages 1 and 2 by their <c>page</c> parameter, the site's own "no jobs" page for any other.</remarks>
    public override void StubResults(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(Page(1)).AtPriority(1).RespondWith(Answer("browse-jobs.html"));
        server.Given(Page(2)).AtPriority(1).RespondWith(Answer("browse-jobs-page2.html"));
        server.Given(SearchRequest()).AtPriority(2).RespondWith(Answer("browse-jobs-empty.html"));
    }

    /// <inheritdoc/>
    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest()).RespondWith(Answer("browse-jobs-empty.html"));
        return new GigQuery("zzzz");
    }

    /// <inheritdoc/>
    /// <remarks>The first card of page 1 carries them: <paramref name="link"/> as its <c>href</c>.</remarks>
    public override string ResultsWith(string? description, string? link, out string id)
    {
        var page = ReadFixture(ResultsFixture);
        if (description is not null)
        {
            page = ReplaceOnce(page, "Butuh web shell sederhana untuk mengelola file di server VPS, dengan login dan upload.", description);
        }

        if (link is not null)
        {
            page = ReplaceOnce(page, $"href=\"/id/jobs/{FirstCardId}\"", $"href=\"{WebUtility.HtmlEncode(link)}\"");
        }

        id = FirstCardId;
        return page;
    }

    /// <inheritdoc/>
    /// <remarks>Page 1 with new card ids on every page, each linking to a next one.</remarks>
    public override string EndlessPage(int page) =>
        ReadFixture(ResultsFixture).Replace("a_open_job_detail_", "a_open_job_detail_p" + page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Gets a matcher for the request of one page.</summary>
    /// <param name="page">The page number, from 1.</param>
    /// <returns>The matcher.</returns>
    public IRequestBuilder Page(int page) => SearchRequest().WithParam("page", page.ToString(CultureInfo.InvariantCulture));

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"The fixture no longer holds '{old}'.");
        }

        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}

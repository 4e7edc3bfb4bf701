using FreelanceAggregator.Providers;
using WireMock.ResponseBuilders;
using Xunit;

namespace FreelanceAggregator.Testing;

/// <summary>
/// What a hostile or compromised site must not be able to do through a provider, run by each provider's test project:
/// put script or style content into a description (it comes out as plain text); make a listing link to a
/// <c>javascript:</c> or <c>data:</c> address or to another host; or make the provider page forever by always saying
/// there is more (paging stops at <see cref="GigProviderOptions.MaxPages"/>). The size cap is exercised by
/// <see cref="GigProviderFaultTests{TSite}"/>; secrets are each provider's own tests' business.
/// </summary>
/// <remarks>
/// Derive a test class for a site (<see cref="ProviderTestSite"/>): it says how to write a page whose listing carries a
/// given description and link (<see cref="ProviderTestSite.ResultsWith"/>), and page N of a site that never ends
/// (<see cref="ProviderTestSite.EndlessPage"/>). The provider is called directly, not through the
/// aggregator, so that the aggregator's own URL check cannot hide a provider that lets a bad link through.
/// </remarks>
/// <typeparam name="TSite">The site's description.</typeparam>
public abstract class GigProviderSecurityTests<TSite> : ProviderServerTests<TSite>
    where TSite : ProviderTestSite, new()
{
    /// <summary>A description with every way markup can smuggle script or style content in, between two plain sentences.</summary>
    public const string HostileDescription =
        "Kebutuhan <b>logo</b> &amp; banner.<script>alert('xss')</script><style>p{display:none}</style>"
        + "<iframe src=\"javascript:alert(2)\">iframe text</iframe><img src=x onerror=\"alert(3)\"><noscript>noscript text</noscript>"
        + "<template>template text</template><svg><script>alert(4)</script></svg> Selesai dalam 7 hari.";

    /// <summary>Script, style, iframe, noscript and template content never reach a description, and the text around them does.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ScriptAndStyleInADescriptionComeOutAsPlainText()
    {
        Assert.SkipUnless(Site.HasDescriptions, $"{ProviderName}'s listings have no description.");
        Stub(Site.ResultsWith(HostileDescription, null, out var id));

        var gigs = await SearchAsync();

        var gig = Assert.Single(gigs, g => g.Id == id);
        Assert.NotNull(gig.Description);
        Assert.Contains("Kebutuhan logo & banner.", gig.Description, StringComparison.Ordinal);
        Assert.Contains("Selesai dalam 7 hari.", gig.Description, StringComparison.Ordinal);
        foreach (var smuggled in (string[])["alert", "display:none", "iframe text", "noscript text", "template text", "onerror", "<", ">"])
        {
            Assert.DoesNotContain(smuggled, gig.Description, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A listing whose link is a script, data, another host or a look-alike of the site never gets that link: it is
    /// dropped, or given the site's own address for it. Either way every URL is http(s) on the site's host.
    /// </summary>
    /// <param name="link">The link the site sends.</param>
    /// <param name="marker">A piece of the link that must not survive in any URL.</param>
    /// <returns>A task.</returns>
    [Theory]
    [InlineData("javascript:alert(document.cookie)", "javascript")]
    [InlineData(" JavaScript:alert(1)", "alert")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "base64")]
    [InlineData("https://evil.example.net/jobs/1", "evil.example.net")]
    [InlineData("//evil.example.net/jobs/1", "evil.example.net")]
    [InlineData("https://user@evil.example.net/jobs/1", "evil.example.net")]
    public async Task ScriptDataAndOffSiteLinksAreNeverAListingsUrl(string link, string marker)
    {
        var body = Site.ResultsWith(null, link, out var id);
        Assert.Contains(marker, body, StringComparison.Ordinal);
        Stub(body);

        var gigs = await SearchAsync();

        Assert.NotEmpty(gigs);
        Assert.All(gigs, gig =>
        {
            Assert.Contains(gig.Url.Scheme, new[] { Uri.UriSchemeHttps, Uri.UriSchemeHttp });
            Assert.True(GigUrls.IsOnHost(gig.Url, [.. Site.SiteHosts]), $"listing {gig.Id} links to {gig.Url}, off {string.Join(", ", Site.SiteHosts)}");
            Assert.DoesNotContain(marker, gig.Url.Host, StringComparison.OrdinalIgnoreCase);
        });

        // A provider that makes URLs from a slug or an id keeps the listing, with the text as a harmless path on the site.
        Assert.All(gigs.Where(g => g.Id == id), gig => Assert.Equal(Site.SiteHosts[0], gig.Url.Host, ignoreCase: true));
    }

    /// <summary>A site that says "there is more" on every page makes the provider read <see cref="GigProviderOptions.MaxPages"/> pages and stop.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task AHostileSiteThatAlwaysSaysMoreCannotMakeItPageForever()
    {
        Assert.SkipUnless(Site.HasPages, $"{ProviderName} answers with one page.");

        // Six distinct pages, then the sixth forever: the provider must stop at MaxPages (3), well before it runs out.
        for (var page = 1; page <= 6; page++)
        {
            var stub = Server.Server.Given(SiteRequest()).InScenario("endless");
            if (page > 1)
            {
                stub = stub.WhenStateIs($"page {page}");
            }

            if (page < 6)
            {
                stub = stub.WillSetStateTo($"page {page + 1}");
            }

            stub.RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Site.ContentType(Site.ResultsFixture)).WithBody(Site.EndlessPage(page)));
        }

        await using var aggregator = CreateAggregator(o => o.MaxPages = 3);
        var result = await aggregator.SearchAllAsync(Query with { Limit = GigQuery.MaxLimit }, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Status == ProviderStatus.Succeeded, outcome.ToString());
        Assert.True(outcome.ReceivedCount > 0, outcome.ToString());
        Assert.Equal(3, Server.Requests().Count);
        Assert.Equal(3, outcome.PageCount);
        Assert.Contains(outcome.Warnings, w => w.Kind == GigWarningKind.PagingStopped);
    }

    private void Stub(string body) =>
        Server.Server.Given(SiteRequest()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", Site.ContentType(Site.ResultsFixture)).WithBody(body));

    // The provider itself, not the aggregator, which drops listings off the site's hosts on its own.
    private async Task<IReadOnlyList<Gig>> SearchAsync()
    {
        await using var aggregator = CreateAggregator(o => o.MaxPages = 1);
        var provider = aggregator.Providers.Single(p => p.Name == ProviderName);
        var gigs = new List<Gig>();
        await foreach (var gig in provider.SearchAsync(Query with { TargetCurrency = Currency.USD }, TestContext.Current.CancellationToken))
        {
            gigs.Add(gig);
        }

        return gigs;
    }
}

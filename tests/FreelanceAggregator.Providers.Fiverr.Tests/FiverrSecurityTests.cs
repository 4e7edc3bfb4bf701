using System.Text.Json.Nodes;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>The shared security checks against Fiverr's search page: the gig link in the page's data, and paging.</summary>
public sealed class FiverrSecurityTests : GigProviderSecurityTests
{
    private const string DataStart = "<script type=\"application/json\" id=\"perseus-initial-props\">";

    protected override string ProviderName => FiverrProvider.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["www.fiverr.com"];

    protected override string SearchPath => "/search/gigs";

    protected override string ResultsContentType => "text/html; charset=utf-8";

    protected override GigQuery Query => new(FiverrStubs.Query);

    // Fiverr's search shows a gig's title, price and seller, never a description.
    protected override bool HasDescriptions => false;

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddFiverr(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });

    protected override string ResultsWith(string? description, string? link, out string id)
    {
        string? first = null;
        var page = EditData(root =>
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

    // A total far beyond what was read, and new gig ids on every page (Fiverr stops when a page repeats old gigs).
    protected override string EndlessPage(int page) =>
        EditData(root =>
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
                            gig[key] = long.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture) + (page * 1_000_000_000L);
                        }
                    }
                }
            }
        });

    private static string EditData(Action<JsonNode> edit)
    {
        var page = Fixtures.Read("search-page1.html");
        var start = page.IndexOf(DataStart, StringComparison.Ordinal) + DataStart.Length;
        var end = page.IndexOf("</script>", start, StringComparison.Ordinal);
        Assert.True(start >= DataStart.Length && end > start, "the fixture no longer holds the search data");
        return string.Concat(page.AsSpan(0, start), Fixtures.EditJson(page[start..end], edit), page.AsSpan(end));
    }
}

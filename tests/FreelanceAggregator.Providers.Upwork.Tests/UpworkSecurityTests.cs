using System.Globalization;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The shared security checks against Upwork: descriptions, the job link made from <c>ciphertext</c>, and paging by cursor.</summary>
public sealed class UpworkSecurityTests : GigProviderSecurityTests
{
    protected override string ProviderName => UpworkOptions.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["www.upwork.com"];

    protected override string SearchPath => UpworkStubs.GraphQlPath;

    protected override bool SearchIsPost => true;

    protected override string ResultsContentType => "application/json";

    protected override GigQuery Query => new("lead capture");

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddUpwork(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            o.TokenEndpoint = new Uri(baseAddress, UpworkStubs.TokenPath.TrimStart('/'));
            o.AccessToken = TestTokens.Access;
            configure(o);
        });

    protected override string ResultsWith(string? description, string? link, out string id)
    {
        string? first = null;
        var body = Fixtures.EditJson(Fixtures.Read("search-page1.json"), root =>
        {
            var node = root["data"]!["marketplaceJobPostingsSearch"]!["edges"]![0]!["node"]!;
            first = node["id"]!.ToString();
            if (description is not null)
            {
                node["description"] = description;
            }

            if (link is not null)
            {
                node["ciphertext"] = link;
            }
        });
        id = first!;
        return body;
    }

    // hasNextPage with a new cursor and new job ids on every page.
    protected override string EndlessPage(int page) =>
        Fixtures.EditJson(Fixtures.Read("search-page1.json"), root =>
        {
            var search = root["data"]!["marketplaceJobPostingsSearch"]!;
            search["totalCount"] = 1_000_000;
            search["pageInfo"] = new System.Text.Json.Nodes.JsonObject { ["hasNextPage"] = true, ["endCursor"] = "cursor-" + page.ToString(CultureInfo.InvariantCulture) };
            foreach (var edge in search["edges"]!.AsArray())
            {
                var node = edge!["node"]!;
                node["id"] = node["id"]!.ToString() + "-" + page.ToString(CultureInfo.InvariantCulture);
            }
        });
}

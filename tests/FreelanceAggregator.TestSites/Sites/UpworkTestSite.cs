using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.Upwork;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FreelanceAggregator.TestSites;

/// <summary>
/// Upwork as the tests, the offline demo and the benchmarks see it: its GraphQL endpoint (<c>POST /graphql</c>), which
/// answers only requests that carry <see cref="AccessToken"/> as their bearer token; its OAuth2 token endpoint
/// (<see cref="TokenPath"/>); and its recorded answers, paged by <c>pagination_eq.after</c> (the first page's
/// <c>endCursor</c> is <c>"5"</c>).
/// </summary>
public sealed class UpworkTestSite : ProviderTestSite
{
    /// <summary>The bearer token the site accepts. It is no secret: it opens nothing but this test site.</summary>
    public const string AccessToken = "oauth2v2_0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    /// <summary>The path of the GraphQL endpoint.</summary>
    public const string GraphQlPath = "/graphql";

    /// <summary>The path of the OAuth2 token endpoint, on the same test server.</summary>
    public const string TokenPath = "/api/v3/oauth2/token";

    /// <summary>The <c>endCursor</c> of <c>search-page1.json</c>, which asks for <c>search-page2.json</c>.</summary>
    public const string SecondPageCursor = "5";

    /// <inheritdoc/>
    public override string ProviderName => UpworkOptions.DefaultName;

    /// <inheritdoc/>
    public override Type ProviderType => typeof(UpworkProvider);

    /// <inheritdoc/>
    public override IReadOnlyList<string> SiteHosts => ["www.upwork.com"];

    /// <inheritdoc/>
    public override string SearchPath => GraphQlPath;

    /// <inheritdoc/>
    public override bool SearchIsPost => true;

    /// <inheritdoc/>
    public override GigQuery Query => new("lead capture");

    /// <inheritdoc/>
    public override string ResultsFixture => "search-page1.json";

    /// <summary>
    /// Gets 2: a first page that fails with a server error is asked for once more without <c>pagination_eq</c>, which
    /// Upwork is reported to refuse, so a page that always fails costs two rounds of retries.
    /// </summary>
    public override int SearchesPerFailedPage => 2;

    /// <inheritdoc/>
    /// <remarks>The only client in Australia is the fifth job of page 1.</remarks>
    public override ProviderTestCase SmallLimitFurtherDownThePage => new("the only client in Australia, fifth on page 1", GigQuery.Parse("country:AU limit:1"))
    {
        ExpectedIds = ["2049501135840121856"],
    };

    /// <inheritdoc/>
    /// <remarks>The only client in India posted the first job of page 2.</remarks>
    public override ProviderTestCase SmallLimitOnPageTwo => new("the only client in India, on page 2", GigQuery.Parse("country:IN limit:1"))
    {
        ExpectedIds = ["2049412200187355136"],
    };

    /// <inheritdoc/>
    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("the keywords, on the titles of page 1", new GigQuery("lead capture") { Limit = 10 })
        {
            ExpectedIds = ["1978704153911649005", "1978367816874720900", "1973763184780620813"],
        },
        new("fixed-price jobs of verified clients, across both pages", new GigQuery { BudgetType = BudgetType.Fixed, PaymentVerifiedOnly = true, Limit = 10 })
        {
            ExpectedIds = ["1978367816874720900", "1973763184780620813", "2049412200187355136"],
        },
        new("hourly jobs paying up to at least USD 20, one with only a minimum", new GigQuery { BudgetType = BudgetType.Hourly, MinBudget = new Money(20m, Currency.USD), Limit = 10 })
        {
            ExpectedIds = ["2049488018911397244", "2049399817213624320"],
        },
    ];

    /// <inheritdoc/>
    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        builder.AddUpwork(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            o.TokenEndpoint = new Uri(baseAddress, TokenPath.TrimStart('/'));
            o.AccessToken = AccessToken;
            configure?.Invoke(o);
        });

    /// <inheritdoc/>
    public override string ReadFixture(string name) => ReadEmbedded(typeof(UpworkTestSite).Assembly, "FreelanceAggregator.TestSites.Upwork.Fixtures." + name);

    /// <inheritdoc/>
    /// <remarks>
    /// Page 1 for a search without a cursor (with or without <c>pagination_eq</c>), page 2 for <see cref="SecondPageCursor"/>,
    /// an empty page for any other cursor, and Upwork's 401 for a request without <see cref="AccessToken"/>.
    /// </remarks>
    public override void StubResults(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(Search().WithBody((string? body) => CursorOf(body) == SecondPageCursor)).AtPriority(1).RespondWith(Answer("search-page2.json"));
        server.Given(Search().WithBody((string? body) => IsSearch(body) && CursorOf(body) is null)).AtPriority(2).RespondWith(Answer("search-page1.json"));
        server.Given(Search()).AtPriority(3).RespondWith(Answer("search-empty.json"));
        StubRefusal(server);
    }

    /// <inheritdoc/>
    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(Search()).AtPriority(1).RespondWith(Answer("search-empty.json"));
        StubRefusal(server);
        return new GigQuery("zzzz qqqq");
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The first job of page 1 carries them: <paramref name="link"/> as its <c>ciphertext</c>, which is all a job's link
    /// is made from.
    /// </remarks>
    public override string ResultsWith(string? description, string? link, out string id)
    {
        string? first = null;
        var body = Fixtures.EditJson(ReadFixture(ResultsFixture), root =>
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

    /// <inheritdoc/>
    /// <remarks>Page 1 with a new cursor, <c>hasNextPage</c> and new job ids on every page, and a total far beyond.</remarks>
    public override string EndlessPage(int page) =>
        Fixtures.EditJson(ReadFixture(ResultsFixture), root =>
        {
            var suffix = "-" + page.ToString(CultureInfo.InvariantCulture);
            var search = root["data"]!["marketplaceJobPostingsSearch"]!;
            search["totalCount"] = 1_000_000;
            search["pageInfo"] = new JsonObject { ["hasNextPage"] = true, ["endCursor"] = "cursor" + suffix };
            foreach (var edge in search["edges"]!.AsArray())
            {
                var node = edge!["node"]!;
                node["id"] = node["id"]!.ToString() + suffix;
            }
        });

    /// <inheritdoc/>
    public override string ContentType(string fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return fixture.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? "text/plain; charset=utf-8" : base.ContentType(fixture);
    }

    /// <summary>Gets the search request with the accepted bearer token.</summary>
    /// <returns>The matcher; add conditions to it.</returns>
    public IRequestBuilder Search() => SearchRequest().WithHeader("Authorization", "Bearer " + AccessToken);

    /// <summary>Gets whether a request body is the <c>marketplaceJobPostingsSearch</c> operation.</summary>
    /// <param name="body">The request body.</param>
    /// <returns><see langword="true"/> for a search.</returns>
    public static bool IsSearch(string? body) => Read(body, out _, out _);

    /// <summary>Gets the cursor a search asks to read after (<c>pagination_eq.after</c>), or <see langword="null"/> for the first page.</summary>
    /// <param name="body">The request body.</param>
    /// <returns>The cursor.</returns>
    public static string? CursorOf(string? body) => Read(body, out _, out var after) ? after : null;

    /// <summary>Gets whether a search sends <c>pagination_eq</c>, which Upwork is reported to refuse.</summary>
    /// <param name="body">The request body.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool HasPaging(string? body) => Read(body, out var paged, out _) && paged;

    // Upwork answers a request without a valid token with HTTP 401 and this body.
    private void StubRefusal(WireMockServer server) =>
        server.Given(SearchRequest()).AtPriority(10).RespondWith(Response.Create()
            .WithStatusCode(401)
            .WithHeader("Content-Type", "application/json")
            .WithBody(ReadFixture("auth-failed.json")));

    private static bool Read(string? body, out bool paged, out string? after)
    {
        paged = false;
        after = null;
        if (body is null)
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (JsonValues.GetString(json.RootElement, "operationName") != "marketplaceJobPostingsSearch"
                || JsonValues.GetObject(json.RootElement, "variables", "marketPlaceJobFilter") is not { } filter)
            {
                return false;
            }

            paged = JsonValues.GetObject(filter, "pagination_eq") is not null;
            after = JsonValues.GetString(filter, "pagination_eq", "after");
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

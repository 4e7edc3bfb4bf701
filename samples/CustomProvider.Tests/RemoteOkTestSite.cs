#region Snippet:RemoteOkTestSite
using System.Globalization;
using FreelanceAggregator;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>
/// Remote OK as the kit's suites and this project's own tests see it: <c>GET /api</c> (or <c>/api?tag=...</c>)
/// answered with the feed fixtures of <c>Fixtures/</c> (see Fixtures/README.md for what is real in them).
/// </summary>
/// <remarks>
/// The feed is one page: Remote OK ignores <c>page</c>, <c>offset</c> and <c>limit</c>, and the provider never gives a
/// cursor. So the site says <see cref="HasPages"/> is false, and the kit skips its checks of a second page, saying why.
/// </remarks>
public sealed class RemoteOkTestSite : ProviderTestSite
{
    public override string ProviderName => RemoteOkProvider.DefaultName;

    public override Type ProviderType => typeof(RemoteOkProvider);

    public override IReadOnlyList<string> SiteHosts => ["remoteok.com"];

    public override string SearchPath => "/api";

    // Every job of the feed: the feed has no text search, so the aggregator filters whatever the query asks.
    public override GigQuery Query => new();

    public override string ResultsFixture => "remoteok-api.json";

    // Remote OK's feed is one answer with every job; there is no page 2 to read.
    public override bool HasPages => false;

    // The only support job is the third of the four in the feed.
    public override ProviderTestCase SmallLimitFurtherDownThePage =>
        new("the only support job is the third in the feed", new GigQuery("support") { Limit = 1 }) { ExpectedIds = ["1137398"] };

    // Remote OK has no page 2, so this is the nearest honest case: the only Python job of the plain feed is its last.
    public override ProviderTestCase SmallLimitOnPageTwo =>
        new("no page 2 on Remote OK: the only Python job is the last in the feed", new GigQuery("python") { Limit = 1 }) { ExpectedIds = ["1137390"] };

    public override IReadOnlyList<ProviderTestCase> Cases =>
    [
        new("every job, in the feed's order (newest first)", new GigQuery()) { ExpectedIds = ["1137412", "1137405", "1137398", "1137390"] },
        new("keywords are filtered here: the feed has no text search", new GigQuery("logo")) { ExpectedIds = ["1137405"] },

        // The tagged feed reaches further back: 1121877 is not in the plain feed.
        new("one skill is asked for as a tag", GigQuery.Parse("skill:python")) { ExpectedIds = ["1137390", "1121877"] },

        // Remote OK ANDs its tags and a query's skills mean "any of", so the plain feed is read and filtered here.
        new("several skills are any of, filtered here", GigQuery.Parse("skill:python,design")) { ExpectedIds = ["1137405", "1137390"] },
    ];

    public override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null) =>
        builder.AddRemoteOk(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure?.Invoke(o);
        });

    public override string ReadFixture(string name) => Fixtures.Read(name);

    /// <summary>Serves the plain feed (the one and only page), the feed for <c>tag=python</c>, and the legal notice alone for any other tag.</summary>
    /// <param name="server">The server.</param>
    public override void StubResults(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest().WithParam("tag", "python")).AtPriority(1).RespondWith(Answer("remoteok-api-tag-python.json"));
        server.Given(SearchRequest().WithParam("tag")).AtPriority(5).RespondWith(Answer("remoteok-api-legal-only.json"));
        server.Given(SearchRequest()).AtPriority(10).RespondWith(Answer(ResultsFixture));
    }

    // Remote OK answers a tag nobody uses with the legal notice alone.
    public override GigQuery StubEmpty(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(SearchRequest().WithParam("tag", "cobol")).RespondWith(Answer("remoteok-api-legal-only.json"));
        return new GigQuery { Skills = ["cobol"] };
    }

    /// <summary>Makes the plain feed with its first job's description and url replaced.</summary>
    /// <param name="description">The job's <c>description</c> (HTML), or <see langword="null"/> for its own.</param>
    /// <param name="link">The job's <c>url</c>, or <see langword="null"/> for its own.</param>
    /// <param name="id">The job's id.</param>
    /// <returns>The feed.</returns>
    public override string ResultsWith(string? description, string? link, out string id)
    {
        id = "1137412";
        return Fixtures.EditJson(ReadFixture(ResultsFixture), feed =>
        {
            var job = feed[1]!;
            job["description"] = description ?? job["description"]!.GetValue<string>();
            job["url"] = link ?? job["url"]!.GetValue<string>();
        });
    }

    /// <summary>Makes a feed whose jobs have ids of their own for <paramref name="page"/>; Remote OK would never be asked for a second one.</summary>
    /// <param name="page">The page number, from 1.</param>
    /// <returns>The feed.</returns>
    public override string EndlessPage(int page)
    {
        return Fixtures.EditJson(ReadFixture(ResultsFixture), feed =>
        {
            foreach (var job in feed.AsArray().Skip(1))
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{job!["id"]!.GetValue<string>()}{page:000}");
                job["id"] = id;
                job["url"] = "https://remoteOK.com/remote-jobs/" + id;
            }
        });
    }
}
#endregion

using System.Text;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FreelanceAggregator.Testing;

/// <summary>
/// Everything the kit needs to know about one site to test its provider: how to register the provider against a test
/// server, what the site's search request looks like, its recorded pages and how they are served, and the cases that
/// must hold on them. One description per site feeds the provider's own tests, the shared conformance, fault and
/// security suites (<see cref="GigProviderConformanceTests{TSite}"/>, <see cref="GigProviderFaultTests{TSite}"/>,
/// <see cref="GigProviderSecurityTests{TSite}"/>), offline demos and benchmarks.
/// </summary>
/// <remarks>
/// Derive a sealed class with a public parameterless constructor, then derive one-line test classes from the suites:
/// <c>public sealed class ContosoConformanceTests : GigProviderConformanceTests&lt;ContosoTestSite&gt;;</c>
/// </remarks>
public abstract class ProviderTestSite
{
    /// <summary>Gets the name the provider is registered under, e.g. <c>freelancer</c>.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Gets the provider's type, so a convention test can check that every provider has a site description.</summary>
    public abstract Type ProviderType { get; }

    /// <summary>Gets the public hosts a listing's URL must be on, e.g. <c>www.freelancer.com</c>; the first is where URLs made from an id or slug go.</summary>
    public abstract IReadOnlyList<string> SiteHosts { get; }

    /// <summary>Gets the path the provider's search requests go to, e.g. <c>/api/projects/0.1/projects/active/</c>.</summary>
    public abstract string SearchPath { get; }

    /// <summary>Gets a value indicating whether the search is a POST (a GraphQL API) rather than a GET.</summary>
    public virtual bool SearchIsPost => false;

    /// <summary>Gets the query that reaches <see cref="StubResults"/>' pages (and, for the fault suite, any page served for every request).</summary>
    public virtual GigQuery Query => new("logo design");

    /// <summary>Gets the file of one realistic page of results, served for every request in the fault suite.</summary>
    public abstract string ResultsFixture { get; }

    /// <summary>Gets how many requests one page costs when every request fails (a provider that asks a second address after a failure says 2).</summary>
    public virtual int SearchesPerFailedPage => 1;

    /// <summary>Gets a value indicating whether the site's listings have descriptions (for the security suite).</summary>
    public virtual bool HasDescriptions => true;

    /// <summary>
    /// Gets a value indicating whether the site's answers come in pages. A site that answers everything at once (a feed)
    /// says <see langword="false"/>: the suites' checks of a second page are then skipped, with this reason, and
    /// <see cref="SmallLimitOnPageTwo"/> should be the case whose listing is the last of the one page.
    /// </summary>
    public virtual bool HasPages => true;

    /// <summary>
    /// Gets a case where the query's limit is small and the one listing that passes its filters sits further down the
    /// first page than the limit: the aggregator must read on, and find it.
    /// </summary>
    public abstract ProviderTestCase SmallLimitFurtherDownThePage { get; }

    /// <summary>Gets a case where the query's limit is small and the only listing that passes its filters is on page 2.</summary>
    public abstract ProviderTestCase SmallLimitOnPageTwo { get; }

    /// <summary>Gets the site's own cases: queries over <see cref="StubResults"/>' pages and what they must give.</summary>
    public virtual IReadOnlyList<ProviderTestCase> Cases => [];

    /// <summary>Registers the provider, pointed at <paramref name="baseAddress"/> with the kit's fast test settings (<see cref="ProviderTestOptions.UseTestServer"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="baseAddress">The test server.</param>
    /// <param name="configure">More settings, applied after the test settings; or <see langword="null"/>.</param>
    public abstract void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions>? configure = null);

    /// <summary>Reads one of the site's recorded pages.</summary>
    /// <param name="name">The file name, e.g. <c>projects-page1.json</c>.</param>
    /// <returns>The page's text.</returns>
    public abstract string ReadFixture(string name);

    /// <summary>
    /// Serves the site's realistic results for <see cref="Query"/>: its recorded pages (at least two where the site has
    /// pages at all; see <see cref="HasPages"/>), then the site's end.
    /// </summary>
    /// <param name="server">The server.</param>
    public abstract void StubResults(WireMockServer server);

    /// <summary>Serves the site's answer to a search with no results, and returns the query that reaches it.</summary>
    /// <param name="server">The server.</param>
    /// <returns>The query.</returns>
    public abstract GigQuery StubEmpty(WireMockServer server);

    /// <summary>
    /// Makes a realistic page holding a listing with the given description and link (each <see langword="null"/> for
    /// the fixture's own), for the security suite.
    /// </summary>
    /// <param name="description">The description as the site would send it (HTML for HTML sites), or <see langword="null"/>.</param>
    /// <param name="link">The listing's link as the site would send it, or <see langword="null"/>.</param>
    /// <param name="id">The id of the listing that carries them.</param>
    /// <returns>The page.</returns>
    public abstract string ResultsWith(string? description, string? link, out string id);

    /// <summary>Makes page <paramref name="page"/> of a hostile site whose every page has new listings and says there are more.</summary>
    /// <param name="page">The page number, from 1.</param>
    /// <returns>The page.</returns>
    public abstract string EndlessPage(int page);

    /// <summary>Gets the content type a fixture is served with.</summary>
    /// <param name="fixture">The file name.</param>
    /// <returns>The content type.</returns>
    public virtual string ContentType(string fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return fixture.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
    }

    /// <summary>Gets a request matcher for the site's search requests (path and method).</summary>
    /// <returns>The matcher; add parameters to it.</returns>
    public IRequestBuilder SearchRequest()
    {
        var request = Request.Create().WithPath(SearchPath);
        return SearchIsPost ? request.UsingPost() : request.UsingGet();
    }

    /// <summary>Makes an answer that serves a fixture with its content type.</summary>
    /// <param name="fixture">The file name.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The answer.</returns>
    public IResponseBuilder Answer(string fixture, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", ContentType(fixture)).WithBody(ReadFixture(fixture));

    /// <summary>Makes an answer that serves a body with the content type of <see cref="ResultsFixture"/>.</summary>
    /// <param name="body">The body.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The answer.</returns>
    public IResponseBuilder AnswerWith(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", ContentType(ResultsFixture)).WithBody(body);

    /// <summary>
    /// Reads a fixture embedded in <paramref name="assembly"/>: the resource named <paramref name="name"/> exactly, or else
    /// the one whose name ends with <c>.Fixtures.</c><paramref name="name"/> (an assembly that embeds the fixtures of
    /// several sites names them in full).
    /// </summary>
    /// <param name="assembly">The assembly that embeds the site's fixtures.</param>
    /// <param name="name">The resource's name, or the file name.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FileNotFoundException">No embedded fixture has that name, or several do.</exception>
    protected static string ReadEmbedded(System.Reflection.Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var names = assembly.GetManifestResourceNames();
        var found = names.Contains(name, StringComparer.Ordinal) ? [name] : names.Where(r => r.EndsWith(".Fixtures." + name, StringComparison.Ordinal)).ToArray();
        if (found.Length != 1)
        {
            throw new FileNotFoundException(
                found.Length == 0 ? $"No fixture named '{name}' is embedded in {assembly.GetName().Name}." : $"Several fixtures named '{name}' are embedded in {assembly.GetName().Name}: {string.Join(", ", found)}; name it in full.",
                name);
        }

        using var stream = assembly.GetManifestResourceStream(found[0])!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;

namespace FreelanceAggregator.Testing;

/// <summary>A base for the kit's suites: a WireMock.Net server per test, and the site under test.</summary>
/// <typeparam name="TSite">The site's description.</typeparam>
public abstract class ProviderServerTests<TSite> : IDisposable
    where TSite : ProviderTestSite, new()
{
    /// <summary>Initializes a new instance and starts this test's server.</summary>
    protected ProviderServerTests() => Server = WireMockTestServer.Start();

    /// <summary>Gets the site under test.</summary>
    protected TSite Site { get; } = new();

    /// <summary>Gets this test's server.</summary>
    protected WireMockTestServer Server { get; }

    /// <summary>Gets the provider's name.</summary>
    protected string ProviderName => Site.ProviderName;

    /// <summary>Gets the path the provider's search requests go to.</summary>
    protected string SearchPath => Site.SearchPath;

    /// <summary>Gets the query the suites search with.</summary>
    protected GigQuery Query => Site.Query;

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the server.</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Server.Dispose();
        }
    }

    /// <summary>Gets a request matcher for the site's search requests.</summary>
    /// <returns>The matcher.</returns>
    protected IRequestBuilder SiteRequest() => Site.SearchRequest();

    /// <summary>Creates an aggregator with only this provider, pointed at the test server (or <paramref name="baseAddress"/>).</summary>
    /// <param name="configure">More provider settings, or <see langword="null"/>.</param>
    /// <param name="options">Aggregator options, or <see langword="null"/>.</param>
    /// <param name="baseAddress">Another server, or <see langword="null"/> for this test's.</param>
    /// <param name="alongside">Another provider to search at the same time, or <see langword="null"/>.</param>
    /// <returns>The aggregator; dispose it.</returns>
    protected GigAggregator CreateAggregator(Action<GigProviderOptions>? configure = null, Action<GigAggregatorOptions>? options = null, Uri? baseAddress = null, GigProvider? alongside = null) =>
        GigAggregator.Create(
            b =>
            {
                Site.AddProvider(b, baseAddress ?? Server.BaseAddress, configure);
                if (alongside is not null)
                {
                    b.AddProvider(alongside);
                }
            },
            options);
}

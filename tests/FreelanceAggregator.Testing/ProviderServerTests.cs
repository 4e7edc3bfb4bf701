using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;

namespace FreelanceAggregator.Testing;

/// <summary>
/// What the provider test suites that drive a real provider against its own WireMock server share: the server, one per
/// test; where the site's search request goes; and how to register the provider against the server.
/// </summary>
public abstract class ProviderServerTests : IDisposable
{
    /// <summary>Initializes a new instance and starts this test's server.</summary>
    protected ProviderServerTests() => Server = WireMockTestServer.Start();

    /// <summary>Gets this test's server.</summary>
    protected WireMockTestServer Server { get; }

    /// <summary>Gets the provider's name.</summary>
    protected abstract string ProviderName { get; }

    /// <summary>Gets the path of the site's search request on the test server, e.g. <c>/search/gigs</c>.</summary>
    protected abstract string SearchPath { get; }

    /// <summary>Gets a value indicating whether the search is a POST (GraphQL APIs) rather than a GET.</summary>
    protected virtual bool SearchIsPost => false;

    /// <summary>Gets a query whose listings the site's results satisfy (the aggregator filters what the site returns).</summary>
    protected virtual GigQuery Query => new();

    /// <summary>
    /// Registers the provider pointed at <paramref name="baseAddress"/> with fast test retries
    /// (<see cref="ProviderTestOptions.UseTestServer"/>), then applies <paramref name="configure"/>, which each test uses to
    /// set the retries, timeouts and caps it exercises.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="baseAddress">The test server.</param>
    /// <param name="configure">The test's settings, applied last.</param>
    protected abstract void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure);

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

    /// <summary>Matches the site's search request.</summary>
    /// <returns>The request matcher.</returns>
    protected IRequestBuilder SiteRequest()
    {
        var request = Request.Create().WithPath(SearchPath);
        return SearchIsPost ? request.UsingPost() : request.UsingGet();
    }
}

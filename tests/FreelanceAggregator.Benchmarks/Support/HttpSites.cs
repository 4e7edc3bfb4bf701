using Microsoft.Extensions.DependencyInjection;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;
using WireMock.Server;
using WireMock.Settings;

namespace FreelanceAggregator.Benchmarks.Support;

/// <summary>
/// The five built-in marketplaces with HTTP APIs or pages, served on loopback by WireMock.Net from their test site
/// descriptions (the same routes and recorded pages the providers' tests use), one server each (each site is its own
/// host), each answering every request after the same delay.
/// </summary>
internal sealed class HttpSites : IDisposable
{
    public const string Fiverr = "fiverr";
    public const string Freelancer = "freelancer";
    public const string ProjectsCoId = "projects.co.id";
    public const string Sribulancer = "sribulancer";
    public const string Upwork = "upwork";

    public static readonly string[] Names = [Fiverr, Freelancer, ProjectsCoId, Sribulancer, Upwork];

    private static readonly ProviderTestSite[] Sites = [new FiverrTestSite(), new FreelancerTestSite(), new ProjectsCoIdTestSite(), new SribulancerTestSite(), new UpworkTestSite()];

    private readonly Dictionary<string, WireMockServer> _servers = [];

    public HttpSites(TimeSpan delay)
    {
        foreach (var site in Sites)
        {
            var server = WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = false, MaxRequestLogCount = 16 });
            site.StubResults(server);
            server.AddGlobalProcessingDelay(delay);
            _servers[site.ProviderName] = server;
        }
    }

    /// <summary>Gets how many requests a site has answered (its log keeps the last 16).</summary>
    public int Requests(string site) => _servers[site].LogEntries.Count;

    public Uri BaseAddress(string site) => new(_servers[site].Url!.TrimEnd('/') + "/");

    /// <summary>Registers the real HTTP providers as their sites' tests do, each pointed at its own server, two pages at most, no pause between pages.</summary>
    public void AddProviders(IFreelanceAggregatorBuilder builder)
    {
        foreach (var site in Sites)
        {
            site.AddProvider(builder, BaseAddress(site.ProviderName), UseServer);
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers.Values)
        {
            server.Stop();
            server.Dispose();
        }
    }

    // The pause between pages is the provider's politeness, not its speed: with it at zero, two pages cost two answers.
    private static void UseServer(GigProviderOptions options)
    {
        options.MaxPages = 2;
        options.PageDelay = TimeSpan.Zero;
        options.MaxRetries = 1;
        options.RetryDelay = TimeSpan.Zero;
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.RequestTimeout = TimeSpan.FromSeconds(10);
    }
}

using FreelanceAggregator;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>Sample 1: register the provider with its own <c>AddRemoteOk()</c> and search. The README quotes the regions.</summary>
public sealed class Sample1_AddRemoteOk : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task SearchesRemoteOkRegisteredWithAddRemoteOk()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _server.StubFeed("remoteok-api-tag-python.json", tag: "python");

        #region Snippet:Sample1_AddRemoteOk
        var services = new ServiceCollection();
        services.AddFreelanceAggregator()
                .AddRemoteOk(o => o.RequestTimeout = TimeSpan.FromSeconds(20));
        #endregion

        // The test's stand-in for remoteok.com; BaseAddress moves requests only, never a listing's Url.
        services.Configure<RemoteOkOptions>(RemoteOkProvider.DefaultName, o => ProviderTestOptions.UseTestServer(o, _server.BaseAddress));
        using var output = new StringWriter();

        #region Snippet:Sample1_Search
        await using var serviceProvider = services.BuildServiceProvider();
        var aggregator = serviceProvider.GetRequiredService<GigAggregator>();

        var result = await aggregator.SearchAllAsync("skill:python sort:newest", cancellationToken);
        foreach (var gig in result.Gigs)
        {
            // A yearly salary is not a budget: Remote OK's salaries are in Extra.
            var salary = gig.Extra.TryGetValue("salaryMin", out var min) ? $", from {min} a year" : string.Empty;

            // Remote OK's terms: link to the job's page on Remote OK and name Remote OK as the source.
            output.WriteLine($"{gig.Title} at {gig.Client?.Name}{salary}, on Remote OK: {gig.Url}");
        }
        #endregion

        Assert.Equal(
            """
            Python Data Engineer at Northwind Analytics, from USD 120,000.00 a year, on Remote OK: https://remoteok.com/remote-jobs/remote-python-data-engineer-northwind-analytics-1137390
            Backend Python Developer at Ferrous, on Remote OK: https://remoteok.com/remote-jobs/remote-backend-python-developer-ferrous-1121877

            """,
            output.ToString().ReplaceLineEndings("\n"));
    }
}

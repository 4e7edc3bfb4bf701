using FreelanceAggregator.Providers.Freelancer;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace GigSearch;

internal static partial class Sites
{
    // Freelancer's REST API answers both Freelancer.com and Freelancer.co.id; only the options differ.
    private const string FreelancerSearchPath = "/api/projects/0.1/projects/active/";

    /// <summary>Freelancer.com: the public active-projects API; FREELANCER_OAUTH_TOKEN, when set, searches as that user.</summary>
    private static Site Freelancer() => new(
        FreelancerBuilderExtensions.DefaultName,
        (builder, offline) => builder.AddFreelancer(o => ConfigureFreelancer(o, offline)),
        (server, bundle) => ServeFreelancerPages(server, bundle, "freelancer", language: null, ("0", "projects-page1.json"), ("4", "projects-page2.json")));

    internal static void ConfigureFreelancer(FreelancerOptions options, Uri? offline)
    {
        if (offline is not null)
        {
            OfflineOptions.Apply(options, offline);
            return;
        }

        // Active-project search needs no token; one only makes the search a user's.
        if (Environment.GetEnvironmentVariable("FREELANCER_OAUTH_TOKEN") is { Length: > 0 } token)
        {
            options.OAuthToken = token.Trim();
        }
    }

    /// <summary>
    /// Stubs the recorded pages the way the API pages: by <c>offset</c>, for the registration's <c>languages[]</c>
    /// (none for Freelancer.com), on the GET the provider sends. The keywords are not matched: the bundle is one
    /// recorded search, and the aggregator filters it for whatever the user asked.
    /// </summary>
    internal static void ServeFreelancerPages(WireMockServer server, OfflineBundle bundle, string site, string? language, params (string Offset, string File)[] pages)
    {
        foreach (var (offset, file) in pages)
        {
            var request = Request.Create().WithPath(FreelancerSearchPath).UsingGet().WithParam("offset", offset);
            request = language is null ? request : request.WithParam("languages[]", language);
            server.Given(request).RespondWith(bundle.Answer(site, file, "application/json"));
        }
    }
}

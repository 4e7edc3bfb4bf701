using FreelanceAggregator.Providers;
using FreelanceAggregator.Providers.Fiverr;
using FreelanceAggregator.Providers.Freelancer;
using FreelanceAggregator.Providers.Microworkers;
using FreelanceAggregator.Providers.ProjectsCoId;
using FreelanceAggregator.Providers.Sribulancer;
using FreelanceAggregator.Providers.Upwork;
using Microsoft.Extensions.DependencyInjection;

namespace GigMcp;

/// <summary>A site the server searches: how its provider is registered live (credentials from the environment) or offline.</summary>
/// <param name="Name">The provider's name, as in <c>site:</c> and the tool's <c>sites</c>.</param>
/// <param name="Register">Registers the provider; the <see cref="Uri"/> is its offline server, or null for the live site.</param>
internal sealed record Site(string Name, Action<IFreelanceAggregatorBuilder, Uri?> Register);

/// <summary>Every provider the library ships, in the order results list them.</summary>
internal static class Sites
{
    /// <summary>The token the offline Upwork stand-in accepts. It is no secret: it opens nothing but the bundle.</summary>
    public const string UpworkStandInToken = "oauth2v2_0ff11e0ff11e0ff11e0ff11e0ff11e00";

    /// <summary>The session the offline Microworkers stand-in accepts. It is no real session: it opens nothing but the bundle.</summary>
    public const string MicroworkersStandInSession = "0ff11ne5e5510n0ff11ne5e551";

    public static IReadOnlyList<Site> All { get; } =
    [
        new(UpworkOptions.DefaultName, (b, offline) => b.AddUpwork(o => ConfigureUpwork(o, offline))),
        new(FiverrProvider.DefaultName, (b, offline) => b.AddFiverr(o => Offline(o, offline))),
        new(FreelancerBuilderExtensions.DefaultName, (b, offline) => b.AddFreelancer(o => ConfigureFreelancer(o, offline))),
        new(FreelancerBuilderExtensions.IndonesiaDefaultName, (b, offline) => b.AddFreelancerIndonesia(o => ConfigureFreelancer(o, offline))),
        new(SribulancerProvider.DefaultName, (b, offline) => b.AddSribulancer(o => Offline(o, offline))),
        new(ProjectsCoIdProvider.DefaultName, (b, offline) => b.AddProjectsCoId(o => Offline(o, offline))),
        new(MicroworkersProvider.DefaultName, (b, offline) => b.AddMicroworkers(o => ConfigureMicroworkers(o, offline))),
    ];

    public static IEnumerable<string> Names => All.Select(s => s.Name);

    public static Site? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Points a provider at its offline server, with nothing that waits for a real site's sake.</summary>
    private static void Offline(GigProviderOptions options, Uri? server)
    {
        if (server is null)
        {
            return;
        }

        options.BaseAddress = server;

        // Page delays and retries are politeness towards a real site; a recorded page answers the same on a retry.
        options.PageDelay = TimeSpan.Zero;
        options.MaxRetries = 0;
        options.RetryDelay = TimeSpan.Zero;
        // A local server answers at once unless the machine is busy; then waiting is better than a false failure.
        options.AttemptTimeout = TimeSpan.FromSeconds(60);
        options.RequestTimeout = TimeSpan.FromSeconds(60);
    }

    /// <summary>
    /// Upwork's credentials come only from the environment (<c>UPWORK_ACCESS_TOKEN</c>, or <c>UPWORK_CLIENT_ID</c>,
    /// <c>UPWORK_CLIENT_SECRET</c> and <c>UPWORK_REFRESH_TOKEN</c> or <c>UPWORK_REFRESH_TOKEN_FILE</c>), never from a
    /// tool's arguments: an assistant's conversation is no place for a token. Without any, Upwork's outcome says what to set.
    /// </summary>
    private static void ConfigureUpwork(UpworkOptions options, Uri? offline)
    {
        if (offline is not null)
        {
            Offline(options, offline);
            options.AccessToken = UpworkStandInToken;

            // Should a refresh ever be tried with the stand-in, it must reach the bundle's server, never Upwork.
            options.TokenEndpoint = new Uri(offline, "api/v3/oauth2/token");
            return;
        }

        options.AccessToken = Variable("UPWORK_ACCESS_TOKEN");
        options.ClientId = Variable("UPWORK_CLIENT_ID");
        options.ClientSecret = Variable("UPWORK_CLIENT_SECRET");
        options.RefreshToken = Variable("UPWORK_REFRESH_TOKEN");
        var file = Variable("UPWORK_REFRESH_TOKEN_FILE");
        if (file is not null && options.RefreshToken is null && File.Exists(file))
        {
            options.RefreshToken = File.ReadAllText(file).Trim() is { Length: > 0 } saved ? saved : null;
        }

        // Upwork replaces the refresh token on every refresh and the old one dies a day later: keep the new one where
        // the next start finds it, or say (without the token) that the variable will soon be stale.
        options.OnTokensRefreshed = async (tokens, cancellationToken) =>
        {
            if (!tokens.RefreshTokenChanged)
            {
                return;
            }

            if (file is not null)
            {
                await File.WriteAllTextAsync(file, tokens.RefreshToken, cancellationToken);
            }
            else
            {
                // Standard error, as every log line: standard output is the protocol's.
                await Console.Error.WriteLineAsync("Upwork issued a new refresh token; UPWORK_REFRESH_TOKEN will stop working within a day. Set UPWORK_REFRESH_TOKEN_FILE to keep it current.");
            }
        };
    }

    private static void ConfigureFreelancer(FreelancerOptions options, Uri? offline)
    {
        if (offline is not null)
        {
            Offline(options, offline);
            return;
        }

        // Active-project search needs no token; one only makes the search a user's.
        if (Variable("FREELANCER_OAUTH_TOKEN") is { } token)
        {
            options.OAuthToken = token;
        }
    }

    /// <summary>Microworkers shows its job list only to a logged-in worker: the session comes from <c>MICROWORKERS_SESSION</c>.</summary>
    private static void ConfigureMicroworkers(MicroworkersOptions options, Uri? offline)
    {
        if (offline is not null)
        {
            Offline(options, offline);
            options.SessionCookie = MicroworkersStandInSession;
            return;
        }

        options.SessionCookie = Variable("MICROWORKERS_SESSION");
    }

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}

using System.Text.Json;
using FreelanceAggregator.Providers.Upwork;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GigSearch;

internal static partial class Sites
{
    /// <summary>
    /// The token offline mode gives Upwork. Upwork never answers without a bearer token, so the bundled server asks for
    /// one too, and accepts only this one. It is no secret: it opens nothing but the bundle.
    /// </summary>
    internal const string UpworkStandInToken = "oauth2v2_0ff11e0ff11e0ff11e0ff11e0ff11e00";

    /// <summary>Upwork: the official GraphQL API, with a token from the environment (see <see cref="ConfigureUpworkLive(UpworkOptions)"/>).</summary>
    private static Site Upwork() => new(
        UpworkOptions.DefaultName,
        (builder, offline) => builder.AddUpwork(o =>
        {
            if (offline is null)
            {
                ConfigureUpworkLive(o);
                return;
            }

            OfflineOptions.Apply(o, offline);
            o.AccessToken = UpworkStandInToken;

            // A stand-in access token is never refreshed, but should a refresh ever be tried it must reach the bundle's
            // server, never Upwork.
            o.TokenEndpoint = new Uri(offline, "api/v3/oauth2/token");
        }),
        ServeUpwork);

    /// <summary>
    /// Reads the credentials from the environment: <c>UPWORK_ACCESS_TOKEN</c> (a token of the last 24 hours), and/or
    /// <c>UPWORK_CLIENT_ID</c>, <c>UPWORK_CLIENT_SECRET</c> and <c>UPWORK_REFRESH_TOKEN</c> (or
    /// <c>UPWORK_REFRESH_TOKEN_FILE</c>, a file that holds it and receives each new one). Without any, the provider
    /// fails with a message that says what to set, and the other sites are searched as usual.
    /// </summary>
    internal static void ConfigureUpworkLive(UpworkOptions options) => ConfigureUpworkLive(options, Environment.GetEnvironmentVariable);

    internal static void ConfigureUpworkLive(UpworkOptions options, Func<string, string?> environment)
    {
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
        // the next run finds it, or say (without the token) that the variable will soon be stale.
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
                // The provider calls this with no language to hand; Program set the UI culture to GigSearch's language.
                await Console.Error.WriteLineAsync(Strings.NoteUpworkRefreshToken);
            }
        };

        string? Variable(string name) => environment(name) is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }

    /// <summary>
    /// Stubs <c>POST /graphql</c> as Upwork answers it: the <c>marketplaceJobPostingsSearch</c> operation with the
    /// stand-in bearer token; the first page for a request without <c>pagination_eq.after</c>, the next one for the
    /// first page's <c>endCursor</c>; anything without the token is refused as Upwork refuses it.
    /// </summary>
    private static void ServeUpwork(WireMockServer server, OfflineBundle bundle)
    {
        foreach (var (after, file) in (ReadOnlySpan<(string?, string)>)[(null, "search-page1.json"), ("6", "search-page2.json")])
        {
            server.Given(Request.Create().WithPath("/graphql").UsingPost()
                    .WithHeader("Authorization", "Bearer " + UpworkStandInToken)
                    .WithBody((string? body) => IsUpworkSearch(body, after)))
                .AtPriority(1)
                .RespondWith(bundle.Answer("upwork", file, "application/json"));
        }

        server.Given(Request.Create().WithPath("/graphql").UsingPost()).AtPriority(2).RespondWith(Response.Create()
            .WithStatusCode(401)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"message":"Authentication failed"}"""));
    }

    private static bool IsUpworkSearch(string? body, string? after)
    {
        if (body is null)
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (!root.TryGetProperty("operationName", out var operation) || operation.GetString() != "marketplaceJobPostingsSearch"
                || !root.TryGetProperty("variables", out var variables) || !variables.TryGetProperty("marketPlaceJobFilter", out var filter))
            {
                return false;
            }

            // The provider asks again without pagination_eq if Upwork refuses paging; that is the first page too.
            var sent = filter.TryGetProperty("pagination_eq", out var paging) && paging.TryGetProperty("after", out var cursor) ? cursor.GetString() : null;
            return sent == after;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FreelanceAggregator.Providers.Upwork.Authentication;

/// <summary>
/// Upwork's OAuth2 token endpoint: the refresh request, and what its answers mean (new tokens, an expired or revoked
/// refresh token, wrong client credentials). Every message quoting the server is redacted by the caller's secrets.
/// </summary>
internal static class UpworkTokenEndpoint
{
    // The form Upwork's own libraries send (RFC 6749 §6); the client credentials go in the body, which is never logged.
    public static HttpRequestMessage CreateRefreshRequest(Uri endpoint, UpworkOptions options, string refreshToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"),
                new("refresh_token", refreshToken),
                new("client_id", options.ClientId!.Trim()),
                new("client_secret", options.ClientSecret!.Trim()),
            ]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Reads the token endpoint's answer: the new tokens, or the failure it stands for.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="redact">Takes every secret out of a text that quotes the server.</param>
    /// <returns>The tokens.</returns>
    /// <exception cref="GigProviderException">The endpoint refused (<see cref="GigProviderFailure.Unauthorized"/>) or answered with something unreadable.</exception>
    public static UpworkTokenResponse Read(GigHttpResponse response, Func<string, string> redact)
    {
        try
        {
            return ReadTokens(response, redact);
        }
        catch (InvalidOperationException ex)
        {
            // A JSON string with an invalid UTF-16 escape cannot be read as text.
            throw response.Fail("Upwork's token endpoint answered with text that cannot be read", GigProviderFailure.InvalidResponse, innerException: ex);
        }
    }

    private static UpworkTokenResponse ReadTokens(GigHttpResponse response, Func<string, string> redact)
    {
        if (!response.IsSuccessStatusCode)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                response.EnsureSuccess();
            }

            var (error, description) = ReadOAuthError(response);
            var said = error is null ? string.Empty : $" ({error}{(description is null ? string.Empty : ": " + description)})";
            var problem = error switch
            {
                "invalid_grant" =>
                    $"Upwork refused the refresh token{said}: it has expired (a refresh token lasts 14 days; one replaced by a refresh only 24 more hours), was revoked, or was replaced by a newer one that was not saved. "
                    + "Authorise the app again to get a new RefreshToken (README: 'Getting an Upwork token'), and persist each new one from OnTokensRefreshed",
                "invalid_client" or "unauthorized_client" =>
                    $"Upwork refused the client credentials{said}: check ClientId and ClientSecret (the API key and its secret)",
                _ when response.StatusCode == HttpStatusCode.Unauthorized =>
                    $"Upwork refused the client credentials{said}: check ClientId and ClientSecret (the API key and its secret)",
                _ => $"Upwork's token endpoint refused to refresh the access token{said}: check ClientId, ClientSecret and RefreshToken",
            };
            throw response.Fail(redact(problem), GigProviderFailure.Unauthorized, error is null ? null : redact(error));
        }

        using var json = response.ParseJson();
        var root = json.RootElement;
        var accessToken = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String ? Clean(JsonValues.ReadString(a)) : null;
        if (accessToken is null)
        {
            throw response.Fail("Upwork's token endpoint answered without an access_token", GigProviderFailure.InvalidResponse);
        }

        if (root.TryGetProperty("token_type", out var type) && type.ValueKind == JsonValueKind.String && !string.Equals(JsonValues.ReadString(type), "bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw response.Fail($"Upwork's token endpoint issued a '{redact(JsonValues.ReadString(type) ?? "(unreadable)")}' token where a bearer token was expected", GigProviderFailure.InvalidResponse);
        }

        var refreshToken = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? Clean(JsonValues.ReadString(r)) : null;
        TimeSpan? expiresIn = null;

        // Without a usable lifetime the token is used until Upwork refuses it, and then refreshed.
        if (JsonValues.GetDecimal(root, "expires_in") is { } seconds && seconds > 0 && seconds < 366 * 86_400)
        {
            expiresIn = TimeSpan.FromSeconds((double)seconds);
        }

        return new UpworkTokenResponse(accessToken, refreshToken, expiresIn);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Upwork's error answers follow RFC 6749 §5.2 ({"error", "error_description"}), some only {"message"}.
    private static (string? Error, string? Description) ReadOAuthError(GigHttpResponse response)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            static string? Text(JsonElement e, string name) => JsonValues.GetString(e, name)?.Trim();
            return (Text(root, "error"), Text(root, "error_description") ?? Text(root, "message"));
        }

        catch (JsonException)
        {
            return (null, null);
        }
    }
}

/// <summary>The token endpoint's answer. Deliberately not a record: a record's ToString would print the tokens.</summary>
internal sealed class UpworkTokenResponse(string accessToken, string? refreshToken, TimeSpan? expiresIn)
{
    public string AccessToken { get; } = accessToken;

    public string? RefreshToken { get; } = refreshToken;

    public TimeSpan? ExpiresIn { get; } = expiresIn;
}

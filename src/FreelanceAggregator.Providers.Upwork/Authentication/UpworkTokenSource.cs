using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace FreelanceAggregator.Providers.Upwork.Authentication;

/// <summary>Where a bearer token came from, so a 401 can say which credential was refused.</summary>
internal enum TokenOrigin
{
    /// <summary><see cref="UpworkOptions.AccessToken"/>.</summary>
    AccessToken,

    /// <summary><see cref="UpworkOptions.AccessTokenProvider"/>.</summary>
    Delegate,

    /// <summary>Obtained at the token endpoint with the refresh token.</summary>
    Refreshed,
}

/// <summary>A bearer token and where it came from. <see cref="ToString"/> never shows the value.</summary>
internal readonly struct BearerToken(string value, TokenOrigin origin)
{
    public string Value { get; } = value;

    public TokenOrigin Origin { get; } = origin;

    public override string ToString() => $"{Origin} token (value hidden)";
}

/// <summary>
/// Gives the provider a bearer token: the fixed one, the app's delegate's, or one obtained with the refresh token and
/// cached until it expires (by the injected clock). After a 401 it gets another one once. Refresh tokens rotate: the
/// newest is kept in memory and handed to <see cref="UpworkOptions.OnTokensRefreshed"/>. Thread-safe; one refresh at a time.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The SemaphoreSlim's wait handle is never used, so it holds nothing to dispose; the provider that owns this lives as long as the aggregator.")]
internal sealed partial class UpworkTokenSource
{
    /// <summary>A token this close to its expiry is refreshed before use, so it does not expire in flight.</summary>
    internal static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    private const string Redacted = "[redacted]";
    private const int MinSecretLength = 6;

    private readonly string _provider;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly object _gate = new();

    // The configured RefreshToken the current chain started from, the newest refresh token, and the cached access token.
    private string? _seedRefreshToken;
    private string? _refreshToken;
    private string? _accessToken;
    private DateTimeOffset? _expiresAt;

    // The configured AccessToken once Upwork refused it, so refresh mode stops offering it.
    private string? _refusedAccessToken;
    private string? _lastDelegateToken;
    private readonly List<string> _retiredSecrets = [];

    public UpworkTokenSource(string provider, TimeProvider time, ILogger logger)
    {
        _provider = provider;
        _time = time;
        _logger = logger;
    }

    /// <summary>The message of a search without any token. It says where the README explains how to get one.</summary>
    public static string NoTokenProblem =>
        "Upwork needs an OAuth2 access token and none is configured: set AccessToken, AccessTokenProvider, or ClientId + ClientSecret + RefreshToken in UpworkOptions; "
        + "the README section 'Getting an Upwork token' (https://github.com/FreelanceAggregator/FreelanceAggregator#getting-an-upwork-token) explains how to get one";

    /// <summary>Gets a token for the next request.</summary>
    /// <param name="options">The provider's current options.</param>
    /// <param name="http">The provider's client, for the token endpoint.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>The token.</returns>
    /// <exception cref="GigProviderException">No token is configured (<see cref="GigProviderFailure.Configuration"/>), or the refresh failed.</exception>
    public async ValueTask<BearerToken> GetAsync(UpworkOptions options, GigHttpClient http, CancellationToken cancellationToken)
    {
        if (options.AccessTokenProvider is { } provider)
        {
            return await AskDelegateAsync(provider, cancellationToken).ConfigureAwait(false);
        }

        if (options.CanRefresh)
        {
            lock (_gate)
            {
                Sync(options);
                if (CachedToken() is { } cached)
                {
                    return cached;
                }

                if (Clean(options.AccessToken) is { } configured && _accessToken is null && configured != _refusedAccessToken)
                {
                    return new BearerToken(configured, TokenOrigin.AccessToken);
                }
            }

            return await RefreshAsync(options, http, refused: null, cancellationToken).ConfigureAwait(false);
        }

        if (Clean(options.AccessToken) is { } fixedToken)
        {
            return new BearerToken(fixedToken, TokenOrigin.AccessToken);
        }

        throw new GigProviderException(_provider, NoTokenProblem, failure: GigProviderFailure.Configuration);
    }

    /// <summary>Gets another token after Upwork refused <paramref name="refused"/> with a 401, or <see langword="null"/> when there is no other one to try.</summary>
    /// <param name="options">The provider's current options.</param>
    /// <param name="http">The provider's client, for the token endpoint.</param>
    /// <param name="refused">The token Upwork refused.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>A new token, or <see langword="null"/>.</returns>
    /// <exception cref="GigProviderException">The refresh failed.</exception>
    public async ValueTask<BearerToken?> RenewAsync(UpworkOptions options, GigHttpClient http, BearerToken refused, CancellationToken cancellationToken)
    {
        if (options.AccessTokenProvider is { } provider)
        {
            var next = await AskDelegateAsync(provider, cancellationToken).ConfigureAwait(false);
            return next.Value == refused.Value ? null : next;
        }

        if (!options.CanRefresh)
        {
            return null;
        }

        if (refused.Origin == TokenOrigin.AccessToken)
        {
            lock (_gate)
            {
                _refusedAccessToken = refused.Value;
            }
        }

        return await RefreshAsync(options, http, refused.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces every secret this source knows (configured or obtained) in a text that came from the server or the app.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">The provider's current options.</param>
    /// <returns>The text without secrets.</returns>
    public string Redact(string text, UpworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string?> secrets;
        lock (_gate)
        {
            secrets = [options.AccessToken, options.RefreshToken, options.ClientSecret, _accessToken, _refreshToken, _seedRefreshToken, _lastDelegateToken, .. _retiredSecrets];
        }

        foreach (var secret in secrets.Select(Clean).Where(s => s is { Length: >= MinSecretLength }).Distinct().OrderByDescending(s => s!.Length))
        {
            text = text.Replace(secret!, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A different RefreshToken in the options (an options reload) starts a new chain from it, unless it is the newest
    // one already (an app that stored the rotated token in its configuration).
    private void Sync(UpworkOptions options)
    {
        var configured = Clean(options.RefreshToken);
        if (configured == _seedRefreshToken)
        {
            return;
        }

        _seedRefreshToken = configured;
        if (configured != _refreshToken)
        {
            Retire(_refreshToken);
            Retire(_accessToken);
            _refreshToken = configured;
            _accessToken = null;
            _expiresAt = null;
        }
    }

    private void Retire(string? secret)
    {
        if (secret is not null && _retiredSecrets.Count < 16)
        {
            _retiredSecrets.Add(secret);
        }
    }

    private BearerToken? CachedToken() =>
        _accessToken is { } token && (_expiresAt is not { } expires || _time.GetUtcNow() < expires - ExpiryMargin)
            ? new BearerToken(token, TokenOrigin.Refreshed)
            : null;

    private async ValueTask<BearerToken> AskDelegateAsync(Func<CancellationToken, ValueTask<string?>> provider, CancellationToken cancellationToken)
    {
        string? token;
        try
        {
            token = await provider(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not GigProviderException)
        {
            throw new GigProviderException(_provider, $"the AccessTokenProvider delegate failed ({ex.GetType().Name})", failure: GigProviderFailure.Configuration, innerException: ex);
        }

        if (Clean(token) is not { } value)
        {
            throw new GigProviderException(_provider, "the AccessTokenProvider delegate returned no token; " + NoTokenProblem, failure: GigProviderFailure.Configuration);
        }

        lock (_gate)
        {
            _lastDelegateToken = value;
        }

        return new BearerToken(value, TokenOrigin.Delegate);
    }

    private async ValueTask<BearerToken> RefreshAsync(UpworkOptions options, GigHttpClient http, string? refused, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string refreshToken;
            lock (_gate)
            {
                Sync(options);

                // Another search may have refreshed while this one waited: take its token, unless it is the refused one.
                if (CachedToken() is { } cached && cached.Value != refused)
                {
                    return cached;
                }

                refreshToken = _refreshToken!;
            }

            var endpoint = options.TokenEndpoint ?? UpworkOptions.DefaultTokenEndpoint;
            var response = await http.SendAsync(() => CreateRefreshRequest(endpoint, options, refreshToken), cancellationToken).ConfigureAwait(false);
            var tokens = ReadTokenResponse(response, options);

            UpworkTokensRefreshed refreshed;
            lock (_gate)
            {
                Retire(_accessToken);
                _accessToken = tokens.AccessToken;
                _expiresAt = tokens.ExpiresIn is { } lifetime ? _time.GetUtcNow() + lifetime : null;
                var rotated = tokens.RefreshToken is { } newest && newest != _refreshToken;
                if (rotated)
                {
                    Retire(_refreshToken);
                    _refreshToken = tokens.RefreshToken;
                }

                refreshed = new UpworkTokensRefreshed(_provider, _accessToken, _expiresAt, _refreshToken!, rotated);
            }

            LogRefreshed(_logger, _provider, endpoint, refreshed.AccessTokenExpiresAt, refreshed.RefreshTokenChanged);
            await NotifyAsync(options, refreshed, cancellationToken).ConfigureAwait(false);
            return new BearerToken(refreshed.AccessToken, TokenOrigin.Refreshed);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    // The form Upwork's own libraries send (RFC 6749 §6); the client credentials go in the body, which is never logged.
    private static HttpRequestMessage CreateRefreshRequest(Uri endpoint, UpworkOptions options, string refreshToken)
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

    private TokenResponse ReadTokenResponse(GigHttpResponse response, UpworkOptions options)
    {
        try
        {
            return ReadTokens(response, options);
        }
        catch (InvalidOperationException ex)
        {
            // A JSON string with an invalid UTF-16 escape cannot be read as text.
            throw response.Fail("Upwork's token endpoint answered with text that cannot be read", GigProviderFailure.InvalidResponse, innerException: ex);
        }
    }

    private TokenResponse ReadTokens(GigHttpResponse response, UpworkOptions options)
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
            throw response.Fail(Redact(problem, options), GigProviderFailure.Unauthorized, error is null ? null : Redact(error, options));
        }

        using var json = response.ParseJson();
        var root = json.RootElement;
        var accessToken = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String ? Clean(Text(a)) : null;
        if (accessToken is null)
        {
            throw response.Fail("Upwork's token endpoint answered without an access_token", GigProviderFailure.InvalidResponse);
        }

        if (root.TryGetProperty("token_type", out var type) && type.ValueKind == JsonValueKind.String && !string.Equals(Text(type), "bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw response.Fail($"Upwork's token endpoint issued a '{Redact(Text(type) ?? "(unreadable)", options)}' token where a bearer token was expected", GigProviderFailure.InvalidResponse);
        }

        var refreshToken = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? Clean(Text(r)) : null;
        TimeSpan? expiresIn = null;
        if (root.TryGetProperty("expires_in", out var e))
        {
            decimal seconds = 0;
            var known = e.ValueKind switch
            {
                JsonValueKind.Number => e.TryGetDecimal(out seconds),
                JsonValueKind.String => decimal.TryParse(Text(e), NumberStyles.Number, CultureInfo.InvariantCulture, out seconds),
                _ => false,
            };

            // Without a usable lifetime the token is used until Upwork refuses it, and then refreshed.
            if (known && seconds > 0 && seconds < 366 * 86_400)
            {
                expiresIn = TimeSpan.FromSeconds((double)seconds);
            }
        }

        return new TokenResponse(accessToken, refreshToken, expiresIn);
    }

    // GetString throws for a string holding an invalid UTF-16 escape (a lone "\ud800"), which is valid JSON syntax: such a
    // value is unreadable, not an exception that escapes the provider.
    private static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

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

            static string? Text(JsonElement e, string name) =>
                e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;
            return (Text(root, "error"), Text(root, "error_description") ?? Text(root, "message"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    private async ValueTask NotifyAsync(UpworkOptions options, UpworkTokensRefreshed refreshed, CancellationToken cancellationToken)
    {
        if (options.OnTokensRefreshed is not { } callback)
        {
            if (refreshed.RefreshTokenChanged)
            {
                LogRotatedWithoutCallback(_logger, _provider);
            }

            return;
        }

        try
        {
            await callback(refreshed, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The app's store failing must not lose the search: the new tokens are in memory. Only the exception's type
            // is logged, in case the app's message quotes a token.
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                LogCallbackFailed(_logger, _provider, ex.GetType().FullName ?? ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "{Provider}: obtained a new Upwork access token from {Endpoint}, valid until {ExpiresAt} (empty: until refused); refresh token rotated: {Rotated}.")]
    private static partial void LogRefreshed(ILogger logger, string provider, Uri endpoint, DateTimeOffset? expiresAt, bool rotated);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "{Provider}: Upwork replaced the refresh token, and no OnTokensRefreshed callback is set to persist the new one: it is kept in memory only, so the app must authorise again once the configured RefreshToken has expired.")]
    private static partial void LogRotatedWithoutCallback(ILogger logger, string provider);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "{Provider}: the OnTokensRefreshed callback failed with {ExceptionType}; the new tokens are kept in memory and the search goes on.")]
    private static partial void LogCallbackFailed(ILogger logger, string provider, string exceptionType);

    /// <summary>The token endpoint's answer. Deliberately not a record: a record's ToString would print the tokens.</summary>
    private sealed class TokenResponse(string accessToken, string? refreshToken, TimeSpan? expiresIn)
    {
        public string AccessToken { get; } = accessToken;

        public string? RefreshToken { get; } = refreshToken;

        public TimeSpan? ExpiresIn { get; } = expiresIn;
    }
}

using System.Diagnostics.CodeAnalysis;
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
            var response = await http.SendAsync(() => UpworkTokenEndpoint.CreateRefreshRequest(endpoint, options, refreshToken), cancellationToken).ConfigureAwait(false);
            var tokens = UpworkTokenEndpoint.Read(response, text => Redact(text, options));

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
}

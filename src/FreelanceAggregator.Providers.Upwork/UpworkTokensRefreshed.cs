using System.Globalization;

namespace FreelanceAggregator.Providers.Upwork;

/// <summary>
/// What <see cref="UpworkOptions.OnTokensRefreshed"/> receives after the provider refreshed its access token: the new
/// tokens, so the app can persist <see cref="RefreshToken"/> (Upwork replaces it on every refresh, and the replaced
/// one stops working 24 hours later).
/// </summary>
/// <remarks>It holds secrets: store them somewhere safe, and never log the values. <see cref="ToString"/> leaves them out.</remarks>
public sealed class UpworkTokensRefreshed
{
    internal UpworkTokensRefreshed(string provider, string accessToken, DateTimeOffset? accessTokenExpiresAt, string refreshToken, bool refreshTokenChanged)
    {
        Provider = provider;
        AccessToken = accessToken;
        AccessTokenExpiresAt = accessTokenExpiresAt;
        RefreshToken = refreshToken;
        RefreshTokenChanged = refreshTokenChanged;
    }

    /// <summary>Gets the name of the provider that refreshed (<c>upwork</c> unless registered under another name).</summary>
    public string Provider { get; }

    /// <summary>Gets the new access token.</summary>
    public string AccessToken { get; }

    /// <summary>Gets when the access token expires, or <see langword="null"/> when Upwork did not say.</summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; }

    /// <summary>Gets the newest refresh token: persist it and start from it next time (<see cref="UpworkOptions.RefreshToken"/>).</summary>
    public string RefreshToken { get; }

    /// <summary>Gets a value indicating whether Upwork returned a new refresh token (it normally does).</summary>
    public bool RefreshTokenChanged { get; }

    /// <summary>Describes the refresh without the tokens.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Provider}: access token refreshed, expires {(AccessTokenExpiresAt is { } at ? at.ToString("u", CultureInfo.InvariantCulture) : "at an unknown time")}; refresh token {(RefreshTokenChanged ? "rotated" : "unchanged")} (values hidden)");
}

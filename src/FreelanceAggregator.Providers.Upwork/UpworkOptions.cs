using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace FreelanceAggregator.Providers.Upwork;

/// <summary>
/// Options of the Upwork provider: where the GraphQL API and the OAuth2 token endpoint are, and how the provider gets
/// its bearer token. Set exactly one way to authenticate:
/// <list type="bullet">
/// <item><description><see cref="AccessToken"/>: a fixed access token (it expires after 24 hours);</description></item>
/// <item><description><see cref="AccessTokenProvider"/>: a delegate that returns the current token, for apps that keep tokens elsewhere;</description></item>
/// <item><description>
/// <see cref="ClientId"/>, <see cref="ClientSecret"/> and <see cref="RefreshToken"/>: the provider obtains access tokens at
/// <see cref="TokenEndpoint"/>, caches them until they expire and refreshes them itself. Upwork replaces the refresh
/// token on every refresh: persist the new one from <see cref="OnTokensRefreshed"/>. An <see cref="AccessToken"/> set as
/// well is used first, until it is refused.
/// </description></item>
/// </list>
/// Without any of them the provider does not search: its outcome fails with <see cref="GigProviderFailure.Configuration"/>.
/// </summary>
/// <remarks>
/// The secrets (<see cref="AccessToken"/>, <see cref="RefreshToken"/>, <see cref="ClientSecret"/>) never appear in
/// <see cref="ToString"/>, logs, exceptions or outcomes.
/// </remarks>
public sealed class UpworkOptions : GigProviderOptions
{
    /// <summary>The provider's default name, <c>upwork</c>.</summary>
    public const string DefaultName = "upwork";

    /// <summary>The most jobs Upwork returns in one page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Upwork's GraphQL API host; requests go to <c>graphql</c> below it.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.upwork.com/");

    /// <summary>Upwork's OAuth2 token endpoint.</summary>
    public static readonly Uri DefaultTokenEndpoint = new("https://www.upwork.com/api/v3/oauth2/token");

    /// <summary>
    /// Initializes a new instance with Upwork's defaults: <see cref="GigProviderOptions.BaseAddress"/>
    /// <c>https://api.upwork.com/</c>, <see cref="GigProviderOptions.PageDelay"/> 250 ms (Upwork allows 300 requests a
    /// minute per IP), and a <see cref="GigProviderOptions.UserAgent"/> naming this library.
    /// </summary>
    public UpworkOptions()
    {
        BaseAddress = DefaultBaseAddress;
        PageDelay = TimeSpan.FromMilliseconds(250);
        UserAgent = "FreelanceAggregator (+https://github.com/FreelanceAggregator/FreelanceAggregator)";
    }

    /// <summary>
    /// Gets or sets a fixed OAuth2 access token (<c>oauth2v2_…</c>). Upwork's access tokens expire after 24 hours; for
    /// longer-running apps set <see cref="ClientId"/>, <see cref="ClientSecret"/> and <see cref="RefreshToken"/> as well,
    /// or use <see cref="AccessTokenProvider"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Gets or sets a delegate that returns the current access token (or <see langword="null"/> when there is none), for
    /// apps that keep and refresh tokens themselves. It is called before each request; after a 401 it is called once
    /// more, and the request is retried once if it returns another token.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>Gets or sets the API key's client id (Upwork calls it the "Key"), used to refresh access tokens.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the API key's client secret, used to refresh access tokens.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Gets or sets the refresh token from the authorization-code flow. Upwork returns a new refresh token on every
    /// refresh (valid 14 days; the replaced one only 24 more hours): the provider keeps the newest in memory and hands
    /// it to <see cref="OnTokensRefreshed"/> so the app can store it for its next start. Setting a different value here
    /// later (an options reload) starts over from that value.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RefreshToken { get; set; }

    /// <summary>
    /// Gets or sets a callback run after every refresh with the new tokens, so the app can persist the rotated refresh
    /// token. It runs before the search goes on; if it throws, the failure is logged and the search goes on with the
    /// new tokens in memory.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (a rotated refresh token is then kept in memory only, and a warning is logged).</value>
    public Func<UpworkTokensRefreshed, CancellationToken, ValueTask>? OnTokensRefreshed { get; set; }

    /// <summary>Gets or sets Upwork's OAuth2 token endpoint (a test server or proxy in tests).</summary>
    /// <value>The default value is <c>https://www.upwork.com/api/v3/oauth2/token</c>.</value>
    [Required]
    public Uri? TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    /// <summary>
    /// Gets or sets the organization (tenant) id sent as <c>X-Upwork-API-TenantId</c>, for a token that belongs to several
    /// organizations, or <see langword="null"/> to let Upwork use the default one.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? TenantId { get; set; }

    /// <summary>
    /// Gets or sets how many jobs to ask for per page (<c>pagination_eq.first</c>): the most, since the aggregator asks
    /// for fewer when its query's limit is smaller and Upwork applies every filter of it (<see cref="GigPageRequest.PageSize"/>).
    /// </summary>
    /// <value>The default value is 50; at most <see cref="MaxPageSize"/>.</value>
    [Range(1, MaxPageSize)]
    public int PageSize { get; set; } = 50;

    /// <summary>Describes the options without any secret: which way of authenticating is set, never the values.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        static string Set(string? value) => string.IsNullOrEmpty(value) ? "not set" : "set";
        var text = new StringBuilder("UpworkOptions { ");
        text.Append(CultureInfo.InvariantCulture, $"BaseAddress = {BaseAddress}, TokenEndpoint = {TokenEndpoint}, ");
        text.Append(CultureInfo.InvariantCulture, $"Authentication = {Describe()}, ");
        text.Append(CultureInfo.InvariantCulture, $"AccessToken = {Set(AccessToken)}, AccessTokenProvider = {(AccessTokenProvider is null ? "not set" : "set")}, ");
        text.Append(CultureInfo.InvariantCulture, $"ClientId = {Set(ClientId)}, ClientSecret = {Set(ClientSecret)}, RefreshToken = {Set(RefreshToken)}, ");
        text.Append(CultureInfo.InvariantCulture, $"TenantId = {TenantId ?? "not set"}, PageSize = {PageSize}, MaxPages = {MaxPages} }}");
        return text.ToString();
    }

    /// <summary>Gets whether all three values needed to refresh access tokens are set.</summary>
    internal bool CanRefresh => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(RefreshToken);

    /// <summary>Gets whether any way to get a token is configured.</summary>
    internal bool HasAnyCredential => AccessTokenProvider is not null || CanRefresh || !string.IsNullOrWhiteSpace(AccessToken);

    internal string Describe() => (AccessTokenProvider, CanRefresh, string.IsNullOrWhiteSpace(AccessToken)) switch
    {
        ({ }, _, _) => "AccessTokenProvider delegate",
        (null, true, true) => "refresh token (ClientId, ClientSecret, RefreshToken)",
        (null, true, false) => "AccessToken, then refresh token (ClientId, ClientSecret, RefreshToken)",
        (null, false, false) => "fixed AccessToken",
        _ => "none (no token configured)",
    };
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers.Upwork.Authentication;
using FreelanceAggregator.Providers.Upwork.GraphQL;
using FreelanceAggregator.Providers.Upwork.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Upwork;

/// <summary>
/// Searches Upwork jobs through Upwork's official GraphQL API (<c>POST https://api.upwork.com/graphql</c>, query
/// <c>marketplaceJobPostingsSearch</c>) with an OAuth2 bearer token; see <see cref="UpworkOptions"/> for the ways to
/// give it one. Without a token it does not search and fails with <see cref="GigProviderFailure.Configuration"/>.
/// </summary>
/// <remarks>
/// <para>
/// Pushed down: the keywords (<c>searchExpression_eq</c>), fixed or hourly (<c>jobType_eq</c>), payment verified, the
/// budget or hourly-rate range when the query names the budget type and its bounds convert to USD, newest first.
/// Everything else is filtered by the aggregator. One page is one request with <c>pagination_eq</c>; the cursor is
/// Upwork's <c>endCursor</c>, passed back as it came. If Upwork refuses paging on the first page, that page is read
/// without paging and is the last one; if it refuses a later page, paging stops there. Either way a
/// <see cref="GigWarningKind.PagingStopped"/> warning says so.
/// </para>
/// <para>
/// A 401 is answered once with a fresh token (refreshed, or asked again from the delegate) and the request retried
/// once; 401 and 403 failures say which credential or scope is missing. GraphQL <c>errors[]</c> (sent with HTTP 200)
/// fail the search with the server's messages. Tokens never appear in logs, exceptions or outcomes.
/// </para>
/// </remarks>
public sealed partial class UpworkProvider : HttpGigProvider<UpworkOptions>
{
    private const string Scopes = "'Common Entities - Read-Only Access' and 'Read marketplace Job Postings'";

    private readonly UpworkTokenSource _tokens;
    private readonly ExchangeRateProvider _exchangeRates;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name (<see cref="UpworkOptions.DefaultName"/> unless registered under another).</param>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The provider's named options.</param>
    /// <param name="timeProvider">The clock (token expiry), or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>.</param>
    /// <param name="exchangeRates">The rates used to express a budget filter in USD, or <see langword="null"/> for the embedded ECB snapshot.</param>
    public UpworkProvider(
        string name,
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<UpworkOptions> options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        ExchangeRateProvider? exchangeRates = null)
        : base(name, httpClientFactory, options, timeProvider, loggerFactory)
    {
        _tokens = new UpworkTokenSource(name, TimeProvider, Logger);
        _exchangeRates = exchangeRates ?? ExchangeRateProvider.Default;
    }

    /// <inheritdoc/>
    public override GigProviderCapabilities Capabilities { get; } = new()
    {
        Kinds = [GigKind.Job],
        // Not Budget: a budget reaches Upwork only when the query also names fixed or hourly (UpworkGraphQL), so a
        // budget filter alone is the aggregator's, and the page-size hint must not count on the site applying it.
        ServerSideFilters = GigFilters.Keywords | GigFilters.BudgetType | GigFilters.PaymentVerified,
        FilterableFields = GigFilters.All,
        Marketplace = "upwork",
        SiteHosts = ["www.upwork.com"],
    };

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The request's cursor is blank: it is not an <c>endCursor</c> Upwork gave.</exception>
    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = request.Cursor;
        if (after is not null && string.IsNullOrWhiteSpace(after))
        {
            throw new ArgumentException($"The cursor '{after}' is not one Upwork gave: an endCursor is never blank.", nameof(request));
        }

        var options = Options;
        if (!options.HasAnyCredential)
        {
            // Never a silent empty result, and never a request without a token.
            throw new GigProviderException(Name, UpworkTokenSource.NoTokenProblem, failure: GigProviderFailure.Configuration);
        }

        var http = CreateHttpClient();
        var filter = await UpworkGraphQL.CreateFilterAsync(request.Query, _exchangeRates, cancellationToken).ConfigureAwait(false);
        var first = Math.Min(request.PageSize ?? options.PageSize, options.PageSize);
        var warnings = new List<GigWarning>();
        var paged = true;
        Answer answer;
        try
        {
            answer = await FetchAsync(http, options, filter, first, after, cancellationToken).ConfigureAwait(false);
        }
        catch (GigProviderException ex) when (MayBePagingRefused(ex, http))
        {
            if (after is not null)
            {
                // The pages read so far stand; the site gave no way to read on.
                return new GigPage([], nextCursor: null)
                {
                    Warnings = [new GigWarning(GigWarningKind.PagingStopped, $"{Name}: Upwork refused the next page (pagination_eq after '{after}': {Redact(ex.Problem, options)}); the search stopped after {request.PageIndex} pages.")],
                    RequestUri = ex.RequestUri,
                };
            }

            // One source reports that Upwork's resolver fails (HTTP 500) for any request with pagination_eq. Ask once
            // more without it: if that works, paging was the problem, and the first page is all there is.
            answer = await FetchAsync(http, options, filter, first: null, after: null, cancellationToken).ConfigureAwait(false);
            paged = false;
            warnings.Add(new GigWarning(GigWarningKind.PagingStopped, $"{Name}: Upwork refused paging (pagination_eq: {Redact(ex.Problem, options)}); only the first page, as Upwork sizes it without paging, was read."));
        }

        var page = answer.Page;
        if (answer.Errors is { } errors)
        {
            // GraphQL may answer with data and errors at once (e.g. NullValueInNonNullableField for one job): keep the data.
            warnings.Add(new GigWarning(GigWarningKind.PartialAnswer, $"{Name}: Upwork answered with data and errors; the readable jobs were kept. Errors: {errors}"));
        }

        foreach (var warning in page.Warnings)
        {
            // A warning quotes the job's own values, which could echo anything: no secret leaves through it.
            warnings.Add(warning with { Message = Redact(warning.Message, options) });
        }

        string? next = null;
        if (paged && page.HasNextPage && page.EdgeCount > 0)
        {
            if (string.IsNullOrWhiteSpace(page.EndCursor) || page.EndCursor == after)
            {
                warnings.Add(new GigWarning(GigWarningKind.PagingStopped, $"{Name}: Upwork said there are more jobs but gave no new cursor (endCursor '{Redact(page.EndCursor ?? string.Empty, options)}'); the search stopped after {request.PageIndex + 1} pages."));
            }
            else
            {
                next = page.EndCursor;
            }
        }

        return new GigPage(page.Gigs, next)
        {
            TotalCount = page.TotalCount,
            Warnings = warnings,
            RequestUri = answer.RequestUri,
        };
    }

    // A server error or a GraphQL error of the search itself may be Upwork refusing pagination_eq; a refused token, a
    // missing scope, a timeout, an unreadable answer or a failing token endpoint is not, and fails the search as it is.
    private static bool MayBePagingRefused(GigProviderException ex, GigHttpClient http) =>
        ex.RequestUri == http.Resolve("graphql")
        && (ex.Failure == GigProviderFailure.SiteError || (ex.Failure == GigProviderFailure.HttpStatus && (int?)ex.StatusCode >= 500));

    private async Task<Answer> FetchAsync(GigHttpClient http, UpworkOptions options, UpworkSearchFilter filter, int? first, string? after, CancellationToken cancellationToken)
    {
        var body = UpworkGraphQL.CreateBody(filter, first, after);
        var token = await _tokens.GetAsync(options, http, cancellationToken).ConfigureAwait(false);
        var response = await PostAsync(http, options, body, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            LogTokenRefused(Logger, Name, token.Origin);
            var renewed = await _tokens.RenewAsync(options, http, token, cancellationToken).ConfigureAwait(false);
            if (renewed is not { } next)
            {
                throw Unauthorized(response, options, token.Origin, retried: false);
            }

            token = next;
            response = await PostAsync(http, options, body, token, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw Unauthorized(response, options, token.Origin, retried: true);
            }
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw response.Fail(
                $"Upwork refused the request (forbidden{ServerSays(response, options)}): the API key or its token lacks a scope this search needs. "
                + $"The key needs the scopes {Scopes}; add them to the key and authorise again (tokens issued before a scope change stop working)",
                GigProviderFailure.Forbidden);
        }

        response.EnsureSuccess();
        var settings = new UpworkParseSettings(Name, response.RequestUri, TimeProvider.GetUtcNow());
        var page = response.TryGetUtf8Body(out var utf8)
            ? UpworkSearchParser.Parse(utf8, settings)
            : UpworkSearchParser.Parse(response.Text, settings);
        if (page.Errors.Count == 0)
        {
            return new Answer(page, response.RequestUri, null);
        }

        var messages = Redact(string.Join("; ", page.Errors.Select(e => e.Classification is null ? e.Message : $"{e.Message} [{e.Classification}]").Distinct().Take(5)), options);
        if (page.IsScopeError)
        {
            throw response.Fail(
                $"Upwork refused the search: the token lacks a scope ({messages}). The API key needs the scopes {Scopes}; add them to the key and authorise again",
                GigProviderFailure.Forbidden);
        }

        if (!page.HasData)
        {
            throw response.Fail($"Upwork's GraphQL API answered with errors: {messages}", GigProviderFailure.SiteError);
        }

        return new Answer(page, response.RequestUri, messages);
    }

    private static Task<GigHttpResponse> PostAsync(GigHttpClient http, UpworkOptions options, byte[] body, BearerToken token, CancellationToken cancellationToken) =>
        http.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, http.Resolve("graphql")) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (!string.IsNullOrWhiteSpace(options.TenantId))
                {
                    request.Headers.TryAddWithoutValidation("X-Upwork-API-TenantId", options.TenantId.Trim());
                }

                return request;
            },
            cancellationToken);

    private GigProviderException Unauthorized(GigHttpResponse response, UpworkOptions options, TokenOrigin origin, bool retried)
    {
        var said = ServerSays(response, options);
        var problem = (origin, retried) switch
        {
            (TokenOrigin.Refreshed, true) =>
                $"Upwork refused a freshly refreshed access token (unauthorized{said}): the API key (ClientId) may be disabled, or its scopes changed; authorise the app again",
            (TokenOrigin.Refreshed, false) =>
                $"Upwork refused the refreshed access token (unauthorized{said}); authorise the app again",
            (TokenOrigin.Delegate, _) =>
                $"Upwork refused the token from AccessTokenProvider (unauthorized{said}): it is expired (access tokens last 24 hours) or revoked, and asking the delegate again gave no other token",
            _ =>
                $"Upwork refused the AccessToken (unauthorized{said}): it is expired (access tokens last 24 hours) or revoked. Set a fresh AccessToken, "
                + "or set ClientId, ClientSecret and RefreshToken so the provider refreshes tokens itself (README: 'Getting an Upwork token')",
        };
        return response.Fail(problem, GigProviderFailure.Unauthorized);
    }

    // Upwork's 401/403 bodies are small JSON such as {"message":"Authentication failed"}; quote that message, redacted.
    private string ServerSays(GigHttpResponse response, UpworkOptions options)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Body);
            var root = json.RootElement;
            var message = JsonValues.GetString(root, "message") ?? JsonValues.GetString(root, "errors", 0, "message");
            if (string.IsNullOrWhiteSpace(message))
            {
                return string.Empty;
            }

            message = message.Trim();
            return ": \"" + Redact(message.Length > 200 ? message[..200] + "..." : message, options) + "\"";
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private string Redact(string text, UpworkOptions options) => _tokens.Redact(text, options);

    // One answer: the page read, the address that gave it, and the GraphQL errors sent with the data (redacted), if any.
    private readonly record struct Answer(UpworkSearchPage Page, Uri RequestUri, string? Errors);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "{Provider}: Upwork refused the {Origin} access token (HTTP 401); getting another one and retrying once.")]
    private static partial void LogTokenRefused(ILogger logger, string provider, TokenOrigin origin);
}

using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FreelanceAggregator.Providers;

/// <summary>
/// The HTTP side every provider shares: sends a request with the provider's resilient client, follows redirects only
/// within the site, caps the response size, and turns every transport failure into a <see cref="GigProviderException"/>
/// that names the provider and the URL. Providers read the answer from the returned <see cref="GigHttpResponse"/>.
/// </summary>
public sealed partial class GigHttpClient
{
    private const int MaxRedirects = 5;
    private readonly HttpClient _httpClient;
    private readonly GigProviderOptions _options;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="httpClient">The provider's client (from <c>IHttpClientFactory</c>, named after the provider).</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="options">The provider's options (base address, size cap).</param>
    /// <param name="logger">A logger, or <see langword="null"/>. Request headers are never logged.</param>
    public GigHttpClient(HttpClient httpClient, string provider, GigProviderOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        Provider = provider;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the provider's name.</summary>
    public string Provider { get; }

    /// <summary>Gets where requests go.</summary>
    public Uri BaseAddress => _options.BaseAddress ?? _httpClient.BaseAddress
        ?? throw new InvalidOperationException($"Provider '{Provider}' has no BaseAddress.");

    /// <summary>Resolves a path (<c>/api/...</c>) against <see cref="BaseAddress"/>.</summary>
    /// <param name="pathAndQuery">A relative or absolute address.</param>
    /// <returns>The absolute address.</returns>
    public Uri Resolve(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>Sends a GET request.</summary>
    /// <param name="pathAndQuery">A path relative to <see cref="BaseAddress"/>, or an absolute address.</param>
    /// <param name="cancellationToken">A token to cancel the request.</param>
    /// <returns>The answer, whatever its status; see <see cref="GigHttpResponse.EnsureSuccess"/>.</returns>
    /// <exception cref="GigProviderException">The site could not be reached, timed out, redirected off the site, or sent more than the size cap.</exception>
    public Task<GigHttpResponse> GetAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Resolve(pathAndQuery)), cancellationToken);

    /// <summary>Sends a request built by <paramref name="createRequest"/> (called again for each same-site redirect of a GET).</summary>
    /// <param name="createRequest">Builds the request; its address may be relative to <see cref="BaseAddress"/>.</param>
    /// <param name="cancellationToken">A token to cancel the request.</param>
    /// <returns>The answer, whatever its status; see <see cref="GigHttpResponse.EnsureSuccess"/>.</returns>
    /// <exception cref="GigProviderException">The site could not be reached, timed out, redirected off the site, or sent more than the size cap.</exception>
    public async Task<GigHttpResponse> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        Uri? redirectTo = null;
        for (var hop = 0; ; hop++)
        {
            using var request = createRequest();
            if (request.RequestUri is null || !request.RequestUri.IsAbsoluteUri)
            {
                request.RequestUri = new Uri(BaseAddress, request.RequestUri?.OriginalString ?? string.Empty);
            }

            if (redirectTo is not null)
            {
                request.RequestUri = redirectTo;
            }

            var uri = request.RequestUri;
            var response = await SendOnceAsync(request, uri, cancellationToken).ConfigureAwait(false);
            if (response.Location is not { } location)
            {
                return response;
            }

            // Redirects are followed by hand, and only within the site: a bounce to a login page, a merged site or
            // a bot wall on another host is reported as such instead of being read as a search result.
            var target = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (!SameSite(uri, target))
            {
                throw new GigProviderException(Provider, $"the site redirected to another host ({target.AbsoluteUri}), which is not followed", uri, response.StatusCode, GigProviderFailure.Redirected);
            }

            if (request.Method != HttpMethod.Get || hop >= MaxRedirects)
            {
                throw new GigProviderException(Provider, hop >= MaxRedirects ? $"the site redirected more than {MaxRedirects} times" : $"the site redirected a {request.Method} request to {target.AbsoluteUri}", uri, response.StatusCode, GigProviderFailure.Redirected);
            }

            redirectTo = target;
        }
    }

    private async Task<GigHttpResponse> SendOnceAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        // The aggregator's timeout cancels the search from outside; the search context lets it name the request that
        // was still waiting, as every other failure names its URL.
        var context = GigSearchContext.Current;
        context?.RequestStarted(uri);
        try
        {
            return await ReadAnswerAsync(request, uri, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context?.RequestEnded();
        }
    }

    private async Task<GigHttpResponse> ReadAnswerAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        LogRequest(_logger, Provider, request.Method, uri);
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Classify(ex, cancellationToken) is { } failure)
        {
            throw new GigProviderException(Provider, failure.Problem, uri, null, failure.Kind, innerException: ex);
        }

        using (response)
        {
            var finalUri = response.RequestMessage?.RequestUri ?? uri;
            if (!SameSite(uri, finalUri))
            {
                // A handler that follows redirects itself (a custom PrimaryHandlerFactory) still may not leave the site.
                throw new GigProviderException(Provider, $"the site redirected to another host ({finalUri.AbsoluteUri}), which is not followed", uri, response.StatusCode, GigProviderFailure.Redirected);
            }

            var status = response.StatusCode;
            if ((int)status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                return new GigHttpResponse(Provider, finalUri, status, null, [], null, location);
            }

            var length = response.Content.Headers.ContentLength;
            if (length > _options.MaxResponseBytes)
            {
                throw TooLarge(finalUri, status, length.Value);
            }

            byte[]? body;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    body = await BoundedRead.ReadAsync(stream, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (Classify(ex, cancellationToken) is { } failure)
            {
                throw new GigProviderException(Provider, "the connection failed while the answer was being read (" + failure.Problem + ")", finalUri, status, failure.Kind == GigProviderFailure.Timeout ? failure.Kind : GigProviderFailure.Network, innerException: ex);
            }

            if (body is null)
            {
                throw TooLarge(finalUri, status, null);
            }

            LogResponse(_logger, Provider, (int)status, uri, body.Length);
            return new GigHttpResponse(Provider, finalUri, status, response.Content.Headers.ContentType, body, RetryAfter(response.Headers.RetryAfter), null);
        }
    }

    private GigProviderException TooLarge(Uri uri, HttpStatusCode status, long? length) => new(
        Provider,
        length is { } l
            ? $"the answer is {l:N0} bytes, over the {_options.MaxResponseBytes:N0}-byte cap (raise MaxResponseBytes if the site really sends this much)"
            : $"the answer is over the {_options.MaxResponseBytes:N0}-byte cap (raise MaxResponseBytes if the site really sends this much)",
        uri,
        status,
        GigProviderFailure.ResponseTooLarge);

    private static (string Problem, GigProviderFailure Kind)? Classify(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException => ("the request timed out after retries (RequestTimeout/AttemptTimeout)", GigProviderFailure.Timeout),
        OperationCanceledException or TimeoutException => ("the request timed out", GigProviderFailure.Timeout),
        BrokenCircuitException => ("recent requests failed so often that requests are held back for a while (circuit open); try again later", GigProviderFailure.CircuitOpen),
        HttpRequestException h => ("the site could not be reached: " + Innermost(h), GigProviderFailure.Network),
        IOException io => ("the connection broke: " + io.Message, GigProviderFailure.Network),
        _ => null,
    };

    private static string Innermost(Exception ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            message = inner.Message;
        }

        return message;
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    // www.site.com and site.com are one site; anything else is another host.
    private static bool SameSite(Uri a, Uri b) =>
        string.Equals(StripWww(a.Host), StripWww(b.Host), StringComparison.OrdinalIgnoreCase) && (a.Scheme == b.Scheme || b.Scheme == Uri.UriSchemeHttps);

    private static string StripWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "{Provider}: {Method} {Uri}")]
    private static partial void LogRequest(ILogger logger, string provider, HttpMethod method, Uri uri);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "{Provider}: HTTP {Status} from {Uri}, {Bytes} bytes")]
    private static partial void LogResponse(ILogger logger, string provider, int status, Uri uri, int bytes);
}

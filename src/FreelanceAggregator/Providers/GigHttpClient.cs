using System.Globalization;
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

    /// <summary>Gets or sets where a long <c>Retry-After</c> is remembered across requests (the provider's, shared by its clients).</summary>
    internal RetryAfterGate? Gate { get; init; }

    /// <summary>Gets or sets the clock that times a remembered <c>Retry-After</c>.</summary>
    internal TimeProvider Clock { get; init; } = TimeProvider.System;

    // The longest wait a retry may take: what one request may take in all, or the provider's whole search if shorter.
    private TimeSpan WaitBudget => _options.SearchTimeout is { } search && search < _options.RequestTimeout ? search : _options.RequestTimeout;

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
        ThrowIfHeldBack(createRequest);
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
            ThrowIfAskedToWaitTooLong(response);
            if (response.Location is not { } location)
            {
                return response;
            }

            // Redirects are followed by hand, and only within the site: a bounce to a login page, a merged site or
            // a bot wall on another host is reported as such instead of being read as a search result.
            var target = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (!SameSite(uri, target))
            {
                throw new GigProviderException(Provider, $"the site redirected to another {(string.Equals(StripWww(uri.Host), StripWww(target.Host), StringComparison.OrdinalIgnoreCase) ? "port" : "host")} ({target.AbsoluteUri}), which is not followed", uri, response.StatusCode, GigProviderFailure.Redirected);
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
        try
        {
            return await ReadAnswerAsync(request, uri, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex is not RequestCanceledException)
        {
            // The aggregator's timeout cancels from outside; carrying the address lets it say which request was still
            // waiting, as every other failure names its URL.
            throw new RequestCanceledException(uri, ex, cancellationToken);
        }
    }

    private async Task<GigHttpResponse> ReadAnswerAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        LogRequest(_logger, Provider, request.Method, uri);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
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

            // The resilience handler's timeouts end when the headers arrive; the body must arrive within what is left of
            // the request's own timeout too, or a site that sends a byte now and then would hold the provider forever.
            var left = _options.RequestTimeout - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyTimeout.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            var read = new BoundedRead.Progress();
            byte[]? body;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(bodyTimeout.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    body = await BoundedRead.ReadAsync(stream, _options.MaxResponseBytes, read, bodyTimeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested && bodyTimeout.IsCancellationRequested)
            {
                throw new GigProviderException(
                    Provider,
                    string.Create(CultureInfo.InvariantCulture, $"the site stopped sending: {read.Bytes:N0} bytes of the answer had arrived when the request's {_options.RequestTimeout.TotalSeconds:0.###} s timeout (RequestTimeout) ran out"),
                    finalUri,
                    status,
                    GigProviderFailure.Timeout,
                    innerException: ex);
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

    // A wait the site asked for earlier, longer than the provider could wait, is kept: until it has passed, no request
    // is sent, so that the site is not asked again before it said to.
    private void ThrowIfHeldBack(Func<HttpRequestMessage> createRequest)
    {
        if (Gate is not { } gate || !gate.IsHeld(Clock.GetUtcNow(), out var until, out var asked))
        {
            return;
        }

        Uri uri;
        using (var request = createRequest())
        {
            uri = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : new Uri(BaseAddress, request.RequestUri?.OriginalString ?? string.Empty);
        }

        throw new GigProviderException(
            Provider,
            string.Create(CultureInfo.InvariantCulture, $"rate limited: the site asked to wait {asked.TotalSeconds:N0} s (Retry-After), so no request is sent before {until.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z (circuit open until then)"),
            uri,
            null,
            GigProviderFailure.CircuitOpen);
    }

    // The resilience handler does not retry after a Retry-After longer than the budget (see AddGigProviderHttpClient):
    // nobody waits a day, and waiting out the budget would only end in a timeout that hides why.
    private void ThrowIfAskedToWaitTooLong(GigHttpResponse response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || response.RetryAfter is not { } wait || wait <= WaitBudget)
        {
            return;
        }

        var until = Clock.GetUtcNow() + wait;
        Gate?.Hold(until, wait);
        var what = response.StatusCode == HttpStatusCode.TooManyRequests ? "rate limited" : "the site is unavailable";
        throw new GigProviderException(
            Provider,
            string.Create(CultureInfo.InvariantCulture, $"{what}; the site asked to wait {wait.TotalSeconds:N0} s (Retry-After), longer than the {WaitBudget.TotalSeconds:0.###} s this provider may wait, so it is not asked again before {until.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"),
            response.RequestUri,
            response.StatusCode,
            response.StatusCode == HttpStatusCode.TooManyRequests ? GigProviderFailure.RateLimited : GigProviderFailure.HttpStatus);
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

    // www.site.com and site.com are one site; another host, or another port of the same host, is another origin. The one
    // change allowed is the upgrade from http to https on the default ports.
    private static bool SameSite(Uri a, Uri b) =>
        string.Equals(StripWww(a.Host), StripWww(b.Host), StringComparison.OrdinalIgnoreCase)
        && ((a.Scheme == b.Scheme && a.Port == b.Port) || (b.Scheme == Uri.UriSchemeHttps && a.IsDefaultPort && b.IsDefaultPort));

    private static string StripWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "{Provider}: {Method} {Uri}")]
    private static partial void LogRequest(ILogger logger, string provider, HttpMethod method, Uri uri);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "{Provider}: HTTP {Status} from {Uri}, {Bytes} bytes")]
    private static partial void LogResponse(ILogger logger, string provider, int status, Uri uri, int bytes);
}

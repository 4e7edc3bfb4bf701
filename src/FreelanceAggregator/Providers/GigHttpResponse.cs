using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FreelanceAggregator.Providers;

/// <summary>A site's answer, read whole within the size cap, with helpers that turn bad answers into clear <see cref="GigProviderException"/>s.</summary>
public sealed class GigHttpResponse
{
    private readonly MediaTypeHeaderValue? _contentType;
    private string? _text;

    internal GigHttpResponse(string provider, Uri requestUri, HttpStatusCode statusCode, MediaTypeHeaderValue? contentType, byte[] body, TimeSpan? retryAfter, Uri? location)
    {
        Provider = provider;
        RequestUri = requestUri;
        StatusCode = statusCode;
        _contentType = contentType;
        Body = body;
        RetryAfter = retryAfter;
        Location = location;
    }

    /// <summary>Gets the provider's name.</summary>
    public string Provider { get; }

    /// <summary>Gets the address that answered.</summary>
    public Uri RequestUri { get; }

    /// <summary>Gets the HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets a value indicating whether the status is 2xx.</summary>
    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and < 300;

    /// <summary>Gets the media type (e.g. <c>application/json</c>), if the site sent one.</summary>
    public string? MediaType => _contentType?.MediaType;

    /// <summary>Gets the body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the wait the site asked for in <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Gets the body as text, decoded as browsers do: by its byte-order mark (UTF-8, UTF-16 or UTF-32) when it has one,
    /// else with the charset the site declared, else as UTF-8.
    /// </summary>
    /// <exception cref="GigProviderException">The body has no byte-order mark and no charset, and is not UTF-8 text (<see cref="GigProviderFailure.InvalidResponse"/>).</exception>
    public string Text => _text ??= Decode();

    /// <summary>
    /// Gets the body as UTF-8 without a byte order mark, when <see cref="Text"/> would be decoded from UTF-8 and the bytes
    /// are valid UTF-8. A JSON parser can then read the bytes as they came, instead of <see cref="Text"/>: decoding a page
    /// into a string and encoding it back costs more than parsing it, and a string over 42,500 characters lands on the
    /// large object heap.
    /// </summary>
    /// <param name="utf8">The body, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the body is valid UTF-8 and no other charset was declared; otherwise read <see cref="Text"/>.</returns>
    public bool TryGetUtf8Body(out ReadOnlyMemory<byte> utf8)
    {
        if (FromByteOrderMark(Body.Span) is { } marked && marked.Encoding is not UTF8Encoding)
        {
            utf8 = default;
            return false;
        }

        utf8 = Body.Span.StartsWith(Encoding.UTF8.Preamble) ? Body[3..] : Body;
        var utf8Declared = utf8.Length != Body.Length || DeclaredEncoding() is UTF8Encoding;

        // Invalid bytes would become U+FFFD in Text; only the string path keeps that behaviour.
        if (utf8Declared && System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return true;
        }

        utf8 = default;
        return false;
    }

    internal Uri? Location { get; }

    /// <summary>Throws a <see cref="GigProviderException"/> that says what the status means, unless it is 2xx.</summary>
    /// <returns>This response, for chaining.</returns>
    /// <exception cref="GigProviderException">The status is not 2xx.</exception>
    public GigHttpResponse EnsureSuccess()
    {
        if (IsSuccessStatusCode)
        {
            return this;
        }

        var code = (int)StatusCode;
        var (problem, failure) = code switch
        {
            401 => ("the site refused the credentials: a token is missing, wrong or expired", GigProviderFailure.Unauthorized),
            403 => ("the site refused the request (forbidden): the credentials lack a permission, or the site blocks this client", GigProviderFailure.Forbidden),
            404 => ("the site has no such page: its search address may have changed", GigProviderFailure.HttpStatus),
            429 => ("the site is limiting requests and retries did not get through" + (RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $" (it asked to wait {wait.TotalSeconds:0}s)") : string.Empty) + "; try later or raise PageDelay", GigProviderFailure.RateLimited),
            >= 500 => ($"the site failed with a server error ({StatusCode}) and retries did not help; try later", GigProviderFailure.HttpStatus),
            _ => ($"the site answered with an unexpected status ({StatusCode})", GigProviderFailure.HttpStatus),
        };
        throw new GigProviderException(Provider, problem, RequestUri, StatusCode, failure);
    }

    /// <summary>Parses the body as JSON.</summary>
    /// <returns>The document; dispose it.</returns>
    /// <exception cref="GigProviderException">The body is not valid JSON (cut off, HTML instead of JSON, ...).</exception>
    public JsonDocument ParseJson()
    {
        try
        {
            // Bytes that are UTF-8 are parsed as they are; anything else (UTF-16 with its mark, a declared charset) as text.
            var options = new JsonDocumentOptions { MaxDepth = 128, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            return TryGetUtf8Body(out var utf8) ? JsonDocument.Parse(utf8, options) : JsonDocument.Parse(Text, options);
        }
        catch (JsonException ex)
        {
            var looksLikeHtml = Text.TrimStart().StartsWith('<');
            throw Fail(
                looksLikeHtml
                    ? "the site answered with an HTML page where JSON was expected"
                    : $"the answer is not valid JSON ({ex.Message.Split(". ", 2)[0]})",
                GigProviderFailure.InvalidResponse,
                innerException: ex);
        }
    }

    /// <summary>Creates an exception about this answer, naming the provider, the URL and the status.</summary>
    /// <param name="problem">What is wrong, e.g. "the page no longer holds the search data".</param>
    /// <param name="failure">What kind of failure it is.</param>
    /// <param name="siteErrorCode">The site's own error code, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <returns>The exception, to throw.</returns>
    public GigProviderException Fail(string problem, GigProviderFailure failure = GigProviderFailure.InvalidResponse, string? siteErrorCode = null, Exception? innerException = null) =>
        new(Provider, problem, RequestUri, StatusCode, failure, siteErrorCode, innerException);

    private string Decode()
    {
        // A byte-order mark wins over the header, as it does in browsers (the HTML standard's "BOM sniffing").
        var span = Body.Span;
        if (FromByteOrderMark(span) is { } marked)
        {
            return marked.Encoding.GetString(span[marked.Length..]);
        }

        var declared = DeclaredEncoding();
        var text = declared.GetString(span);
        if (declared is UTF8Encoding && LooksBinary(text))
        {
            throw Fail("the answer is not UTF-8 text, and it names no other character set (no byte-order mark, no charset in its Content-Type), so it cannot be read", GigProviderFailure.InvalidResponse);
        }

        return text;
    }

    // UTF-32 is tested before UTF-16, whose little-endian mark is the start of UTF-32's.
    private static (Encoding Encoding, int Length)? FromByteOrderMark(ReadOnlySpan<byte> span) => span switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };

    // A stray bad byte in a page costs one character, as before; text that is mostly replacement characters or NULs
    // was never UTF-8 (binary data, or UTF-16 without its mark), and reading it would only blame the site's format.
    private static bool LooksBinary(string text)
    {
        var bad = 0;
        foreach (var c in text)
        {
            if (c is '\uFFFD' or '\0')
            {
                bad++;
            }
        }

        return bad > 16 && bad * 20 > text.Length;
    }

    private Encoding DeclaredEncoding()
    {
        if (_contentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                return Encoding.UTF8;
            }
        }

        return Encoding.UTF8;
    }
}

using System.Net;
using System.Text;

namespace FreelanceAggregator;

/// <summary>
/// A provider could not search its site. The message names the provider, what went wrong in words a user can act on,
/// and the URL; <see cref="Failure"/> classifies it. This is the only exception type providers throw.
/// </summary>
public sealed class GigProviderException : Exception
{
    /// <summary>Initializes a new instance with a message.</summary>
    public GigProviderException()
        : this("unknown", "the provider failed")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public GigProviderException(string message)
        : this("unknown", message)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GigProviderException(string message, Exception innerException)
        : this("unknown", message, innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="problem">What went wrong and, where it helps, what to do, e.g. "Fiverr's bot protection blocked the request".</param>
    /// <param name="requestUri">The URL that was asked, if any. It must not hold secrets.</param>
    /// <param name="statusCode">The HTTP status the site answered with, if any.</param>
    /// <param name="failure">What kind of failure this is.</param>
    /// <param name="siteErrorCode">The site's own error code, if it gave one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GigProviderException(
        string provider,
        string problem,
        Uri? requestUri = null,
        HttpStatusCode? statusCode = null,
        GigProviderFailure failure = GigProviderFailure.Unknown,
        string? siteErrorCode = null,
        Exception? innerException = null)
        : base(Compose(provider, problem, requestUri, statusCode, siteErrorCode), innerException)
    {
        Provider = provider;
        Problem = problem;
        RequestUri = requestUri;
        StatusCode = statusCode;
        Failure = failure;
        SiteErrorCode = siteErrorCode;
    }

    /// <summary>Gets the provider's name.</summary>
    public string Provider { get; }

    /// <summary>Gets what went wrong, without the provider and URL that <see cref="Exception.Message"/> adds.</summary>
    public string Problem { get; }

    /// <summary>Gets the URL that was asked, if any.</summary>
    public Uri? RequestUri { get; }

    /// <summary>Gets the HTTP status the site answered with, if any.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets what kind of failure this is.</summary>
    public GigProviderFailure Failure { get; }

    /// <summary>Gets the site's own error code, if it gave one (e.g. Freelancer's <c>error_code</c>).</summary>
    public string? SiteErrorCode { get; }

    private static string Compose(string provider, string problem, Uri? uri, HttpStatusCode? status, string? siteCode)
    {
        var message = new StringBuilder();
        message.Append(provider).Append(": ").Append(problem.TrimEnd('.'));
        var details = new List<string>();
        if (status is { } s)
        {
            details.Add($"HTTP {(int)s}");
        }

        if (siteCode is not null)
        {
            details.Add("site code " + siteCode);
        }

        if (uri is not null)
        {
            // AbsoluteUri keeps the escaping (%20), so the URL in a message can be pasted as it is.
            details.Add(uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString);
        }

        if (details.Count > 0)
        {
            message.Append(" (").Append(string.Join(", ", details)).Append(')');
        }

        return message.Append('.').ToString();
    }
}

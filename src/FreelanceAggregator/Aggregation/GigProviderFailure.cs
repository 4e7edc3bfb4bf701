namespace FreelanceAggregator;

/// <summary>What kind of failure a <see cref="GigProviderException"/> reports, so a caller can react without parsing messages.</summary>
public enum GigProviderFailure
{
    /// <summary>Not classified.</summary>
    Unknown,

    /// <summary>The site answered with an HTTP status that means failure (after retries).</summary>
    HttpStatus,

    /// <summary>The site could not be reached (DNS, connection refused or dropped, TLS).</summary>
    Network,

    /// <summary>A request took longer than allowed.</summary>
    Timeout,

    /// <summary>The site is limiting the request rate (HTTP 429) and retries did not get through.</summary>
    RateLimited,

    /// <summary>The credentials are missing, wrong or expired (HTTP 401).</summary>
    Unauthorized,

    /// <summary>The credentials lack a permission or scope, or the site refuses the request (HTTP 403).</summary>
    Forbidden,

    /// <summary>Bot protection answered instead of the site (a captcha or "press and hold" page).</summary>
    Blocked,

    /// <summary>The site asked to log in instead of answering.</summary>
    LoginRequired,

    /// <summary>The page is an empty shell that only a browser running JavaScript can fill.</summary>
    JavaScriptRequired,

    /// <summary>The site redirected to another host (or too many times); redirects off the site are not followed.</summary>
    Redirected,

    /// <summary>The answer could not be read: malformed, cut off, or no longer in the expected shape.</summary>
    InvalidResponse,

    /// <summary>The answer was larger than the provider's size cap.</summary>
    ResponseTooLarge,

    /// <summary>The site answered with its own error message (e.g. an API error envelope).</summary>
    SiteError,

    /// <summary>The provider is not configured to search (e.g. a required token is missing).</summary>
    Configuration,

    /// <summary>Recent requests failed so often that the circuit breaker is holding further ones back for a while.</summary>
    CircuitOpen,
}

namespace FreelanceAggregator.Providers;

/// <summary>A request that was cancelled while it waited for the site, with the address it was waiting for.</summary>
internal sealed class RequestCanceledException : OperationCanceledException
{
    public RequestCanceledException(Uri requestUri, Exception innerException, CancellationToken token)
        : base($"The request to {requestUri.AbsoluteUri} was cancelled.", innerException, token)
    {
        RequestUri = requestUri;
    }

    public Uri RequestUri { get; }
}

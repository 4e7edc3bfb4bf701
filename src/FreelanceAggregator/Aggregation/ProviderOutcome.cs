using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace FreelanceAggregator;

/// <summary>What one provider did in a search: how it ended, how many listings it gave, how long it took, and why it failed if it did.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record ProviderOutcome
{
    /// <summary>Gets the provider's name.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets how the provider's part ended.</summary>
    public required ProviderStatus Status { get; init; }

    /// <summary>Gets how many of its listings reached the caller (after filters and de-duplication).</summary>
    public int GigCount { get; init; }

    /// <summary>Gets how many listings the site returned before filtering.</summary>
    public int ReceivedCount { get; init; }

    /// <summary>Gets how many listings did not pass the query's filters (listings after the limit was met are not looked at).</summary>
    public int FilteredOutCount { get; init; }

    /// <summary>Gets how many listings were dropped as duplicates of one another provider, or an earlier page of the same one, had already given.</summary>
    public int DuplicateCount { get; init; }

    /// <summary>Gets how many listings were dropped as invalid (no id or title, a URL off the site); the warnings say which.</summary>
    public int InvalidCount { get; init; }

    /// <summary>Gets how long the provider's part took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Gets why the provider failed, timed out or was skipped, in words a user can act on; <see langword="null"/> when it succeeded.</summary>
    public string? Message { get; init; }

    /// <summary>Gets what kind of failure it was, when the provider reported one.</summary>
    public GigProviderFailure? Failure { get; init; }

    /// <summary>Gets the HTTP status of the failing request, if any.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>Gets the address of the failing request, if any.</summary>
    public Uri? RequestUri { get; init; }

    /// <summary>Gets the exception behind a failure, for diagnostics.</summary>
    public Exception? Exception { get; init; }

    /// <summary>Gets how many pages of the site's answer were read.</summary>
    public int PageCount { get; init; }

    /// <summary>
    /// Gets what the user should know that did not stop the provider: listings left out, values that could not be read,
    /// paging that stopped before the site's end, budgets without a rate. Each says what it is about in <see cref="GigWarning.Kind"/>.
    /// </summary>
    public IReadOnlyList<GigWarning> Warnings { get; init; } = [];

    /// <summary>Describes the outcome in one line, e.g. <c>fiverr: succeeded, 12 gigs (48 received) in 1.2 s</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var seconds = Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return Status switch
        {
            ProviderStatus.Succeeded => $"{Provider}: succeeded, {GigCount} gigs ({ReceivedCount} received) in {seconds} s",
            ProviderStatus.Skipped => $"{Provider}: skipped: {Message}",
            _ => $"{Provider}: {Status.ToString().ToLowerInvariant()} after {seconds} s with {GigCount} gigs: {Message}",
        };
    }
}

namespace FreelanceAggregator.Providers.Upwork.Parsing;

/// <summary>One answer of <c>marketplaceJobPostingsSearch</c>, read.</summary>
internal sealed class UpworkSearchPage
{
    /// <summary>Gets the jobs that could be read.</summary>
    public IReadOnlyList<Gig> Gigs { get; init; } = [];

    /// <summary>Gets what was skipped or left out, one warning each, naming the job and the value.</summary>
    public IReadOnlyList<GigWarning> Warnings { get; init; } = [];

    /// <summary>Gets the GraphQL <c>errors[]</c>, if any (Upwork sends them with HTTP 200).</summary>
    public IReadOnlyList<UpworkGraphQLError> Errors { get; init; } = [];

    /// <summary>Gets a value indicating whether the answer holds the search's data (it may hold errors too).</summary>
    public bool HasData { get; init; }

    /// <summary>Gets how many jobs the page held, readable or not.</summary>
    public int EdgeCount { get; init; }

    /// <summary>Gets how many jobs the search matches in all, if Upwork said.</summary>
    public int? TotalCount { get; init; }

    /// <summary>Gets a value indicating whether Upwork has another page.</summary>
    public bool HasNextPage { get; init; }

    /// <summary>Gets the cursor to pass as <c>after</c> for the next page.</summary>
    public string? EndCursor { get; init; }

    /// <summary>Gets a value indicating whether an error says the token lacks a scope (Upwork: "doesn't have enough oauth2 permissions/scopes").</summary>
    public bool IsScopeError => Errors.Any(e => e.IsScopeError);
}

/// <summary>One entry of a GraphQL answer's <c>errors[]</c>.</summary>
/// <remarks>Its message is the server's text, which could echo anything the request held: redact it before showing it.</remarks>
internal sealed class UpworkGraphQLError(string message, string? classification)
{
    /// <summary>Gets the server's message.</summary>
    public string Message { get; } = message;

    /// <summary>Gets <c>extensions.classification</c> (graphql-java: <c>ValidationError</c>, <c>ExecutionAborted</c>, <c>NullValueInNonNullableField</c>, ...), if any.</summary>
    public string? Classification { get; } = classification;

    /// <summary>Gets a value indicating whether the error says the token lacks a scope.</summary>
    public bool IsScopeError =>
        Message.Contains("scope", StringComparison.OrdinalIgnoreCase) && Message.Contains("permission", StringComparison.OrdinalIgnoreCase);
}

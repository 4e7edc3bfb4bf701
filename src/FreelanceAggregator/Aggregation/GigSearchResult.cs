namespace FreelanceAggregator;

/// <summary>The result of <see cref="GigAggregator.SearchAllAsync(GigQuery, CancellationToken)"/>: the listings and what every provider did.</summary>
public sealed record GigSearchResult
{
    /// <summary>Gets the listings: filtered, converted, de-duplicated and sorted as the query asked.</summary>
    public required IReadOnlyList<Gig> Gigs { get; init; }

    /// <summary>Gets one outcome per provider asked (or skipped), in registration order.</summary>
    public required IReadOnlyList<ProviderOutcome> Outcomes { get; init; }

    /// <summary>Gets the currency budgets were converted to.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the query that was run.</summary>
    public required GigQuery Query { get; init; }

    /// <summary>Gets how long the whole search took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Gets a value indicating whether at least one provider answered.</summary>
    public bool AnySucceeded => Outcomes.Any(o => o.Status == ProviderStatus.Succeeded);
}

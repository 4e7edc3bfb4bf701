namespace FreelanceAggregator;

/// <summary>How a provider's part of a search ended.</summary>
public enum ProviderStatus
{
    /// <summary>The site answered; its listings (possibly none) arrived.</summary>
    Succeeded,

    /// <summary>The site could not be searched; <see cref="ProviderOutcome.Message"/> says why. Listings that arrived before the failure were kept.</summary>
    Failed,

    /// <summary>The provider took longer than its timeout; listings that arrived in time were kept.</summary>
    TimedOut,

    /// <summary>The caller cancelled the search.</summary>
    Cancelled,

    /// <summary>The provider was not asked, because the query uses a filter or kind its site can never satisfy; <see cref="ProviderOutcome.Message"/> says which.</summary>
    Skipped,
}

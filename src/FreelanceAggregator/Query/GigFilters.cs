using FreelanceAggregator.Providers;

namespace FreelanceAggregator;

/// <summary>The parts of a <see cref="GigQuery"/> that narrow results, as flags.</summary>
/// <remarks>
/// A provider's <see cref="GigProviderCapabilities"/> says which of these the site applies itself and which its
/// listings carry the values for. The aggregator applies every filter itself after conversion either way, and skips
/// a provider (saying why) when the query uses a filter its listings can never satisfy.
/// </remarks>
[Flags]
public enum GigFilters
{
    /// <summary>No filter.</summary>
    None = 0,

    /// <summary>Words or phrases that must appear (<see cref="GigQuery.Keywords"/>).</summary>
    Keywords = 1 << 0,

    /// <summary>Words that must not appear (<see cref="GigQuery.ExcludedWords"/>).</summary>
    ExcludedWords = 1 << 1,

    /// <summary>Job or service (<see cref="GigQuery.Kind"/>).</summary>
    Kind = 1 << 2,

    /// <summary>A budget range (<see cref="GigQuery.MinBudget"/>, <see cref="GigQuery.MaxBudget"/>).</summary>
    Budget = 1 << 3,

    /// <summary>Fixed or hourly (<see cref="GigQuery.BudgetType"/>).</summary>
    BudgetType = 1 << 4,

    /// <summary>Posted within a time span (<see cref="GigQuery.PostedWithin"/>).</summary>
    PostedWithin = 1 << 5,

    /// <summary>Any of some skills (<see cref="GigQuery.Skills"/>).</summary>
    Skills = 1 << 6,

    /// <summary>The buyer's country (<see cref="GigQuery.ClientCountries"/>).</summary>
    ClientCountry = 1 << 7,

    /// <summary>Only buyers with a verified payment method (<see cref="GigQuery.PaymentVerifiedOnly"/>).</summary>
    PaymentVerified = 1 << 8,

    /// <summary>A minimum rating (<see cref="GigQuery.MinRating"/>).</summary>
    MinRating = 1 << 9,

    /// <summary>A maximum number of proposals (<see cref="GigQuery.MaxProposals"/>).</summary>
    MaxProposals = 1 << 10,

    /// <summary>Every filter.</summary>
    All = Keywords | ExcludedWords | Kind | Budget | BudgetType | PostedWithin | Skills | ClientCountry | PaymentVerified | MinRating | MaxProposals,
}

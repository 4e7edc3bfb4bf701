using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>
/// A recorded listing seen again with another title or budget. Changes are recorded, not alerted: the subscriber was
/// told about the listing once.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record ListingChange
{
    /// <summary>Gets the listing's identity.</summary>
    public required ListingKey Listing { get; init; }

    /// <summary>Gets the listing's public page as last seen.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets when the change was seen (the check cycle's time).</summary>
    public required DateTimeOffset ChangedAt { get; init; }

    /// <summary>Gets the title before the change.</summary>
    public required string OldTitle { get; init; }

    /// <summary>Gets the title after the change (equal to <see cref="OldTitle"/> when only the budget changed).</summary>
    public required string NewTitle { get; init; }

    /// <summary>Gets the budget before the change, or <see langword="null"/> when there was none.</summary>
    public Budget? OldBudget { get; init; }

    /// <summary>Gets the budget after the change, or <see langword="null"/> when there is none now.</summary>
    public Budget? NewBudget { get; init; }

    /// <summary>Gets a value indicating whether the title changed.</summary>
    public bool TitleChanged => !string.Equals(OldTitle, NewTitle, StringComparison.Ordinal);

    /// <summary>Gets a value indicating whether the budget changed.</summary>
    public bool BudgetChanged => !Equals(OldBudget, NewBudget);

    /// <summary>Describes the change, e.g. <c>upwork:123 budget USD 100.00 fixed → USD 150.00 fixed</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var parts = new List<string>(2);
        if (TitleChanged)
        {
            parts.Add($"title \"{OldTitle}\" → \"{NewTitle}\"");
        }

        if (BudgetChanged)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"budget {OldBudget?.ToString() ?? "none"} → {NewBudget?.ToString() ?? "none"}"));
        }

        return $"{Listing} {string.Join(", ", parts)}";
    }
}

namespace FreelanceAggregator;

/// <summary>How a budget is paid.</summary>
public enum BudgetType
{
    /// <summary>A fixed price for the whole job or service.</summary>
    Fixed,

    /// <summary>An hourly rate; the budget's amounts are per hour.</summary>
    Hourly,
}

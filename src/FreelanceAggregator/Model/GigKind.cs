namespace FreelanceAggregator;

/// <summary>What a listing is: a buyer's job or a seller's service.</summary>
public enum GigKind
{
    /// <summary>A buyer's posted project that freelancers bid on (Upwork, Freelancer, Sribulancer, Projects.co.id).</summary>
    Job,

    /// <summary>A seller's offer that buyers order ("I will design your logo from $5" on Fiverr).</summary>
    Service,
}

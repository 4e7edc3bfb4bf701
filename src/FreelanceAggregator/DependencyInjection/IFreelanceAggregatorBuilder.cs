namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddFreelanceAggregator</c>: add providers and rate sources to it.</summary>
public interface IFreelanceAggregatorBuilder
{
    /// <summary>Gets the service collection the aggregator is registered in.</summary>
    IServiceCollection Services { get; }
}

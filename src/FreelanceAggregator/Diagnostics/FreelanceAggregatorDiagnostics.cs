using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FreelanceAggregator;

/// <summary>
/// The names under which the library reports traces and metrics: subscribe with
/// <c>AddSource(FreelanceAggregatorDiagnostics.Name)</c> and <c>AddMeter(FreelanceAggregatorDiagnostics.Name)</c>.
/// </summary>
public static class FreelanceAggregatorDiagnostics
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "FreelanceAggregator";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(FreelanceAggregatorDiagnostics).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(FreelanceAggregatorDiagnostics).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> GigsReceived = Meter.CreateCounter<long>("freelanceaggregator.gigs.received", "{gig}", "Listings returned by providers, before filtering.");

    internal static readonly Counter<long> GigsReturned = Meter.CreateCounter<long>("freelanceaggregator.gigs.returned", "{gig}", "Listings that passed the filters and reached the caller.");

    internal static readonly Histogram<double> ProviderDuration = Meter.CreateHistogram<double>("freelanceaggregator.provider.duration", "s", "How long one provider's part of a search took, by status.");
}

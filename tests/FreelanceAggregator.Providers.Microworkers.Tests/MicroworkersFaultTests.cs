using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>The shared fault matrix against the Microworkers job list.</summary>
public sealed class MicroworkersFaultTests : GigProviderFaultTests<MicroworkersTestSite>;

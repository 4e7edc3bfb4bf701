using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>The shared provider invariants, run against Microworkers job-list pages served by WireMock with the stand-in session.</summary>
public sealed class MicroworkersConformanceTests : GigProviderConformanceTests<MicroworkersTestSite>;

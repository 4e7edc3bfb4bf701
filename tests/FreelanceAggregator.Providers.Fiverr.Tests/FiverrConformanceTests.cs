using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>The shared provider conformance suite against Fiverr's recorded-format pages.</summary>
public sealed class FiverrConformanceTests : GigProviderConformanceTests<FiverrTestSite>;

using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>The shared fault matrix against Fiverr's search page.</summary>
public sealed class FiverrFaultTests : GigProviderFaultTests<FiverrTestSite>;

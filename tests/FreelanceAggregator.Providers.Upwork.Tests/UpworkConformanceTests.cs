using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The shared provider invariants, run against Upwork's GraphQL API with a test token.</summary>
public sealed class UpworkConformanceTests : GigProviderConformanceTests<UpworkTestSite>;

using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The shared fault matrix against Upwork's GraphQL endpoint, with a fixed test token.</summary>
public sealed class UpworkFaultTests : GigProviderFaultTests<UpworkTestSite>;

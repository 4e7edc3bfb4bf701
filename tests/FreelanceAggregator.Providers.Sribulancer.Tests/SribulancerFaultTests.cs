using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>The shared fault matrix against the default source, Sribu's public GraphQL API.</summary>
public sealed class SribulancerFaultTests : GigProviderFaultTests<SribulancerTestSite>;

/// <summary>The shared fault matrix against the other source, a rendered browse-jobs page read with CSS selectors.</summary>
public sealed class SribulancerBrowsePageFaultTests : GigProviderFaultTests<SribulancerBrowsePageTestSite>;

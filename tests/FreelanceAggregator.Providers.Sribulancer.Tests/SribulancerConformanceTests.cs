using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>The shared provider invariants, run against the default source (Sribu's public API) served by WireMock.</summary>
public sealed class SribulancerConformanceTests : GigProviderConformanceTests<SribulancerTestSite>;

/// <summary>The shared provider invariants, run against the other source, a rendered browse-jobs page read with CSS selectors.</summary>
public sealed class SribulancerBrowsePageConformanceTests : GigProviderConformanceTests<SribulancerBrowsePageTestSite>;

using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The shared conformance suite against Freelancer.com.</summary>
public sealed class FreelancerConformanceTests : GigProviderConformanceTests<FreelancerTestSite>;

/// <summary>The shared conformance suite against Freelancer.co.id.</summary>
public sealed class FreelancerIndonesiaConformanceTests : GigProviderConformanceTests<FreelancerIndonesiaTestSite>;

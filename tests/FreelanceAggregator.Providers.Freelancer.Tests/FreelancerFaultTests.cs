using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The shared fault matrix against Freelancer.com's active-projects API.</summary>
public sealed class FreelancerFaultTests : GigProviderFaultTests<FreelancerTestSite>;

/// <summary>The shared fault matrix against Freelancer.co.id, the same API asked for Indonesian projects.</summary>
public sealed class FreelancerIndonesiaFaultTests : GigProviderFaultTests<FreelancerIndonesiaTestSite>;

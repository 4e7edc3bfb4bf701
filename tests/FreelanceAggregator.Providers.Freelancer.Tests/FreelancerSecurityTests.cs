using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The shared security checks against Freelancer.com: descriptions, the project link made from <c>seo_url</c>, and paging.</summary>
public sealed class FreelancerSecurityTests : GigProviderSecurityTests<FreelancerTestSite>;

/// <summary>The same checks against Freelancer.co.id, whose links go to www.freelancer.co.id.</summary>
public sealed class FreelancerIndonesiaSecurityTests : GigProviderSecurityTests<FreelancerIndonesiaTestSite>;

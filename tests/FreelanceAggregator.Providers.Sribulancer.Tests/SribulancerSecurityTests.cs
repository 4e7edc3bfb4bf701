using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>The shared security checks against Sribu's API: descriptions, the job link made from the job's id, and paging.</summary>
public sealed class SribulancerSecurityTests : GigProviderSecurityTests<SribulancerTestSite>;

/// <summary>The shared security checks against a rendered browse-jobs page: descriptions, the card's link, and the next-page link.</summary>
public sealed class SribulancerBrowsePageSecurityTests : GigProviderSecurityTests<SribulancerBrowsePageTestSite>;

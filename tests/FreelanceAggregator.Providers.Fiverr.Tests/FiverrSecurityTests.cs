using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>The shared security checks against Fiverr's search page: the gig link in the page's data, and paging.</summary>
public sealed class FiverrSecurityTests : GigProviderSecurityTests<FiverrTestSite>;

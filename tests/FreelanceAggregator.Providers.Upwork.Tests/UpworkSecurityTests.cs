using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The shared security checks against Upwork: descriptions, the job link made from <c>ciphertext</c>, and paging by cursor.</summary>
public sealed class UpworkSecurityTests : GigProviderSecurityTests<UpworkTestSite>;

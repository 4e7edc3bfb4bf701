using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The shared security checks against the Projects.co.id listing: the excerpt, the project link, and the pagination.</summary>
public sealed class ProjectsCoIdSecurityTests : GigProviderSecurityTests<ProjectsCoIdTestSite>;

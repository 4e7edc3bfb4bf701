using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The shared provider invariants, run against Projects.co.id listing pages served by WireMock.</summary>
public sealed class ProjectsCoIdConformanceTests : GigProviderConformanceTests<ProjectsCoIdTestSite>;

using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The shared fault matrix against the Projects.co.id listing.</summary>
public sealed class ProjectsCoIdFaultTests : GigProviderFaultTests<ProjectsCoIdTestSite>;

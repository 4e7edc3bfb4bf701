using FreelanceAggregator.Testing;
using FreelanceAggregator.TestSites;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>The shared security checks against the Microworkers job list: the job link, and a list that never ends. The session's own checks are in <see cref="MicroworkersSessionSecretTests"/>.</summary>
public sealed class MicroworkersSecurityTests : GigProviderSecurityTests<MicroworkersTestSite>;

#region Snippet:RemoteOkSuites
using FreelanceAggregator.Testing;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>The invariants every provider keeps (required fields, URLs on the site, the limit after filters, cancellation, empty results, server errors), run against Remote OK.</summary>
public sealed class RemoteOkConformanceTests : GigProviderConformanceTests<RemoteOkTestSite>;

/// <summary>The faults every provider survives (rate limits, flaky and dead servers, cut-off, huge and redirected answers), run against Remote OK.</summary>
public sealed class RemoteOkFaultTests : GigProviderFaultTests<RemoteOkTestSite>;

/// <summary>What a hostile feed must not do through the provider (script in descriptions, links off the site), run against Remote OK.</summary>
public sealed class RemoteOkSecurityTests : GigProviderSecurityTests<RemoteOkTestSite>;
#endregion

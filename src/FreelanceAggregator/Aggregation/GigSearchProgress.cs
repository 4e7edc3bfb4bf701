using System.Diagnostics;

namespace FreelanceAggregator;

/// <summary>
/// How one provider's part of a running search stands, for a live display: reported when it starts, on every listing
/// it delivers, and once more with its <see cref="Outcome"/> when it is done.
/// </summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="GigCount">How many of its listings have reached the caller so far.</param>
/// <param name="Outcome">The outcome once the provider is done (or was skipped); <see langword="null"/> while it runs.</param>
[DebuggerDisplay("{Provider,nq}: {GigCount} gigs, {Outcome}")]
public sealed record GigSearchProgress(string Provider, int GigCount, ProviderOutcome? Outcome);

namespace FreelanceAggregator.Providers.Upwork.Parsing;

/// <summary>What <see cref="UpworkSearchParser"/> needs besides the answer.</summary>
/// <param name="Provider">The provider's name, for listings and messages.</param>
/// <param name="RequestUri">The address that answered, for messages; <see langword="null"/> when unknown.</param>
/// <param name="Now">The provider's clock's time, against which a date written relative to now would be read.</param>
internal sealed record UpworkParseSettings(string Provider, Uri? RequestUri, DateTimeOffset Now);

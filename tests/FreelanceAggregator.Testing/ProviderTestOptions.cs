using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Testing;

/// <summary>Option settings that keep provider tests fast and deterministic.</summary>
public static class ProviderTestOptions
{
    /// <summary>Points a provider at a test server and makes its retries quick: one retry, no wait, short timeouts, no page delay.</summary>
    /// <param name="options">The provider's options.</param>
    /// <param name="baseAddress">The test server's address.</param>
    public static void UseTestServer(GigProviderOptions options, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = baseAddress;
        options.MaxRetries = 1;
        options.RetryDelay = TimeSpan.Zero;
        options.RequestTimeout = TimeSpan.FromSeconds(10);
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.PageDelay = TimeSpan.Zero;
    }
}

#region Snippet:AddRemoteOk
using Contoso.FreelanceAggregator.Providers.RemoteOk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The extension lives in the DI namespace, like every AddXxx() of Microsoft.Extensions.*, so it shows up wherever
// services are configured without another using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Remote OK provider to a <see cref="IFreelanceAggregatorBuilder"/>.</summary>
public static class RemoteOkBuilderExtensions
{
    /// <summary>Adds Remote OK (provider <c>remoteok</c>) with its default options.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddRemoteOk(this IFreelanceAggregatorBuilder builder) =>
        builder.AddRemoteOk(configure: null);

    /// <summary>Adds Remote OK (provider <c>remoteok</c>) with options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddRemoteOk(this IFreelanceAggregatorBuilder builder, Action<RemoteOkOptions>? configure) =>
        builder.AddRemoteOk(name: null, configure);

    /// <summary>Adds a Remote OK provider under a name of your own. Calling it again for the same name only adds <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name, or <see langword="null"/> for <see cref="RemoteOkProvider.DefaultName"/>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddRemoteOk(this IFreelanceAggregatorBuilder builder, string? name, Action<RemoteOkOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        name ??= RemoteOkProvider.DefaultName;

        // The named options (validated at start) and the named HttpClient with retries, circuit breaker and timeouts.
        builder.AddGigProviderHttpClient(name, configure);

        // Registered under its name, so a second call replaces the first instead of adding a second provider.
        return builder.AddProvider(name, sp => new RemoteOkProvider(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptionsMonitor<RemoteOkOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            name));
    }
}
#endregion

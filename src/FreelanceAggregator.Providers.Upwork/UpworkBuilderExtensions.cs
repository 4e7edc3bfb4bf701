using FreelanceAggregator.Providers.Upwork;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Upwork provider to a <see cref="IFreelanceAggregatorBuilder"/>.</summary>
public static class UpworkBuilderExtensions
{
    /// <summary>Adds the Upwork provider, named <c>upwork</c>, with options from configuration or a later call.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddUpwork(this IFreelanceAggregatorBuilder builder) => builder.AddUpwork(null, null);

    /// <summary>Adds the Upwork provider, named <c>upwork</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.AccessToken = token</c>, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddUpwork(this IFreelanceAggregatorBuilder builder, Action<UpworkOptions>? configure) =>
        builder.AddUpwork(null, configure);

    /// <summary>Adds the Upwork provider under a name (e.g. a second account). Calling it again for the same name only adds <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name, or <see langword="null"/> for <see cref="UpworkOptions.DefaultName"/>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddUpwork(this IFreelanceAggregatorBuilder builder, string? name, Action<UpworkOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        name ??= UpworkOptions.DefaultName;
        builder.AddGigProviderHttpClient(name, configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpworkOptions>, UpworkOptionsValidator>());
        return builder.AddProvider(name, sp => ActivatorUtilities.CreateInstance<UpworkProvider>(sp, name));
    }
}

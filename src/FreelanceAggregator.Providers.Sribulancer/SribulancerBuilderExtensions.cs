using FreelanceAggregator.Providers.Sribulancer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Sribulancer provider to a <see cref="IFreelanceAggregatorBuilder"/>.</summary>
public static class SribulancerBuilderExtensions
{
    /// <summary>Adds the Sribulancer provider, named <c>sribulancer</c>, with default options (Sribu's public API).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddSribulancer(this IFreelanceAggregatorBuilder builder) => builder.AddSribulancer(null, null);

    /// <summary>Adds the Sribulancer provider, named <c>sribulancer</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddSribulancer(this IFreelanceAggregatorBuilder builder, Action<SribulancerOptions>? configure) =>
        builder.AddSribulancer(null, configure);

    /// <summary>Adds the Sribulancer provider under a name; adding it again with the same name only adds <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name, or <see langword="null"/> for <see cref="SribulancerProvider.DefaultName"/>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddSribulancer(this IFreelanceAggregatorBuilder builder, string? name, Action<SribulancerOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        name ??= SribulancerProvider.DefaultName;
        builder.AddGigProviderHttpClient(name, configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SribulancerOptions>, SribulancerOptionsValidator>());
        return builder.AddProvider(name, sp => ActivatorUtilities.CreateInstance<SribulancerProvider>(sp, name));
    }
}

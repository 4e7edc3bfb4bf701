using FreelanceAggregator.Providers.Fiverr;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Fiverr provider to a <see cref="IFreelanceAggregatorBuilder"/>.</summary>
public static class FiverrBuilderExtensions
{
    /// <summary>Adds the Fiverr provider, named <c>fiverr</c>, with its default options.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFiverr(this IFreelanceAggregatorBuilder builder) => builder.AddFiverr(null, null);

    /// <summary>Adds the Fiverr provider, named <c>fiverr</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options (e.g. <c>o =&gt; o.IncludePromotedGigs = false</c>), or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFiverr(this IFreelanceAggregatorBuilder builder, Action<FiverrOptions>? configure) =>
        builder.AddFiverr(null, configure);

    /// <summary>Adds the Fiverr provider under a name. Adding it again with the same name only adds <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name, or <see langword="null"/> for <see cref="FiverrProvider.DefaultName"/>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFiverr(this IFreelanceAggregatorBuilder builder, string? name, Action<FiverrOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        name ??= FiverrProvider.DefaultName;
        builder.AddGigProviderHttpClient(name, configure);
        return builder.AddProvider(name, sp => ActivatorUtilities.CreateInstance<FiverrProvider>(sp, name));
    }
}

using FreelanceAggregator.Providers.Freelancer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Freelancer.com and Freelancer.co.id providers to a <see cref="IFreelanceAggregatorBuilder"/>.</summary>
public static class FreelancerBuilderExtensions
{
    /// <summary>The name of the Freelancer.com provider.</summary>
    public const string DefaultName = "freelancer";

    /// <summary>The name of the Freelancer.co.id provider.</summary>
    public const string IndonesiaDefaultName = "freelancer.co.id";

    /// <summary>Adds Freelancer.com (provider <c>freelancer</c>): active projects in every language, linked on <c>www.freelancer.com</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFreelancer(this IFreelanceAggregatorBuilder builder) =>
        builder.AddFreelancer(configure: null);

    /// <summary>Adds Freelancer.com (provider <c>freelancer</c>) with options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFreelancer(this IFreelanceAggregatorBuilder builder, Action<FreelancerOptions>? configure) =>
        builder.AddFreelancer(name: null, configure);

    /// <summary>Adds a Freelancer.com provider under a name of your own (e.g. a second one for another language). Calling it again for the same name only adds <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name, or <see langword="null"/> for <see cref="DefaultName"/>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFreelancer(this IFreelanceAggregatorBuilder builder, string? name, Action<FreelancerOptions>? configure) =>
        Add(builder, name ?? DefaultName, configure);

    /// <summary>
    /// Adds Freelancer.co.id (provider <c>freelancer.co.id</c>): the same marketplace asked for projects written in
    /// Indonesian (<c>languages[]=id</c>), linked on <c>www.freelancer.co.id</c>, with IDR as its display currency.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFreelancerIndonesia(this IFreelanceAggregatorBuilder builder) =>
        builder.AddFreelancerIndonesia(configure: null);

    /// <summary>Adds Freelancer.co.id (provider <c>freelancer.co.id</c>) with options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFreelancerIndonesia(this IFreelanceAggregatorBuilder builder, Action<FreelancerIndonesiaOptions>? configure) =>
        builder.AddFreelancerIndonesia(name: null, configure);

    /// <summary>Adds a Freelancer.co.id provider under a name of your own. Calling it again for the same name only adds <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name, or <see langword="null"/> for <see cref="IndonesiaDefaultName"/>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddFreelancerIndonesia(this IFreelanceAggregatorBuilder builder, string? name, Action<FreelancerIndonesiaOptions>? configure) =>
        Add(builder, name ?? IndonesiaDefaultName, configure);

    private static IFreelanceAggregatorBuilder Add<TOptions>(IFreelanceAggregatorBuilder builder, string name, Action<TOptions>? configure)
        where TOptions : FreelancerOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.AddGigProviderHttpClient(name, configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, FreelancerOptionsValidator<TOptions>>());

        // The options type carries the registration's defaults; IOptionsMonitor is covariant, so the provider reads
        // FreelancerIndonesiaOptions as FreelancerOptions.
        return builder.AddProvider(name, sp => new FreelancerProvider(
            name,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptionsMonitor<TOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
    }
}

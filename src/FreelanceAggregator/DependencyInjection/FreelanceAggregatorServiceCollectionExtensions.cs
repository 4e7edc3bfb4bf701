using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="GigAggregator"/> in a service collection.</summary>
public static class FreelanceAggregatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GigAggregator"/> (a singleton), the embedded ECB exchange rates, and the system clock, unless
    /// they are registered already. Safe to call many times, also from libraries.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add providers to.</returns>
    public static IFreelanceAggregatorBuilder AddFreelanceAggregator(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GigAggregatorOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GigAggregatorOptions>, GigAggregatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ExchangeRateProvider.Default);
        services.TryAddSingleton(sp => GigAggregator.FromServices(sp, owned: null));
        return new FreelanceAggregatorBuilder(services);
    }

    /// <summary>Registers <see cref="GigAggregator"/> and configures its options (see <see cref="AddFreelanceAggregator(IServiceCollection)"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.Currency = "IDR"</c>.</param>
    /// <returns>A builder to add providers to.</returns>
    public static IFreelanceAggregatorBuilder AddFreelanceAggregator(this IServiceCollection services, Action<GigAggregatorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddFreelanceAggregator();
        services.Configure(configure);
        return builder;
    }

    private sealed class FreelanceAggregatorBuilder(IServiceCollection services) : IFreelanceAggregatorBuilder
    {
        public IServiceCollection Services { get; } = services;
    }

    private sealed class GigAggregatorOptionsValidator : IValidateOptions<GigAggregatorOptions>
    {
        public ValidateOptionsResult Validate(string? name, GigAggregatorOptions options) =>
            options.Currency is null || Currency.TryFromCode(options.Currency, out _)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"GigAggregatorOptions.Currency '{options.Currency}' is not an active ISO 4217 currency code (e.g. USD, IDR, EUR).");
    }
}

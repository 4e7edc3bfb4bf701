using System.Net;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;
using FreelanceAggregator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds providers and exchange rate sources to a <see cref="IFreelanceAggregatorBuilder"/>.</summary>
public static class FreelanceAggregatorBuilderExtensions
{
    /// <summary>Registers a provider type, created with its constructor's services. Registering the same type twice registers it once.</summary>
    /// <typeparam name="TProvider">The provider.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddProvider<TProvider>(this IFreelanceAggregatorBuilder builder)
        where TProvider : GigProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(typeof(TProvider).FullName!, sp => ActivatorUtilities.CreateInstance<TProvider>(sp));
    }

    /// <summary>Registers a provider instance. Registering another instance with the same name replaces it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddProvider(this IFreelanceAggregatorBuilder builder, GigProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return builder.AddProvider(provider.Name, _ => provider);
    }

    /// <summary>Registers a provider made by a factory, under a key; a later registration with the same key replaces it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="key">The key, usually the provider's name.</param>
    /// <param name="factory">Creates the provider.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddProvider(this IFreelanceAggregatorBuilder builder, string key, Func<IServiceProvider, GigProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registration = new GigProviderRegistration(key, factory);
        builder.Services.Configure<GigAggregatorOptions>(o => o.Providers.Add(registration));
        return builder;
    }

    /// <summary>Uses an exchange rate source instead of the embedded ECB snapshot.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="exchangeRates">The source; <see cref="ExchangeRateProvider.Combine"/> chains several.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder UseExchangeRates(this IFreelanceAggregatorBuilder builder, ExchangeRateProvider exchangeRates)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(exchangeRates);
        builder.Services.Replace(ServiceDescriptor.Singleton(exchangeRates));
        return builder;
    }

    /// <summary>
    /// Uses rates given by the caller first (e.g. 14,400 IDR per USD to reproduce a quoted figure), and the embedded ECB
    /// snapshot for currencies they do not cover. Each converted budget names the source of its rate.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rates">The rates, e.g. <c>FixedExchangeRateProvider.Rate("USD", "IDR", 14_400m)</c>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder UseFixedExchangeRates(this IFreelanceAggregatorBuilder builder, params ExchangeRate[] rates) =>
        builder.UseExchangeRates(ExchangeRateProvider.Combine(new FixedExchangeRateProvider(rates), ExchangeRateProvider.Default));

    /// <summary>
    /// Uses the ECB's live daily reference rates, read over HTTP (with retries and a proxy if configured), cached, and
    /// falling back to the embedded snapshot when the feed fails, saying so in each rate's source.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the feed's options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder UseLiveEcbExchangeRates(this IFreelanceAggregatorBuilder builder, Action<EcbExchangeRateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<EcbExchangeRateOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (!services.Any(d => d.ServiceType == typeof(EcbHttpClientMarker)))
        {
            services.AddSingleton<EcbHttpClientMarker>();
            services.AddHttpClient(EcbExchangeRateOptions.HttpClientName)
                .RemoveAllLoggers()
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
                .AddStandardResilienceHandler();
        }

        services.Replace(ServiceDescriptor.Singleton<ExchangeRateProvider>(sp => new EcbExchangeRateProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(EcbExchangeRateOptions.HttpClientName),
            sp.GetRequiredService<IOptions<EcbExchangeRateOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<EcbExchangeRateProvider>>())));
        return builder;
    }

    /// <summary>
    /// For provider packages: registers a provider's named, validated options and its own named <see cref="HttpClient"/>
    /// with the standard resilience handler (retries with jitter that honour <c>Retry-After</c>, a circuit breaker and
    /// timeouts for this site alone), a primary handler that never follows redirects by itself, and the options' proxy.
    /// Calling it again for the same name only adds <paramref name="configure"/>.
    /// </summary>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name; also the client's and the options' name.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddGigProviderHttpClient<TOptions>(this IFreelanceAggregatorBuilder builder, string name, Action<TOptions>? configure = null)
        where TOptions : GigProviderOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var services = builder.Services;
        var options = services.AddOptions<TOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(ProviderHttpClientMarker) && d.ImplementationInstance is ProviderHttpClientMarker m && m.Name == name))
        {
            return builder;
        }

        services.AddSingleton(new ProviderHttpClientMarker(name));

        // Configuration, when the app has one (a host's appsettings.json and environment; GigAggregator.Create's
        // environment variables), comes after the code's settings: a deployment can point a provider at a mirror, a
        // proxy or a test server, or set its pace, without a change to the code.
        services.AddSingleton<IConfigureOptions<TOptions>>(sp => new ConfigureNamedOptions<TOptions>(name, o =>
        {
            if (sp.GetService<IConfiguration>()?.GetSection(GigProviderOptions.ConfigurationSection(name)) is { } section && section.Exists())
            {
                section.Bind(o);
            }
        }));
        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, GigProviderOptionsValidator<TOptions>>());

        // HttpClientFactory's own request logging keeps raw header values (a bearer token) in its structured state
        // even where the message text hides them; GigHttpClient logs method, URL and status itself, so remove it.
        services.AddHttpClient(name)
            .RemoveAllLoggers()
            .ConfigureHttpClient((sp, client) =>
            {
                var o = Get<TOptions>(sp, name);
                client.BaseAddress = o.BaseAddress;

                // The resilience handler owns timeouts; this is only a backstop above it.
                client.Timeout = o.RequestTimeout + TimeSpan.FromSeconds(5);
                if (!string.IsNullOrWhiteSpace(o.UserAgent))
                {
                    client.DefaultRequestHeaders.UserAgent.Clear();
                    client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", o.UserAgent);
                }
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var o = Get<TOptions>(sp, name);
                return o.PrimaryHandlerFactory?.Invoke() ?? new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    AutomaticDecompression = DecompressionMethods.All,
                    Proxy = o.Proxy,
                    UseProxy = o.Proxy is not null,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectTimeout = o.AttemptTimeout,
                };
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
            {
                var o = Get<TOptions>(sp, name);
                var attempt = o.AttemptTimeout < o.RequestTimeout ? o.AttemptTimeout : o.RequestTimeout;
                r.TotalRequestTimeout.Timeout = o.RequestTimeout;
                r.AttemptTimeout.Timeout = attempt;
                r.Retry.MaxRetryAttempts = Math.Max(1, o.MaxRetries);
                if (o.MaxRetries == 0)
                {
                    r.Retry.ShouldHandle = static _ => ValueTask.FromResult(false);
                }

                // A Retry-After longer than the provider may wait is not waited out: GigHttpClient reports it at once
                // (RateLimited, naming the wait) and holds the provider's later requests back until then.
                var budget = o.SearchTimeout is { } search && search < o.RequestTimeout ? search : o.RequestTimeout;
                var shouldRetry = r.Retry.ShouldHandle;
                r.Retry.ShouldHandle = args => args.Outcome.Result is { } answer && RetryAfter(answer) > budget ? ValueTask.FromResult(false) : shouldRetry(args);
                r.Retry.Delay = o.RetryDelay;
                r.Retry.BackoffType = DelayBackoffType.Exponential;
                r.Retry.UseJitter = true;
                r.Retry.ShouldRetryAfterHeader = true;
                r.Retry.MaxDelay = o.RequestTimeout;
                var sampling = attempt * 2;
                r.CircuitBreaker.SamplingDuration = sampling > TimeSpan.FromSeconds(30) ? sampling : TimeSpan.FromSeconds(30);
            });
        return builder;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage answer) => answer.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static TOptions Get<TOptions>(IServiceProvider services, string name)
        where TOptions : GigProviderOptions => services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);

    private sealed record ProviderHttpClientMarker(string Name);

    private sealed class EcbHttpClientMarker;
}

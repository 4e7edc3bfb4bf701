using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers;

/// <summary>
/// A base for providers that read a site over HTTP: it holds the provider's name and validated options, creates its
/// resilient <see cref="GigHttpClient"/>, and takes the paging settings (<see cref="GigProviderOptions.MaxPages"/>,
/// <see cref="GigProviderOptions.PageDelay"/>, <see cref="GigProviderOptions.SearchTimeout"/>) from the options. Register
/// such a provider with
/// <see cref="Microsoft.Extensions.DependencyInjection.FreelanceAggregatorBuilderExtensions.AddGigProviderHttpClient{TOptions}"/>.
/// </summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
public abstract class HttpGigProvider<TOptions> : GigProvider
    where TOptions : GigProviderOptions
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<TOptions> _options;
    private readonly RetryAfterGate _retryAfter = new();

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name; also the name of its options and its HTTP client.</param>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The provider's named options; read (and validated) here, so bad options fail at start.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>.</param>
    protected HttpGigProvider(string name, IHttpClientFactory httpClientFactory, IOptionsMonitor<TOptions> options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _httpClientFactory = httpClientFactory;
        _options = options;
        TimeProvider = timeProvider ?? System.TimeProvider.System;
        Logger = loggerFactory?.CreateLogger(GetType()) ?? NullLogger.Instance;
        _ = Options;
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override TimeSpan? SearchTimeout => Options.SearchTimeout;

    /// <inheritdoc/>
    public override int MaxPages => Options.MaxPages;

    /// <inheritdoc/>
    public override TimeSpan PageDelay => Options.PageDelay;

    /// <summary>Gets the provider's current options.</summary>
    protected TOptions Options => _options.Get(Name);

    /// <inheritdoc/>
    protected override TimeProvider TimeProvider { get; }

    /// <summary>Gets the logger.</summary>
    protected ILogger Logger { get; }

    /// <summary>Creates the HTTP client for one page.</summary>
    /// <returns>The client.</returns>
    protected GigHttpClient CreateHttpClient() => new(_httpClientFactory.CreateClient(Name), Name, Options, Logger) { Gate = _retryAfter, Clock = TimeProvider };
}

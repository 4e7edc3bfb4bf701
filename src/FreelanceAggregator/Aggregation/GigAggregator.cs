using System.Runtime.CompilerServices;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator;

/// <summary>
/// Searches every registered marketplace at once and returns their listings as one normalised stream or list: budgets
/// converted to one currency, every filter applied the same way to every site, duplicates removed, and a
/// <see cref="ProviderOutcome"/> per provider saying what it did. One provider failing, timing out or being blocked
/// never loses the others' listings.
/// </summary>
/// <example>
/// <code>
/// await using var aggregator = GigAggregator.Create(b => b.AddFreelancer().AddFiverr());
/// var result = await aggregator.SearchAllAsync(GigQuery.Parse("logo design budget:&lt;=1000000IDR posted:&lt;7d"));
/// </code>
/// </example>
public class GigAggregator : IAsyncDisposable, IDisposable
{
    private readonly GigAggregatorOptions _options = new();
    private readonly Currency? _configuredCurrency;
    private readonly ExchangeRateProvider _exchangeRates = ExchangeRateProvider.Default;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly IDisposable? _ownedServices;
    private readonly List<GigProvider> _providers = [];

    /// <summary>Initializes a new aggregator over the given providers, without dependency injection.</summary>
    /// <param name="providers">The providers; their names must be unique.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="exchangeRates">Where rates come from, or <see langword="null"/> for the embedded ECB snapshot.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/> for nowhere.</param>
    /// <exception cref="ArgumentException">Two providers share a name, or the options' currency is not an ISO 4217 code.</exception>
    public GigAggregator(
        IEnumerable<GigProvider> providers,
        GigAggregatorOptions? options = null,
        ExchangeRateProvider? exchangeRates = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        : this(providers, options, exchangeRates, timeProvider, loggerFactory, ownedServices: null)
    {
    }

    /// <summary>Initializes a new instance for mocking.</summary>
    protected GigAggregator()
    {
    }

    private GigAggregator(
        IEnumerable<GigProvider> providers,
        GigAggregatorOptions? options,
        ExchangeRateProvider? exchangeRates,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory,
        IDisposable? ownedServices)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _options = options ?? new GigAggregatorOptions();
        if (_options.Currency is { } code)
        {
            _configuredCurrency = Currency.TryFromCode(code, out var configured)
                ? configured
                : throw new ArgumentException($"GigAggregatorOptions.Currency '{code}' is not an active ISO 4217 currency code.", nameof(options));
        }

        _exchangeRates = exchangeRates ?? ExchangeRateProvider.Default;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory?.CreateLogger<GigAggregator>() ?? NullLogger<GigAggregator>.Instance;
        _ownedServices = ownedServices;

        var list = providers.ToList();
        foreach (var provider in list)
        {
            ArgumentNullException.ThrowIfNull(provider, nameof(providers));
            if (string.IsNullOrWhiteSpace(provider.Name))
            {
                throw new ArgumentException($"The provider {provider.GetType().FullName} has no name.", nameof(providers));
            }
        }

        var duplicate = list.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two providers are named '{duplicate.Key}'; register each site once, or give one another name.", nameof(providers));
        }

        _providers = list;
    }

    /// <summary>Gets the registered providers.</summary>
    public virtual IReadOnlyList<GigProvider> Providers => _providers;

    /// <summary>Creates an aggregator without a host: configure the providers on the builder, and dispose the aggregator when done.</summary>
    /// <param name="configure">Adds providers, e.g. <c>b =&gt; b.AddFreelancer().AddFiverr()</c>.</param>
    /// <param name="configureOptions">Sets aggregator options, or <see langword="null"/>.</param>
    /// <returns>The aggregator; it owns the services it created.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A provider's options are invalid; the message names the provider and the values.</exception>
    public static GigAggregator Create(Action<IFreelanceAggregatorBuilder> configure, Action<GigAggregatorOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = configureOptions is null ? services.AddFreelanceAggregator() : services.AddFreelanceAggregator(configureOptions);
        configure(builder);
        var serviceProvider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            return FromServices(serviceProvider, serviceProvider);
        }
        catch
        {
            serviceProvider.Dispose();
            throw;
        }
    }

    /// <summary>Searches every provider at once and streams listings as they arrive: converted, filtered and de-duplicated (not sorted).</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">A token that stops the search.</param>
    /// <returns>The listings.</returns>
    /// <exception cref="ArgumentException">The query names an unknown provider or an empty budget range.</exception>
    /// <exception cref="ExchangeRateNotFoundException">A budget bound is in a currency no rate source can convert.</exception>
    public virtual IAsyncEnumerable<Gig> SearchAsync(GigQuery query, CancellationToken cancellationToken = default) =>
        SearchAsync(query, null, cancellationToken);

    /// <summary>
    /// Searches every provider at once and streams listings as they arrive, reporting each provider's outcome to
    /// <paramref name="progress"/> as soon as the provider is done (after its last listing).
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="progress">Receives each <see cref="ProviderOutcome"/>, on the reading side, synchronously; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that stops the search.</param>
    /// <returns>The listings.</returns>
    /// <exception cref="ArgumentException">The query names an unknown provider or an empty budget range.</exception>
    /// <exception cref="ExchangeRateNotFoundException">A budget bound is in a currency no rate source can convert.</exception>
    public virtual async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, IProgress<ProviderOutcome>? progress, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var failures = new List<ProviderOutcome>();
        var run = await StartAsync(query, cancellationToken).ConfigureAwait(false);
        await foreach (var item in run.RunAsync(
            outcome =>
            {
                if (outcome.Status is ProviderStatus.Failed or ProviderStatus.TimedOut)
                {
                    failures.Add(outcome);
                }

                progress?.Report(outcome);
            },
            cancellationToken).ConfigureAwait(false))
        {
            yield return item.Gig;
        }

        ThrowIfRequired(failures);
    }

    /// <summary>Searches every provider at once and returns all listings, filtered, converted, de-duplicated and sorted, with one outcome per provider.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">A token that stops the search.</param>
    /// <returns>The listings and the outcomes.</returns>
    /// <exception cref="ArgumentException">The query names an unknown provider or an empty budget range.</exception>
    /// <exception cref="ExchangeRateNotFoundException">A budget bound is in a currency no rate source can convert.</exception>
    /// <exception cref="AggregateException">A provider failed and <see cref="GigAggregatorOptions.ThrowOnAnyProviderFailure"/> is set.</exception>
    public virtual Task<GigSearchResult> SearchAllAsync(GigQuery query, CancellationToken cancellationToken = default) =>
        SearchAllAsync(query, null, cancellationToken);

    /// <summary>
    /// Searches every provider at once and returns all listings, filtered, converted, de-duplicated and sorted, reporting
    /// each provider's progress (start, every listing delivered, outcome) to <paramref name="progress"/> for a live display.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="progress">Receives progress synchronously on the reading side, in order; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that stops the search.</param>
    /// <returns>The listings and the outcomes.</returns>
    /// <exception cref="ArgumentException">The query names an unknown provider or an empty budget range.</exception>
    /// <exception cref="ExchangeRateNotFoundException">A budget bound is in a currency no rate source can convert.</exception>
    /// <exception cref="AggregateException">A provider failed and <see cref="GigAggregatorOptions.ThrowOnAnyProviderFailure"/> is set.</exception>
    public virtual async Task<GigSearchResult> SearchAllAsync(GigQuery query, IProgress<GigSearchProgress>? progress, CancellationToken cancellationToken = default)
    {
        var started = _timeProvider.GetTimestamp();
        var run = await StartAsync(query, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<ProviderOutcome>();
        var gigs = new List<SearchRun.RankedGig>();
        if (progress is not null)
        {
            foreach (var provider in run.AskedProviders)
            {
                progress.Report(new GigSearchProgress(provider.Name, 0, null));
            }
        }

        await foreach (var item in run.RunAsync(
            outcome =>
            {
                outcomes.Add(outcome);
                progress?.Report(new GigSearchProgress(outcome.Provider, outcome.GigCount, outcome));
            },
            cancellationToken).ConfigureAwait(false))
        {
            gigs.Add(item);
            progress?.Report(new GigSearchProgress(item.Gig.Provider, item.Rank, null));
        }

        var order = _providers.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        outcomes.Sort((a, b) => order[a.Provider].CompareTo(order[b.Provider]));
        ThrowIfRequired(outcomes);
        return new GigSearchResult
        {
            Gigs = GigSorter.Sort(gigs, query.Sort),
            Outcomes = outcomes,
            Currency = run.Target,
            Query = query,
            Elapsed = _timeProvider.GetElapsedTime(started),
        };
    }

    /// <summary>Parses a one-line query (see <see cref="GigQuery.Parse"/>) and searches with it.</summary>
    /// <param name="query">The query text, e.g. <c>logo design budget:&lt;=1000000IDR posted:&lt;7d</c>.</param>
    /// <param name="cancellationToken">A token that stops the search.</param>
    /// <returns>The listings and the outcomes.</returns>
    /// <exception cref="FormatException">The query text cannot be parsed; the message names the token.</exception>
    public virtual Task<GigSearchResult> SearchAllAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SearchAllAsync(GigQuery.Parse(query), cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    internal static GigAggregator FromServices(IServiceProvider services, IDisposable? owned)
    {
        var options = services.GetRequiredService<IOptions<GigAggregatorOptions>>().Value;
        var providers = new Dictionary<string, GigProviderRegistration>(StringComparer.Ordinal);
        foreach (var registration in options.Providers)
        {
            // A later registration under the same key replaces an earlier one: AddFiverr() twice is one provider.
            providers.Remove(registration.Key);
            providers[registration.Key] = registration;
        }

        var created = providers.Values.Select(r => r.Factory(services)).ToList();
        return new GigAggregator(
            created,
            options,
            services.GetService<ExchangeRateProvider>(),
            services.GetService<TimeProvider>(),
            services.GetService<ILoggerFactory>(),
            owned);
    }

    /// <summary>Releases the services the aggregator owns (those <see cref="Create"/> made).</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedServices?.Dispose();
        }
    }

    /// <summary>Releases the services the aggregator owns, asynchronously.</summary>
    /// <returns>A task that completes when they are released.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        switch (_ownedServices)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case { } disposable:
                disposable.Dispose();
                break;
        }
    }

    // Internal so the benchmarks can measure a search's per-listing work (conversion and filters) without the fan-out.
    internal async Task<SearchRun> StartAsync(GigQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var selected = _providers;
        if (query.Providers is { Count: > 0 } names)
        {
            var unknown = names.Where(n => !_providers.Any(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                var known = _providers.Count == 0 ? "none are registered" : "registered: " + string.Join(", ", _providers.Select(p => p.Name));
                throw new ArgumentException($"The query names unknown provider(s) {string.Join(", ", unknown.Select(u => "'" + u + "'"))}; {known}.", nameof(query));
            }

            selected = _providers.Where(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        }

        var asked = new List<GigProvider>();
        var skipped = new List<(GigProvider, string)>();
        foreach (var provider in selected)
        {
            if (SkipReason(provider, query) is { } reason)
            {
                skipped.Add((provider, reason));
            }
            else
            {
                asked.Add(provider);
            }
        }

        var target = query.TargetCurrency ?? _configuredCurrency ?? SharedDisplayCurrency(asked) ?? Currency.USD;
        var resolved = query.TargetCurrency is null ? query with { TargetCurrency = target } : query;
        var minInTarget = await BoundInTargetAsync(query.MinBudget, target, cancellationToken).ConfigureAwait(false);
        var maxInTarget = await BoundInTargetAsync(query.MaxBudget, target, cancellationToken).ConfigureAwait(false);
        var matcher = new GigMatcher(resolved, minInTarget, maxInTarget, _timeProvider.GetUtcNow());
        return new SearchRun(asked, skipped, resolved, target, matcher, _exchangeRates, new SiteExchangeRates(), _options, _timeProvider, _logger);
    }

    // The currency every asked provider's site displays, if they agree on one.
    private static Currency? SharedDisplayCurrency(List<GigProvider> providers)
    {
        var shown = providers.Select(p => p.Capabilities.DisplayCurrency).Distinct().ToList();
        return shown is [{ } only] ? only : null;
    }

    private async ValueTask<Money?> BoundInTargetAsync(Money? bound, Currency target, CancellationToken cancellationToken) =>
        bound is { } b ? await _exchangeRates.ConvertAsync(b, target, cancellationToken).ConfigureAwait(false) : null;

    private static string? SkipReason(GigProvider provider, GigQuery query)
    {
        var capabilities = provider.Capabilities;
        if (query.Kind is { } kind && !capabilities.Kinds.Contains(kind))
        {
            var has = string.Join(" and ", capabilities.Kinds.Select(k => k == GigKind.Job ? "jobs" : "services"));
            return $"{provider.Name} lists only {has}, and the query asks for {(kind == GigKind.Job ? "jobs" : "services")}.";
        }

        if (capabilities.RequiresAnyOf != GigFilters.None && (query.Filters & capabilities.RequiresAnyOf) == GigFilters.None)
        {
            return $"{provider.Name} cannot search without {Describe(capabilities.RequiresAnyOf).Replace(", ", " or ", StringComparison.Ordinal)}; add some to include {provider.Name}.";
        }

        var missing = query.Filters & ~capabilities.FilterableFields;
        if (missing != GigFilters.None)
        {
            return $"{provider.Name} listings never carry what the filter(s) {Describe(missing)} need, so none could pass; remove the filter to include {provider.Name}.";
        }

        return null;
    }

    private static string Describe(GigFilters filters) => string.Join(
        ", ",
        Enum.GetValues<GigFilters>()
            .Where(f => f is not GigFilters.None and not GigFilters.All && filters.HasFlag(f))
            .Select(f => f switch
            {
                GigFilters.ClientCountry => "client country",
                GigFilters.PaymentVerified => "payment verified",
                GigFilters.MinRating => "minimum rating",
                GigFilters.MaxProposals => "maximum proposals",
                GigFilters.PostedWithin => "posted within",
                GigFilters.BudgetType => "budget type",
                GigFilters.ExcludedWords => "excluded words",
                _ => f.ToString().ToLowerInvariant(),
            }));

    private void ThrowIfRequired(IReadOnlyList<ProviderOutcome> outcomes)
    {
        if (!_options.ThrowOnAnyProviderFailure)
        {
            return;
        }

        var failed = outcomes.Where(o => o.Status is ProviderStatus.Failed or ProviderStatus.TimedOut).ToList();
        if (failed.Count > 0)
        {
            throw new AggregateException(
                $"{failed.Count} provider(s) failed: " + string.Join(" ", failed.Select(f => f.Message)),
                failed.Select(f => f.Exception ?? new GigProviderException(f.Provider, f.Message ?? f.Status.ToString())));
        }
    }
}

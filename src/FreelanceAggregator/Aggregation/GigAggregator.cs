using System.Runtime.CompilerServices;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.Configuration;
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

    // How long DisposeAsync waits for the services it owns to be released before it lets that finish on its own.
    private static readonly TimeSpan ReleaseWait = TimeSpan.FromMilliseconds(250);

    // Cancelled when the aggregator is disposed: every running search stops at once, before the services go.
    private readonly CancellationTokenSource _lifetime = new();
    private int _disposed;

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

        // Without a host there is no appsettings.json; the environment still configures providers
        // (FreelanceAggregator__Providers__fiverr__BaseAddress), as it would in a hosted app.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build());
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
    /// Searches every provider at once and streams listings as they arrive, reporting each provider's progress to
    /// <paramref name="progress"/>: when it starts, on every listing it delivers, and with its outcome when it is done
    /// (after its last listing).
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="progress">Receives progress synchronously on the reading side, in order; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that stops the search.</param>
    /// <returns>The listings.</returns>
    /// <exception cref="ArgumentException">The query names an unknown provider or an empty budget range.</exception>
    /// <exception cref="ExchangeRateNotFoundException">A budget bound is in a currency no rate source can convert.</exception>
    public virtual async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, IProgress<GigSearchProgress>? progress, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var failures = new List<ProviderOutcome>();
        using var search = Begin(cancellationToken);
        var run = await StartAsync(query, search.Token).ConfigureAwait(false);
        ReportStart(run, progress);
        await foreach (var item in run.RunAsync(
            outcome =>
            {
                if (outcome.Status is ProviderStatus.Failed or ProviderStatus.TimedOut)
                {
                    failures.Add(outcome);
                }

                progress?.Report(new GigSearchProgress(outcome.Provider, outcome.GigCount, outcome));
            },
            search.Token).ConfigureAwait(false))
        {
            progress?.Report(new GigSearchProgress(item.Gig.Provider, item.Rank, null));
            yield return item.Gig;
        }

        ThrowIfDisposedDuring(search);
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
        using var search = Begin(cancellationToken);
        var run = await StartAsync(query, search.Token).ConfigureAwait(false);
        var outcomes = new List<ProviderOutcome>();
        var gigs = new List<SearchRun.RankedGig>();
        ReportStart(run, progress);

        try
        {
            await foreach (var item in run.RunAsync(
                outcome =>
                {
                    outcomes.Add(outcome);
                    progress?.Report(new GigSearchProgress(outcome.Provider, outcome.GigCount, outcome));
                },
                search.Token).ConfigureAwait(false))
            {
                gigs.Add(item);
                progress?.Report(new GigSearchProgress(item.Gig.Provider, item.Rank, null));
            }
        }
        catch (OperationCanceledException ex) when (_lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException("The aggregator was disposed while the search ran.", ex);
        }

        ThrowIfDisposedDuring(search);
        var order = _providers.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        outcomes.Sort((a, b) => order[a.Provider].CompareTo(order[b.Provider]));
        ThrowIfRequired(outcomes);
        return new GigSearchResult
        {
            Gigs = GigSorter.Sort(gigs, query.Sort),
            Outcomes = outcomes,
            Currency = run.Plan.Target,
            Query = query,
            Elapsed = _timeProvider.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// Reads one provider's answer to a query page by page, for a caller that decides itself when to stop (a watch
    /// pages back until it meets a listing it has recorded): each page's listings are checked, stamped and converted to
    /// the query's currency as in a search, but not filtered and not limited. Pages come as the provider gives them,
    /// <see cref="GigProvider.PageDelay"/> apart, at most <see cref="GigProvider.MaxPages"/>.
    /// </summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="query">The query; without a <see cref="GigQuery.TargetCurrency"/>, budgets go to <see cref="GigAggregatorOptions.Currency"/>, the site's display currency, or USD.</param>
    /// <param name="cursor">A <see cref="GigSearchPage.NextCursor"/> to resume from, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">A token that stops the reading.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="ArgumentException">No provider has that name, or the query's budget range is empty.</exception>
    /// <exception cref="GigProviderException">A page could not be read; the pages before it were returned.</exception>
    /// <exception cref="ObjectDisposedException">The aggregator is disposed.</exception>
    public virtual async IAsyncEnumerable<GigSearchPage> ReadPagesAsync(string provider, GigQuery query, string? cursor = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var site = _providers.FirstOrDefault(p => string.Equals(p.Name, provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No provider is named '{provider}'; registered: {string.Join(", ", _providers.Select(p => p.Name))}.", nameof(provider));
        using var search = Begin(cancellationToken);
        var capabilities = site.Capabilities;
        var target = query.TargetCurrency ?? _configuredCurrency ?? capabilities.DisplayCurrency ?? Currency.USD;
        var resolved = query.TargetCurrency is null ? query with { TargetCurrency = target } : query;
        var preparer = new ListingPreparer(target, _exchangeRates);
        string[] hosts = [.. capabilities.SiteHosts];
        var index = 0;
        await foreach (var page in site.GetPagesAsync(resolved, cursor, cancellationToken: search.Token).ConfigureAwait(false))
        {
            var warnings = new ProviderWarnings(site.Name, null);
            warnings.AddRange(page.Warnings);
            foreach (var _ in preparer.AddSiteRates(page.ExchangeRates))
            {
            }

            var listings = new List<Gig>(page.Listings.Count);
            foreach (var listing in page.Listings)
            {
                if (await preparer.PrepareAsync(site, hosts, listing, warnings, search.Token).ConfigureAwait(false) is { } gig)
                {
                    listings.Add(gig);
                }
            }

            yield return new GigSearchPage
            {
                Provider = site.Name,
                Marketplace = capabilities.Marketplace ?? site.Name,
                PageIndex = index++,
                Listings = listings,
                NextCursor = page.NextCursor,
                TotalCount = page.TotalCount,
                Warnings = warnings.ToList(),
                RequestUri = page.RequestUri,
            };
        }
    }

    /// <summary>
    /// Creates the filter a search with <paramref name="query"/> applies, to ask about listings one by one (a watch that
    /// matches many queries against the listings of one read). Budget bounds are converted to the query's currency with
    /// the aggregator's rates, and "posted within" counts from the aggregator's clock now.
    /// </summary>
    /// <param name="query">The query; without a <see cref="GigQuery.TargetCurrency"/>, <see cref="GigAggregatorOptions.Currency"/> or USD.</param>
    /// <param name="cancellationToken">A token that stops the conversion of the bounds.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">The query's budget range is empty.</exception>
    /// <exception cref="ExchangeRateNotFoundException">A budget bound is in a currency no rate source can convert.</exception>
    public virtual async Task<GigMatcher> CreateMatcherAsync(GigQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var target = query.TargetCurrency ?? _configuredCurrency ?? Currency.USD;
        var resolved = query.TargetCurrency is null ? query with { TargetCurrency = target } : query;
        var min = query.MinBudget is { } low ? await _exchangeRates.ConvertAsync(low, target, cancellationToken).ConfigureAwait(false) : (Money?)null;
        var max = query.MaxBudget is { } high ? await _exchangeRates.ConvertAsync(high, target, cancellationToken).ConfigureAwait(false) : (Money?)null;
        return new GigMatcher(resolved, min, max, _timeProvider.GetUtcNow());
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

    /// <summary>
    /// Stops every running search at once (each ends with <see cref="ObjectDisposedException"/>, and no request starts
    /// after this), then releases the services the aggregator owns (those <see cref="Create"/> made).
    /// </summary>
    /// <returns>A task that completes when the services are released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (StopSearches())
        {
            // The searches have stopped, but their cancelled requests take a moment to unwind, and the HTTP services
            // wait for them as they are released; that release need not hold up the caller.
            var release = DisposeAsyncCore().AsTask();
            await Task.WhenAny(release, Task.Delay(ReleaseWait)).ConfigureAwait(false);
            if (release.IsCompleted)
            {
                await release.ConfigureAwait(false);
            }
            else
            {
                _ = release.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Stops every running search at once (each ends with <see cref="ObjectDisposedException"/>, and no request starts
    /// after this), then releases the services the aggregator owns (those <see cref="Create"/> made).
    /// </summary>
    public void Dispose()
    {
        if (StopSearches())
        {
            Dispose(disposing: true);
        }

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

    // Returns whether this call is the one that disposes.
    private bool StopSearches()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return false;
        }

        _lifetime.Cancel();
        return true;
    }

    // Ties a search to the aggregator's life: a search on a disposed aggregator is refused, and disposing stops it.
    private CancellationTokenSource Begin(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
    }

    // A search stopped by the aggregator's disposal says so, rather than returning what it had with cancelled outcomes.
    private void ThrowIfDisposedDuring(CancellationTokenSource search)
    {
        if (_lifetime.IsCancellationRequested && search.IsCancellationRequested)
        {
            throw new ObjectDisposedException(GetType().FullName, "The aggregator was disposed while the search ran.");
        }
    }

    // Internal so the benchmarks can measure a search's per-listing work (conversion and filters) without the fan-out.
    internal async Task<SearchRun> StartAsync(GigQuery query, CancellationToken cancellationToken)
    {
        var plan = await SearchPlan.CreateAsync(_providers, query, _configuredCurrency, _exchangeRates, _timeProvider, cancellationToken).ConfigureAwait(false);
        return new SearchRun(plan, _exchangeRates, _options, _timeProvider, _logger);
    }

    private static void ReportStart(SearchRun run, IProgress<GigSearchProgress>? progress)
    {
        if (progress is null)
        {
            return;
        }

        foreach (var provider in run.Plan.Asked)
        {
            progress.Report(new GigSearchProgress(provider.Name, 0, null));
        }
    }

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

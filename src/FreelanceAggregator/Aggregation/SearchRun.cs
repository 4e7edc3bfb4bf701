using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.Logging;

namespace FreelanceAggregator;

/// <summary>One search: fans out to the providers, converts and filters their listings as they arrive, and hands them to a single reader.</summary>
internal sealed partial class SearchRun
{
    private readonly IReadOnlyList<GigProvider> _providers;
    private readonly IReadOnlyList<(GigProvider Provider, string Reason)> _skipped;
    private readonly GigQuery _query;
    private readonly Currency _target;
    private readonly GigMatcher _matcher;
    private readonly ExchangeRateProvider _rates;
    private readonly SiteExchangeRates _siteRates;
    private readonly GigAggregatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    // Bounded, so that a reader slower than the sites holds at most this many listings in memory rather than every
    // listing the sites have sent; a pump that finds it full waits, and that wait does not count against its timeout.
    private const int BufferedEvents = 256;

    private readonly Channel<RunEvent> _events = Channel.CreateBounded<RunEvent>(
        new BoundedChannelOptions(BufferedEvents) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // Read once per search: a provider may build its capabilities on every call, and they are needed for every listing.
    private readonly string?[] _marketplaces;
    private readonly string[][] _siteHosts;
    private readonly ConcurrentDictionary<Currency, ExchangeRate> _rateCache = new();
    private readonly ConcurrentDictionary<Currency, byte> _missingRateWarned = new();

    /// <summary>Gets the providers this search asks (those not skipped).</summary>
    public IReadOnlyList<GigProvider> AskedProviders => _providers;

    /// <summary>Gets the currency budgets are converted to in this search.</summary>
    public Currency Target => _target;

    /// <summary>Gets the filters of this search, with its budget bounds in <see cref="Target"/>.</summary>
    internal GigMatcher Matcher => _matcher;

    public SearchRun(
        IReadOnlyList<GigProvider> providers,
        IReadOnlyList<(GigProvider Provider, string Reason)> skipped,
        GigQuery query,
        Currency target,
        GigMatcher matcher,
        ExchangeRateProvider rates,
        SiteExchangeRates siteRates,
        GigAggregatorOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _providers = providers;
        _skipped = skipped;
        _query = query;
        _target = target;
        _matcher = matcher;
        _rates = rates;
        _siteRates = siteRates;
        _options = options;
        _time = time;
        _logger = logger;
        _marketplaces = new string?[providers.Count];
        _siteHosts = new string[providers.Count][];
        for (var i = 0; i < providers.Count; i++)
        {
            var capabilities = providers[i].Capabilities;
            _marketplaces[i] = capabilities.Marketplace;
            _siteHosts[i] = [.. capabilities.SiteHosts];
        }
    }

    /// <summary>Runs the search. Outcomes are passed to <paramref name="onOutcome"/> on the reader's side, after the provider's last listing.</summary>
    public async IAsyncEnumerable<RankedGig> RunAsync(Action<ProviderOutcome> onOutcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = FreelanceAggregatorDiagnostics.ActivitySource.StartActivity("FreelanceAggregator.Search");
        activity?.SetTag("freelanceaggregator.query", _query.ToString());
        activity?.SetTag("freelanceaggregator.providers", _providers.Count);

        foreach (var (provider, reason) in _skipped)
        {
            LogSkipped(_logger, provider.Name, reason);
            onOutcome(new ProviderOutcome { Provider = provider.Name, Status = ProviderStatus.Skipped, Message = reason });
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pumps = new Task[_providers.Count];
        for (var i = 0; i < _providers.Count; i++)
        {
            var index = i;
            pumps[i] = Task.Run(() => PumpAsync(index, stop.Token), CancellationToken.None);
        }

        _ = Task.WhenAll(pumps).ContinueWith(_ => _events.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // Pairs rather than joined strings: remembering a listing's id then costs no new string per listing.
        var seenIds = new HashSet<(string Marketplace, string Id)>();
        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        var delivered = new int[_providers.Count];
        var duplicates = new int[_providers.Count];
        try
        {
            while (await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_events.Reader.TryRead(out var item))
                {
                    if (item.Outcome is { } outcome)
                    {
                        outcome = outcome with { GigCount = delivered[item.ProviderIndex], DuplicateCount = duplicates[item.ProviderIndex] };
                        FreelanceAggregatorDiagnostics.GigsReturned.Add(outcome.GigCount, new KeyValuePair<string, object?>("provider", outcome.Provider));
                        onOutcome(outcome);
                        continue;
                    }

                    var gig = item.Gig!;
                    if (_options.RemoveDuplicates)
                    {
                        var marketplace = _marketplaces[item.ProviderIndex] ?? gig.Provider;
                        var byId = seenIds.Add((marketplace, gig.Id));
                        var byUrl = seenUrls.Add(GigUrls.Canonical(gig.Url));
                        if (!byId || !byUrl)
                        {
                            duplicates[item.ProviderIndex]++;
                            continue;
                        }
                    }

                    delivered[item.ProviderIndex]++;
                    yield return new RankedGig(gig, item.ProviderIndex, delivered[item.ProviderIndex]);
                }
            }
        }
        finally
        {
            // The caller may stop reading early: stop the providers too, and wait for the pumps, which never
            // throw and never wait on a provider past cancellation. A pump may be waiting for room to hand over a
            // listing or its outcome, so what is left is read and dropped until every pump has finished.
            await stop.CancelAsync().ConfigureAwait(false);
            var finished = Task.WhenAll(pumps);
            while (!finished.IsCompleted)
            {
                while (_events.Reader.TryRead(out _))
                {
                }

                await Task.WhenAny(finished, _events.Reader.WaitToReadAsync(CancellationToken.None).AsTask()).ConfigureAwait(false);
            }

            await finished.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(int index, CancellationToken stopToken)
    {
        var provider = _providers[index];
        var timeout = provider.SearchTimeout ?? _options.ProviderTimeout;
        var started = _time.GetTimestamp();
        using var activity = FreelanceAggregatorDiagnostics.ActivitySource.StartActivity("FreelanceAggregator.Provider");
        activity?.SetTag("freelanceaggregator.provider", provider.Name);
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopToken, timeoutSource.Token);
        var context = new GigSearchContext(_siteRates, message => LogWarning(_logger, provider.Name, message));
        GigSearchContext.Current = context;

        var received = 0;
        var passed = 0;
        var filtered = 0;
        var invalid = 0;
        var outcome = new ProviderOutcome { Provider = provider.Name, Status = ProviderStatus.Succeeded };
        var waited = TimeSpan.Zero;
        IAsyncEnumerator<Gig>? enumerator = null;
        var abandoned = false;
        try
        {
            enumerator = provider.SearchAsync(_query, linked.Token).GetAsyncEnumerator(linked.Token);
            while (passed < _query.Limit)
            {
                var next = enumerator.MoveNextAsync();
                bool more;
                if (next.IsCompletedSuccessfully)
                {
                    more = next.Result;
                }
                else
                {
                    // WaitAsync returns at cancellation even when a provider ignores its token, so a site that never
                    // answers costs its timeout and nothing more.
                    var pending = next.AsTask();
                    try
                    {
                        more = await pending.WaitAsync(linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!pending.IsCompleted)
                    {
                        abandoned = true;
                        _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                        throw;
                    }
                }

                if (!more)
                {
                    break;
                }

                received++;
                var gig = await PrepareAsync(index, enumerator.Current, context, stopToken).ConfigureAwait(false);
                if (gig is null)
                {
                    invalid++;
                    continue;
                }

                if (!_matcher.Matches(gig))
                {
                    filtered++;
                    continue;
                }

                passed++;
                if (!_events.Writer.TryWrite(new RunEvent(index, gig, null)))
                {
                    // The reader is behind: wait for room, and give the provider the time it spent waiting back, since
                    // its timeout is for the site's answers, not for how fast the caller reads.
                    var waitStarted = _time.GetTimestamp();
                    var timed = timeout != Timeout.InfiniteTimeSpan && !timeoutSource.IsCancellationRequested;
                    if (timed)
                    {
                        timeoutSource.CancelAfter(Timeout.InfiniteTimeSpan);
                    }

                    await _events.Writer.WriteAsync(new RunEvent(index, gig, null), stopToken).ConfigureAwait(false);
                    waited += _time.GetElapsedTime(waitStarted);
                    if (timed)
                    {
                        var left = timeout + waited - _time.GetElapsedTime(started);
                        timeoutSource.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            outcome = outcome with { Status = ProviderStatus.Cancelled, Message = "the search was cancelled" };
        }
        catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested)
        {
            var (uri, waiting) = context.LastRequest;
            var where = uri is null ? string.Empty : waiting ? $" (still waiting for {uri.AbsoluteUri})" : $" (the last request was {uri.AbsoluteUri})";
            outcome = outcome with
            {
                Status = ProviderStatus.TimedOut,
                Failure = GigProviderFailure.Timeout,
                Message = string.Create(CultureInfo.InvariantCulture, $"{provider.Name}: no complete answer within the {timeout.TotalSeconds:0.###} s provider timeout{where}"),
                RequestUri = uri,
                Exception = ex,
            };
        }
        catch (GigProviderException ex)
        {
            outcome = outcome with
            {
                Status = ProviderStatus.Failed,
                Message = ex.Message,
                Failure = ex.Failure,
                StatusCode = ex.StatusCode,
                RequestUri = ex.RequestUri,
                Exception = ex,
            };
        }
#pragma warning disable CA1031 // A provider's bug must not sink the other providers: it becomes a failed outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = outcome with
            {
                Status = ProviderStatus.Failed,
                Message = $"{provider.Name}: the provider failed unexpectedly ({ex.GetType().Name}: {ex.Message})",
                Exception = ex,
            };
        }
        finally
        {
            if (enumerator is not null && !abandoned)
            {
                await DisposeQuietlyAsync(enumerator).ConfigureAwait(false);
            }

            GigSearchContext.Current = null;
        }

        var elapsed = _time.GetElapsedTime(started);
        outcome = outcome with
        {
            ReceivedCount = received,
            FilteredOutCount = filtered,
            InvalidCount = invalid,
            Elapsed = elapsed,
            Warnings = context.Warnings,
        };
        activity?.SetTag("freelanceaggregator.status", outcome.Status.ToString());
        activity?.SetTag("freelanceaggregator.gigs", passed);
        if (outcome.Status is ProviderStatus.Failed or ProviderStatus.TimedOut)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Message);
            LogFailed(_logger, provider.Name, outcome.Status, outcome.Message, outcome.Exception);
        }
        else
        {
            LogCompleted(_logger, provider.Name, outcome.Status, received, passed, elapsed.TotalSeconds);
        }

        FreelanceAggregatorDiagnostics.GigsReceived.Add(received, new KeyValuePair<string, object?>("provider", provider.Name));
        FreelanceAggregatorDiagnostics.ProviderDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("provider", provider.Name),
            new KeyValuePair<string, object?>("status", outcome.Status.ToString()));
        // Never cancelled: the reader takes every outcome, or drops what is left when it stops reading.
        await _events.Writer.WriteAsync(new RunEvent(index, null, outcome), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Checks the listing's required values, stamps the provider, and converts its budget; <see langword="null"/> drops it.</summary>
    internal async ValueTask<Gig?> PrepareAsync(int index, Gig? gig, GigSearchContext context, CancellationToken cancellationToken)
    {
        var provider = _providers[index];
        if (gig is null)
        {
            context.AddWarning(provider, $"{provider.Name}: the provider returned a null listing; it was skipped.");
            return null;
        }

        var problem = string.IsNullOrWhiteSpace(gig.Id) ? "it has no id"
            : string.IsNullOrWhiteSpace(gig.Title) ? "it has no title"
            : gig.Url is null || !gig.Url.IsAbsoluteUri || (gig.Url.Scheme != Uri.UriSchemeHttps && gig.Url.Scheme != Uri.UriSchemeHttp) ? $"its URL '{gig.Url?.OriginalString}' is not an absolute http(s) address"
            : _siteHosts[index] is { Length: > 0 } hosts && !GigUrls.IsOnHost(gig.Url, hosts) ? $"its URL '{gig.Url.AbsoluteUri}' is not on {string.Join(" or ", hosts)}"
            : null;
        if (problem is not null)
        {
            context.AddWarning(provider, $"{provider.Name}: listing '{gig.Id}' was skipped because {problem}.");
            return null;
        }

        if (gig.Provider != provider.Name)
        {
            gig = gig with { Provider = provider.Name };
        }

        if (gig.Budget is not { } budget)
        {
            return gig.ConvertedBudget is null ? gig : gig with { ConvertedBudget = null };
        }

        if (budget.Currency == _target)
        {
            return gig with { ConvertedBudget = ConvertedBudget.From(budget, _target, null) };
        }

        ExchangeRate? rate;
        try
        {
            rate = await FindRateAsync(budget.Currency, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failing rate source costs the conversion, not the provider's listings.
            if (_missingRateWarned.TryAdd(budget.Currency, 0))
            {
                context.AddWarning(provider, $"{provider.Name}: the exchange rate source failed for {budget.Currency} to {_target} ({ex.Message}); those budgets were not converted.");
            }

            return gig with { ConvertedBudget = null };
        }

        if (rate is null)
        {
            if (_missingRateWarned.TryAdd(budget.Currency, 0))
            {
                context.AddWarning(provider, $"{provider.Name}: no exchange rate from {budget.Currency} to {_target} is known ({_rates.Name}), so budgets in {budget.Currency} were not converted and cannot pass a budget filter in {_target}.");
            }

            return gig with { ConvertedBudget = null };
        }

        return gig with { ConvertedBudget = ConvertedBudget.From(budget, _target, rate) };
    }

    private async ValueTask<ExchangeRate?> FindRateAsync(Currency from, CancellationToken cancellationToken)
    {
        if (_rateCache.TryGetValue(from, out var cached))
        {
            return cached;
        }

        var rate = await _rates.FindRateAsync(from, _target, cancellationToken).ConfigureAwait(false);
        if (rate is null && !_siteRates.IsEmpty)
        {
            rate = await ExchangeRateProvider.Combine(_rates, _siteRates).FindRateAsync(from, _target, cancellationToken).ConfigureAwait(false);
        }

        if (rate is not null)
        {
            _rateCache[from] = rate;
        }

        return rate;
    }

    private static async Task DisposeQuietlyAsync(IAsyncEnumerator<Gig> enumerator)
    {
        try
        {
            await enumerator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Disposing a provider's enumerator must not turn a finished search into a failed one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Provider}: {Status}, {Received} listings received, {Passed} passed the filters, in {Seconds:0.00} s.")]
    private static partial void LogCompleted(ILogger logger, string provider, ProviderStatus status, int received, int passed, double seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Provider}: {Status}: {Message}")]
    private static partial void LogFailed(ILogger logger, string provider, ProviderStatus status, string? message, Exception? exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Provider}: skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Provider}: {Warning}")]
    private static partial void LogWarning(ILogger logger, string provider, string warning);

    internal readonly record struct RankedGig(Gig Gig, int ProviderIndex, int Rank);

    private sealed record RunEvent(int ProviderIndex, Gig? Gig, ProviderOutcome? Outcome);
}

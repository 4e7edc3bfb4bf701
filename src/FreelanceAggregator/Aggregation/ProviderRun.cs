using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.Logging;

namespace FreelanceAggregator;

/// <summary>
/// One provider's part of a search: reads the site's pages (<see cref="GigProvider.GetPagesAsync"/>), prepares and
/// filters each listing, and hands those that pass to the search's reader until the query's limit of them has passed,
/// the site has no more, or the provider's <see cref="GigProvider.MaxPages"/> are read. It ends with the provider's
/// <see cref="ProviderOutcome"/>, whatever happened: it never throws.
/// </summary>
internal sealed partial class ProviderRun
{
    // How long a cancelled page may take to end on its own, so that a timeout can name the request it was waiting for.
    private static readonly TimeSpan GraceToReportWhere = TimeSpan.FromMilliseconds(200);

    private readonly int _index;
    private readonly GigProvider _provider;
    private readonly SearchPlan _plan;
    private readonly ListingPreparer _preparer;
    private readonly ChannelWriter<RunEvent> _events;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string[] _siteHosts;
    private readonly int? _pageSize;

    public ProviderRun(int index, GigProvider provider, SearchPlan plan, ListingPreparer preparer, ChannelWriter<RunEvent> events, GigAggregatorOptions options, TimeProvider time, ILogger logger)
    {
        _index = index;
        _provider = provider;
        _plan = plan;
        _preparer = preparer;
        _events = events;
        _timeout = provider.SearchTimeout ?? options.ProviderTimeout;
        _time = time;
        _logger = logger;

        // Read once: a provider may build its capabilities on every call, and they are needed for every listing.
        var capabilities = provider.Capabilities;
        _siteHosts = [.. capabilities.SiteHosts];

        // When the site applies every filter of the query itself, what it answers mostly passes, and asking for just the
        // limit spares it work; otherwise a full page is likelier to hold what passes.
        _pageSize = (plan.Query.Filters & ~capabilities.ServerSideFilters) == GigFilters.None ? plan.Query.Limit : null;
    }

    public async Task RunAsync(CancellationToken stopToken)
    {
        var name = _provider.Name;
        var query = _plan.Query;
        var started = _time.GetTimestamp();
        using var activity = FreelanceAggregatorDiagnostics.ActivitySource.StartActivity("FreelanceAggregator.Provider");
        activity?.SetTag("freelanceaggregator.provider", name);
        using var timeoutSource = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopToken, timeoutSource.Token);
        var warnings = new ProviderWarnings(name, warning => LogWarning(_logger, name, warning.Kind, warning.Message));
        var counts = new Counts();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var outcome = new ProviderOutcome { Provider = name, Status = ProviderStatus.Succeeded };
        var waited = TimeSpan.Zero;
        Uri? lastUri = null;
        IAsyncEnumerator<GigPage>? pages = null;
        Task<bool>? abandoned = null;
        try
        {
            pages = _provider.GetPagesAsync(query, null, _pageSize, linked.Token).GetAsyncEnumerator(linked.Token);
            GigPage? last = null;
            var done = false;
            while (!done)
            {
                var next = pages.MoveNextAsync();
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
                        abandoned = pending;
                        _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                        throw;
                    }
                }

                if (!more)
                {
                    break;
                }

                var page = pages.Current;
                last = page;
                counts.Pages++;
                lastUri = page.RequestUri ?? lastUri;
                warnings.AddRange(page.Warnings);
                foreach (var rate in _preparer.AddSiteRates(page.ExchangeRates))
                {
                    LogSiteRate(_logger, name, rate);
                }

                var repeated = 0;
                counts.Received += page.Listings.Count;
                foreach (var listing in page.Listings)
                {
                    var gig = await _preparer.PrepareAsync(_provider, _siteHosts, listing, warnings, stopToken).ConfigureAwait(false);
                    if (gig is null)
                    {
                        counts.Invalid++;
                        continue;
                    }

                    // Offsets shift while a site is paged (a listing posted meanwhile pushes the others down), so a
                    // listing already read on an earlier page is not counted twice.
                    if (!seenIds.Add(gig.Id))
                    {
                        repeated++;
                        counts.Repeated++;
                        continue;
                    }

                    if (!_plan.Matcher.Matches(gig))
                    {
                        counts.Filtered++;
                        continue;
                    }

                    counts.Passed++;
                    waited += await DeliverAsync(gig, timeoutSource, started, waited, stopToken).ConfigureAwait(false);
                    if (counts.Passed >= query.Limit)
                    {
                        done = true;
                        break;
                    }
                }

                if (!done && page.NextCursor is not null && page.Listings.Count > 0 && repeated == page.Listings.Count)
                {
                    warnings.Add(new GigWarning(GigWarningKind.PagingStopped, string.Create(CultureInfo.InvariantCulture, $"{name}: page {counts.Pages} repeated only listings of earlier pages, so paging stopped there.")));
                    done = true;
                }
            }

            if (!done && last is { NextCursor: not null })
            {
                warnings.Add(new GigWarning(GigWarningKind.PagingStopped, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name}: stopped after {counts.Pages} pages (MaxPages) with {counts.Passed} of the {query.Limit} listings asked for{(last.TotalCount is { } total ? $"; the site counts {total} in all" : string.Empty)}; more may match. Raise MaxPages to read further.")));
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            outcome = outcome with { Status = ProviderStatus.Cancelled, Message = "the search was cancelled" };
        }
        catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested)
        {
            var waiting = await WaitingForAsync(ex, abandoned).ConfigureAwait(false);
            var uri = waiting ?? lastUri;
            var where = uri is null ? string.Empty : waiting is not null ? $" (still waiting for {uri.AbsoluteUri})" : $" (the last request was {uri.AbsoluteUri})";
            outcome = outcome with
            {
                Status = ProviderStatus.TimedOut,
                Failure = GigProviderFailure.Timeout,
                Message = string.Create(CultureInfo.InvariantCulture, $"{name}: no complete answer within the {_timeout.TotalSeconds:0.###} s provider timeout{where}"),
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
                Message = $"{name}: the provider failed unexpectedly ({ex.GetType().Name}: {ex.Message})",
                Exception = ex,
            };
        }
        finally
        {
            if (pages is not null && abandoned is null)
            {
                await DisposeQuietlyAsync(pages).ConfigureAwait(false);
            }
        }

        var elapsed = _time.GetElapsedTime(started);
        outcome = outcome with
        {
            ReceivedCount = counts.Received,
            FilteredOutCount = counts.Filtered,
            InvalidCount = counts.Invalid,
            DuplicateCount = counts.Repeated,
            PageCount = counts.Pages,
            Elapsed = elapsed,
            Warnings = warnings.ToList(),
        };
        Record(activity, outcome, counts);

        // Never cancelled: the reader takes every outcome, or drops what is left when it stops reading.
        await _events.WriteAsync(new RunEvent(_index, null, outcome), CancellationToken.None).ConfigureAwait(false);
    }

    // Hands a listing to the reader; returns how long it waited for room, time the provider's timeout gives back.
    private async ValueTask<TimeSpan> DeliverAsync(Gig gig, CancellationTokenSource timeoutSource, long started, TimeSpan waitedBefore, CancellationToken stopToken)
    {
        if (_events.TryWrite(new RunEvent(_index, gig, null)))
        {
            return TimeSpan.Zero;
        }

        // The reader is behind: wait for room, and give the provider the time it spent waiting back, since its
        // timeout is for the site's answers, not for how fast the caller reads.
        var waitStarted = _time.GetTimestamp();
        var timed = _timeout != Timeout.InfiniteTimeSpan && !timeoutSource.IsCancellationRequested;
        if (timed)
        {
            timeoutSource.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        await _events.WriteAsync(new RunEvent(_index, gig, null), stopToken).ConfigureAwait(false);
        var waited = _time.GetElapsedTime(waitStarted);
        if (timed)
        {
            var left = _timeout + waitedBefore + waited - _time.GetElapsedTime(started);
            timeoutSource.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        return waited;
    }

    // The request a timed-out page was waiting for, when the HTTP client said so (a provider that ignored its token
    // gets a moment to end first).
    private static async Task<Uri?> WaitingForAsync(OperationCanceledException ex, Task<bool>? abandoned)
    {
        if (FindRequest(ex) is { } uri)
        {
            return uri;
        }

        if (abandoned is null)
        {
            return null;
        }

        await Task.WhenAny(abandoned, Task.Delay(GraceToReportWhere)).ConfigureAwait(false);
        if (!abandoned.IsCompleted)
        {
            return null;
        }

        try
        {
            // A cancelled task keeps the exception it was cancelled with, and awaiting it throws that one.
            await abandoned.ConfigureAwait(false);
            return null;
        }
#pragma warning disable CA1031 // Only read for the address it may carry; the page's failure is already the timeout.
        catch (Exception inner)
#pragma warning restore CA1031
        {
            return FindRequest(inner);
        }
    }

    private static Uri? FindRequest(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is RequestCanceledException canceled)
            {
                return canceled.RequestUri;
            }
        }

        return null;
    }

    private void Record(Activity? activity, ProviderOutcome outcome, Counts counts)
    {
        var name = _provider.Name;
        activity?.SetTag("freelanceaggregator.status", outcome.Status.ToString());
        activity?.SetTag("freelanceaggregator.gigs", counts.Passed);
        activity?.SetTag("freelanceaggregator.pages", counts.Pages);
        if (outcome.Status is ProviderStatus.Failed or ProviderStatus.TimedOut)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Message);
            LogFailed(_logger, name, outcome.Status, outcome.Message, outcome.Exception);
        }
        else
        {
            LogCompleted(_logger, name, outcome.Status, counts.Received, counts.Passed, counts.Pages, outcome.Elapsed.TotalSeconds);
        }

        FreelanceAggregatorDiagnostics.GigsReceived.Add(counts.Received, new KeyValuePair<string, object?>("provider", name));
        FreelanceAggregatorDiagnostics.ProviderDuration.Record(
            outcome.Elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("provider", name),
            new KeyValuePair<string, object?>("status", outcome.Status.ToString()));
    }

    private static async Task DisposeQuietlyAsync(IAsyncEnumerator<GigPage> enumerator)
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

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Provider}: {Status}, {Received} listings received, {Passed} passed the filters, {Pages} pages, in {Seconds:0.00} s.")]
    private static partial void LogCompleted(ILogger logger, string provider, ProviderStatus status, int received, int passed, int pages, double seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Provider}: {Status}: {Message}")]
    private static partial void LogFailed(ILogger logger, string provider, ProviderStatus status, string? message, Exception? exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Provider}: {Kind}: {Warning}")]
    private static partial void LogWarning(ILogger logger, string provider, GigWarningKind kind, string warning);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Provider} published the rate {Rate}.")]
    private static partial void LogSiteRate(ILogger logger, string provider, ExchangeRate rate);

    private sealed class Counts
    {
        public int Pages;
        public int Received;
        public int Passed;
        public int Filtered;
        public int Invalid;
        public int Repeated;
    }
}

/// <summary>What a provider's run hands to the search's reader: a listing that passed, or the provider's outcome.</summary>
internal sealed record RunEvent(int ProviderIndex, Gig? Gig, ProviderOutcome? Outcome);

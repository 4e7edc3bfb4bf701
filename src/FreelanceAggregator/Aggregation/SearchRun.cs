using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FreelanceAggregator;

/// <summary>
/// One search, after its <see cref="SearchPlan"/>: runs every asked provider at once (<see cref="ProviderRun"/>, each
/// preparing and filtering its own listings through the shared <see cref="ListingPreparer"/>), and hands what passes to
/// a single reader, de-duplicated across providers (<see cref="Deduplicator"/>), with each provider's outcome after
/// its last listing.
/// </summary>
internal sealed partial class SearchRun
{
    // Bounded, so that a reader slower than the sites holds at most this many listings in memory rather than every
    // listing the sites have sent; a provider that finds it full waits, and that wait does not count against its timeout.
    private const int BufferedEvents = 256;

    private readonly SearchPlan _plan;
    private readonly ListingPreparer _preparer;
    private readonly GigAggregatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string?[] _marketplaces;

    private readonly Channel<RunEvent> _events = Channel.CreateBounded<RunEvent>(
        new BoundedChannelOptions(BufferedEvents) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public SearchRun(SearchPlan plan, ExchangeRates.ExchangeRateProvider rates, GigAggregatorOptions options, TimeProvider time, ILogger logger)
    {
        _plan = plan;
        _preparer = new ListingPreparer(plan.Target, rates);
        _options = options;
        _time = time;
        _logger = logger;
        _marketplaces = [.. plan.Asked.Select(p => p.Capabilities.Marketplace)];
    }

    /// <summary>Gets what the search asks and of whom.</summary>
    public SearchPlan Plan => _plan;

    /// <summary>Gets the stage that prepares each listing (internal so the benchmarks can measure it alone).</summary>
    internal ListingPreparer Preparer => _preparer;

    /// <summary>Runs the search. Outcomes are passed to <paramref name="onOutcome"/> on the reader's side, after the provider's last listing.</summary>
    public async IAsyncEnumerable<RankedGig> RunAsync(Action<ProviderOutcome> onOutcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = FreelanceAggregatorDiagnostics.ActivitySource.StartActivity("FreelanceAggregator.Search");
        activity?.SetTag("freelanceaggregator.query", _plan.Query.ToString());
        activity?.SetTag("freelanceaggregator.providers", _plan.Asked.Count);

        foreach (var (provider, reason) in _plan.Skipped)
        {
            LogSkipped(_logger, provider.Name, reason);
            onOutcome(new ProviderOutcome { Provider = provider.Name, Status = ProviderStatus.Skipped, Message = reason });
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = new Task[_plan.Asked.Count];
        for (var i = 0; i < runs.Length; i++)
        {
            var run = new ProviderRun(i, _plan.Asked[i], _plan, _preparer, _events.Writer, _options, _time, _logger);
            runs[i] = Task.Run(() => run.RunAsync(stop.Token), CancellationToken.None);
        }

        _ = Task.WhenAll(runs).ContinueWith(_ => _events.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        var deduplicator = new Deduplicator();
        var delivered = new int[runs.Length];
        var duplicates = new int[runs.Length];
        try
        {
            while (await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_events.Reader.TryRead(out var item))
                {
                    if (item.Outcome is { } outcome)
                    {
                        outcome = outcome with { GigCount = delivered[item.ProviderIndex], DuplicateCount = outcome.DuplicateCount + duplicates[item.ProviderIndex] };
                        FreelanceAggregatorDiagnostics.GigsReturned.Add(outcome.GigCount, new KeyValuePair<string, object?>("provider", outcome.Provider));
                        onOutcome(outcome);
                        continue;
                    }

                    var gig = item.Gig!;
                    if (_options.RemoveDuplicates && !deduplicator.IsNew(_marketplaces[item.ProviderIndex], gig))
                    {
                        duplicates[item.ProviderIndex]++;
                        continue;
                    }

                    delivered[item.ProviderIndex]++;
                    yield return new RankedGig(gig, item.ProviderIndex, delivered[item.ProviderIndex]);
                }
            }
        }
        finally
        {
            // The caller may stop reading early: stop the providers too, and wait for their runs, which never throw
            // and never wait on a provider past cancellation. A run may be waiting for room to hand over a listing or
            // its outcome, so what is left is read and dropped until every run has finished.
            await stop.CancelAsync().ConfigureAwait(false);
            var finished = Task.WhenAll(runs);
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

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Provider}: skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string provider, string reason);

    internal readonly record struct RankedGig(Gig Gig, int ProviderIndex, int Rank);
}

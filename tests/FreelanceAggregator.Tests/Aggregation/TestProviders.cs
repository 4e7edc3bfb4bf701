using System.Runtime.CompilerServices;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Tests.Aggregation;

/// <summary>Providers that behave in one scripted way each, for aggregator tests.</summary>
internal static class TestProviders
{
    public static Gig Job(string provider, string id, decimal? budget = null, string currency = "USD", string? title = null, DateTimeOffset? posted = null, int? proposals = null, BudgetType type = BudgetType.Fixed) => new()
    {
        Provider = provider,
        Id = id,
        Title = title ?? $"Job {id}",
        Url = new Uri($"https://{provider}.example.com/jobs/{id}"),
        Budget = budget is { } b ? new Budget(new Money(b, currency), null, type) : null,
        PostedAt = posted,
        Proposals = proposals,
    };
}

/// <summary>Yields its listings, optionally after a delay before each, optionally failing after some.</summary>
internal sealed class ScriptedProvider(string name, IEnumerable<Gig> gigs) : GigProvider
{
    private readonly Gig[] _gigs = [.. gigs];

    public override string Name => name;

    public TimeSpan DelayBeforeEach { get; init; }

    public int? FailAfter { get; init; }

    public Exception? Failure { get; init; }

    public GigProviderCapabilities? CapabilitiesOverride { get; init; }

    public IReadOnlyList<ExchangeRate> SiteRates { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int Started => _started;

    public override GigProviderCapabilities Capabilities => CapabilitiesOverride ?? base.Capabilities;

    private int _started;

    public override async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _started);
        foreach (var rate in SiteRates)
        {
            ReportExchangeRate(rate);
        }

        foreach (var warning in Warnings)
        {
            ReportWarning(warning);
        }

        for (var i = 0; i < _gigs.Length; i++)
        {
            if (FailAfter == i)
            {
                throw Failure ?? new GigProviderException(Name, "the site broke mid-search", new Uri($"https://{Name}.example.com/search?page=2"), System.Net.HttpStatusCode.BadGateway, GigProviderFailure.HttpStatus);
            }

            if (DelayBeforeEach > TimeSpan.Zero)
            {
                await Task.Delay(DelayBeforeEach, cancellationToken);
            }

            yield return _gigs[i];
        }

        if (FailAfter is { } after && after >= _gigs.Length)
        {
            throw Failure ?? new GigProviderException(Name, "the site broke", null, null, GigProviderFailure.HttpStatus);
        }
    }
}

/// <summary>Never answers and ignores cancellation: the worst a provider can do.</summary>
internal sealed class NeverAnsweringProvider(string name) : GigProvider
{
    public override string Name => name;

    public override async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await new TaskCompletionSource().Task;
        yield break;
    }
}

/// <summary>Yields as many listings as asked, as fast as it is read, counting how many it has handed over.</summary>
internal sealed class CountingProvider(string name, int count) : GigProvider
{
    private int _yielded;

    public override string Name => name;

    public int Yielded => Volatile.Read(ref _yielded);

    public override async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Increment(ref _yielded);
            yield return TestProviders.Job(name, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Waits until the provider has stopped being read (the aggregator holds it back), at most ten seconds.</summary>
    public async Task WaitUntilHeldBackAsync(CancellationToken cancellationToken)
    {
        var seen = -1;
        for (var attempt = 0; attempt < 100 && Yielded != seen; attempt++)
        {
            seen = Yielded;
            await Task.Delay(100, cancellationToken);
        }
    }
}

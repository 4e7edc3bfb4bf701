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

/// <summary>
/// Gives its listings page by page (one listing per page unless <see cref="PageSize"/> says otherwise), optionally
/// after a delay before each page, optionally failing at some listing's page.
/// </summary>
internal sealed class ScriptedProvider(string name, IEnumerable<Gig> gigs) : GigProvider
{
    private readonly Gig[] _gigs = [.. gigs];

    public override string Name => name;

    public TimeSpan DelayBeforeEach { get; init; }

    public int? FailAfter { get; init; }

    public Exception? Failure { get; init; }

    public GigProviderCapabilities? CapabilitiesOverride { get; init; }

    public IReadOnlyList<ExchangeRate> SiteRates { get; init; } = [];

    public IReadOnlyList<GigWarning> Warnings { get; init; } = [];

    public int PageSize { get; init; } = 1;

    /// <summary>Gets anything a test wants to find again through the provider (a service it was built with).</summary>
    public object? Tag { get; init; }

    public int? MaxPagesOverride { get; init; }

    public int Started => _started;

    public int PagesFetched => _pages;

    /// <summary>Gets every request the provider was asked, in order.</summary>
    public List<GigPageRequest> Requests { get; } = [];

    /// <summary>Gets the pause between pages the aggregator must keep, or zero.</summary>
    public TimeSpan PageDelayOverride { get; init; }

    /// <summary>Gets the clock the pause is waited on, or <see langword="null"/> for the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Gets a page number whose answer repeats the first page, or <see langword="null"/>.</summary>
    public int? RepeatFirstPageAt { get; init; }

    /// <summary>Gets rates the site publishes with a given page (its zero-based start index).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<ExchangeRate>> RatesAt { get; init; } = new Dictionary<int, IReadOnlyList<ExchangeRate>>();

    public override TimeSpan PageDelay => PageDelayOverride;

    protected override TimeProvider TimeProvider => Clock ?? base.TimeProvider;

    public override GigProviderCapabilities Capabilities => CapabilitiesOverride ?? base.Capabilities;

    public override int MaxPages => MaxPagesOverride ?? 1_000;

    private int _started;
    private int _pages;

    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        var start = request.Cursor is null ? 0 : int.Parse(request.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        if (start == 0)
        {
            Interlocked.Increment(ref _started);
        }

        var pageNumber = Interlocked.Increment(ref _pages);
        lock (Requests)
        {
            Requests.Add(request);
        }

        if (RepeatFirstPageAt == pageNumber)
        {
            return new GigPage(_gigs[..Math.Min(PageSize, _gigs.Length)], (start + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (DelayBeforeEach > TimeSpan.Zero)
        {
            await Task.Delay(DelayBeforeEach, cancellationToken);
        }

        var end = Math.Min(start + PageSize, _gigs.Length);
        if (FailAfter is { } failAt && failAt >= start && failAt < end)
        {
            throw Failure ?? new GigProviderException(Name, "the site broke mid-search", new Uri($"https://{Name}.example.com/search?page=2"), System.Net.HttpStatusCode.BadGateway, GigProviderFailure.HttpStatus);
        }

        // Failing after the last listing: the listings all arrive, then the page after them fails.
        var failsAtTheEnd = FailAfter >= _gigs.Length;
        if (failsAtTheEnd && start >= _gigs.Length)
        {
            throw Failure ?? new GigProviderException(Name, "the site broke", null, null, GigProviderFailure.HttpStatus);
        }

        var more = end < _gigs.Length || failsAtTheEnd;
        return new GigPage(_gigs[start..end], more ? end.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
        {
            Warnings = start == 0 ? Warnings : [],
            ExchangeRates = start == 0 ? SiteRates : RatesAt.TryGetValue(start, out var rates) ? rates : [],
        };
    }
}

/// <summary>Never answers and ignores cancellation: the worst a provider can do.</summary>
internal sealed class NeverAnsweringProvider(string name) : GigProvider
{
    public override string Name => name;

    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        await new TaskCompletionSource().Task;
        return GigPage.Empty;
    }
}

/// <summary>Gives as many listings as asked, a page of ten at a time, as fast as it is read, counting how many it has handed over.</summary>
internal sealed class CountingProvider(string name, int count) : GigProvider
{
    private int _yielded;

    public override string Name => name;

    public override int MaxPages => int.MaxValue;

    public int Yielded => Volatile.Read(ref _yielded);

    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var start = request.Cursor is null ? 0 : int.Parse(request.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        var end = Math.Min(start + 10, count);
        var gigs = new List<Gig>(end - start);
        for (var i = start; i < end; i++)
        {
            gigs.Add(TestProviders.Job(name, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Interlocked.Add(ref _yielded, gigs.Count);
        return new GigPage(gigs, end < count ? end.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
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

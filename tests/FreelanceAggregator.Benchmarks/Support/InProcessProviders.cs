using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Benchmarks.Support;

/// <summary>A site that answers every page after a fixed delay, as a slow marketplace would; no HTTP involved.</summary>
internal sealed class DelayedProvider(string name, TimeSpan pageDelay, int pages, int pageSize) : GigProvider
{
    private readonly GigProviderCapabilities _capabilities = SyntheticGigs.Capabilities(name);

    public override string Name => name;

    public override GigProviderCapabilities Capabilities => _capabilities;

    public override int MaxPages => pages;

    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        var page = request.Cursor is null ? 0 : int.Parse(request.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(pageDelay, cancellationToken);
        var gigs = new Gig[pageSize];
        for (var i = 0; i < pageSize; i++)
        {
            gigs[i] = SyntheticGigs.Create(name, (page * pageSize) + i);
        }

        return new GigPage(gigs, page + 1 < pages ? (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}

/// <summary>
/// A site that gives <see cref="Count"/> listings as fast as they can be made, in pages of 50, each page made only when
/// asked for: nothing but the page being read is held on the provider's side.
/// </summary>
internal sealed class StreamingProvider(string name) : GigProvider
{
    private readonly GigProviderCapabilities _capabilities = SyntheticGigs.Capabilities(name);

    public int Count { get; set; }

    public override string Name => name;

    public override GigProviderCapabilities Capabilities => _capabilities;

    public override int MaxPages => int.MaxValue;

    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        // A yield per page, as a real provider has an await there.
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var start = request.Cursor is null ? 0 : int.Parse(request.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        var end = Math.Min(start + PageSize, Count);
        var gigs = new Gig[end - start];
        for (var i = start; i < end; i++)
        {
            gigs[i - start] = SyntheticGigs.Create(name, i);
        }

        return new GigPage(gigs, end < Count ? end.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private const int PageSize = 50;
}

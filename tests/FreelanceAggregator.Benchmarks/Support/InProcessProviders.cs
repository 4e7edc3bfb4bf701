using System.Runtime.CompilerServices;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Benchmarks.Support;

/// <summary>A site that answers every page after a fixed delay, as a slow marketplace would; no HTTP involved.</summary>
internal sealed class DelayedProvider(string name, TimeSpan pageDelay, int pages, int pageSize) : GigProvider
{
    private readonly GigProviderCapabilities _capabilities = SyntheticGigs.Capabilities(name);

    public override string Name => name;

    public override GigProviderCapabilities Capabilities => _capabilities;

    public override async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; page < pages; page++)
        {
            await Task.Delay(pageDelay, cancellationToken);
            for (var i = 0; i < pageSize; i++)
            {
                yield return SyntheticGigs.Create(name, (page * pageSize) + i);
            }
        }
    }
}

/// <summary>
/// A site that streams <see cref="Count"/> listings as fast as they can be made, each made only when asked for, the
/// way a parser hands over a page's listings: nothing is held on the provider's side.
/// </summary>
internal sealed class StreamingProvider(string name) : GigProvider
{
    private readonly GigProviderCapabilities _capabilities = SyntheticGigs.Capabilities(name);

    public int Count { get; set; }

    public override string Name => name;

    public override GigProviderCapabilities Capabilities => _capabilities;

    public override async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One page of 50 listings at a time, with a yield between pages as a real provider has an await there.
        for (var i = 0; i < Count; i++)
        {
            if (i % 50 == 0)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return SyntheticGigs.Create(name, i);
        }
    }
}

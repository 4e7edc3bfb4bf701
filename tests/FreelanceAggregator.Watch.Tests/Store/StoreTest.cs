using Microsoft.Extensions.Time.Testing;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>
/// A test of the <see cref="WatchStore"/> contract: a real store of its own (a file, or a database), opened as a new
/// process would, with a clock the test moves. Linked into the PostgreSQL store's tests, so one suite runs on both.
/// </summary>
public abstract class StoreTest(TestStores stores) : IAsyncLifetime
{
    private readonly List<WatchStore> _opened = [];

    protected TestStores Stores { get; } = stores;

    protected FakeTimeProvider Clock { get; } = new(Listings.Start);

    /// <summary>Gets where the store is, as its error messages name it (a file path, or a server and database).</summary>
    protected string Location => Stores.Location;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => Stores.InitializeAsync(Token);

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await Stores.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the test's store as a new process would; another call is another process on the same store.</summary>
    protected async Task<WatchStore> OpenAsync() => Track(await Stores.OpenAsync(Clock, Token));

    /// <summary>Disposes the store when the test ends, if the test has not.</summary>
    protected T Track<T>(T store)
        where T : WatchStore
    {
        _opened.Add(store);
        return store;
    }

    /// <summary>Adds a watch and records its first (baseline) check, so the next cycles alert.</summary>
    protected static async Task<GigWatch> AddLiveAsync(WatchStore store, GigWatch watch, DateTimeOffset? at = null)
    {
        await store.AddWatchAsync(watch, Token);
        await store.RecordCycleAsync(new WatchCycle { CheckedAt = at ?? Listings.Start, CheckedWatches = [watch.Id] }, Token);
        return (await store.GetWatchAsync(watch.Id, Token))!;
    }
}

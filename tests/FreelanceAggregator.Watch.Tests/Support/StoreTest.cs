using Microsoft.Extensions.Time.Testing;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>A real SQLite store file in a folder of its own, with a clock the test moves.</summary>
public abstract class StoreTest : IAsyncLifetime
{
    private readonly List<SqliteWatchStore> _opened = [];

    protected TempFolder Folder { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(Listings.Start);

    protected string FilePath => Folder.File();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the test's file as a new process would.</summary>
    protected async Task<SqliteWatchStore> OpenAsync(string? path = null) =>
        Track(await SqliteWatchStore.OpenAsync(path ?? FilePath, new SqliteWatchStoreOptions { TimeProvider = Clock }, Token));

    /// <summary>Disposes the store when the test ends, if the test has not.</summary>
    protected SqliteWatchStore Track(SqliteWatchStore store)
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

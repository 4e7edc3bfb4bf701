namespace FreelanceAggregator.Watch.Tests;

/// <summary>SQLite for the shared store suite: a store file in a temp folder of the test's own.</summary>
public sealed class SqliteTestStores : TestStores
{
    public TempFolder Folder { get; } = new();

    public string FilePath => Folder.File();

    public override string Location => FilePath;

    public override async Task<WatchStore> OpenAsync(TimeProvider clock, CancellationToken cancellationToken) =>
        await SqliteWatchStore.OpenAsync(FilePath, new SqliteWatchStoreOptions { TimeProvider = clock }, cancellationToken);

    public override ValueTask DisposeAsync()
    {
        Folder.Dispose();
        return base.DisposeAsync();
    }
}

/// <summary>A test of what only the SQLite store does (its file, its migrations).</summary>
public abstract class SqliteStoreTest() : StoreTest(new SqliteTestStores())
{
    protected TempFolder Folder => ((SqliteTestStores)Stores).Folder;

    protected string FilePath => ((SqliteTestStores)Stores).FilePath;

    /// <summary>Opens a store file at another path.</summary>
    protected async Task<SqliteWatchStore> OpenAsync(string path) =>
        Track(await SqliteWatchStore.OpenAsync(path, new SqliteWatchStoreOptions { TimeProvider = Clock }, Token));
}

/// <summary>The shared store suite on SQLite files.</summary>
public sealed class SqliteWatchesTests() : WatchesTests(new SqliteTestStores());

/// <inheritdoc cref="SqliteWatchesTests"/>
public sealed class SqliteRecordCycleTests() : RecordCycleTests(new SqliteTestStores());

/// <inheritdoc cref="SqliteWatchesTests"/>
public sealed class SqliteOutboxTests() : OutboxTests(new SqliteTestStores());

/// <inheritdoc cref="SqliteWatchesTests"/>
public sealed class SqliteConcurrencyTests() : ConcurrencyTests(new SqliteTestStores());

namespace FreelanceAggregator.Watch.Tests;

/// <summary>One kind of store for the shared store suite: makes a test's own empty store and opens it.</summary>
public abstract class TestStores : IAsyncDisposable
{
    /// <summary>Gets where the test's store is, as the store's error messages name it.</summary>
    public abstract string Location { get; }

    /// <summary>Makes the test's own empty store (a folder, a database).</summary>
    public virtual ValueTask InitializeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Opens the test's store as a new process would.</summary>
    public abstract Task<WatchStore> OpenAsync(TimeProvider clock, CancellationToken cancellationToken);

    /// <summary>Removes the test's store; every store opened on it is disposed by then.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

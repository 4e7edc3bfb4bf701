namespace FreelanceAggregator.Watch;

/// <summary>Options for <see cref="SqliteWatchStore"/>.</summary>
public sealed class SqliteWatchStoreOptions
{
    /// <summary>Gets or sets the clock for when watches are created and how long alerts are held.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how long to wait for another process that holds the file's write lock before failing with <see cref="WatchStoreError.Busy"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets a cap on the file's size in database pages, so tests can fill the "disk" without filling one.</summary>
    internal long? MaxPageCount { get; set; }
}

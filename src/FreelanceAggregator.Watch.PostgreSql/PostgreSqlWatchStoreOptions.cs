namespace FreelanceAggregator.Watch.PostgreSql;

/// <summary>Options for <see cref="PostgreSqlWatchStore"/>.</summary>
public sealed class PostgreSqlWatchStoreOptions
{
    /// <summary>The schema the store uses when <see cref="Schema"/> is not given.</summary>
    public const string DefaultSchema = "freelance_watch";

    /// <summary>Gets or sets the clock for when watches are created and how long alerts are held.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    /// <remarks>Every node that shares a database should have a synchronized clock: an alert's hold ends by the clock of the node that reads it.</remarks>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the PostgreSQL schema (namespace) that holds the store's tables, created when missing. Lower-case
    /// letters, digits and underscores, starting with a letter or underscore, at most 63 characters. Several stores can
    /// share a database in different schemas.
    /// </summary>
    /// <value>The default value is <see cref="DefaultSchema"/> (<c>freelance_watch</c>).</value>
    public string Schema { get; set; } = DefaultSchema;
}

using FreelanceAggregator.Watch.Tests;

namespace FreelanceAggregator.Watch.PostgreSql.Tests;

/// <summary>PostgreSQL for the shared store suite: a database of the test's own on the run's server, dropped afterwards.</summary>
public sealed class PostgreSqlTestStores(PostgreSqlServer server) : TestStores
{
    public string Database { get; private set; } = string.Empty;

    public string ConnectionString => server.ConnectionString(Database);

    public override string Location => $"{server.Host}:{server.Port}/{Database}, schema {PostgreSqlWatchStoreOptions.DefaultSchema}";

    public override async ValueTask InitializeAsync(CancellationToken cancellationToken) =>
        Database = await server.CreateDatabaseAsync(cancellationToken);

    public override async Task<WatchStore> OpenAsync(TimeProvider clock, CancellationToken cancellationToken) =>
        await PostgreSqlWatchStore.OpenAsync(ConnectionString, new PostgreSqlWatchStoreOptions { TimeProvider = clock }, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (Database.Length > 0)
        {
            await server.DropDatabaseAsync(Database, CancellationToken.None);
        }

        await base.DisposeAsync();
    }
}

/// <summary>The shared store suite on PostgreSQL.</summary>
public sealed class PostgreSqlWatchesTests(PostgreSqlServer server) : WatchesTests(new PostgreSqlTestStores(server));

/// <inheritdoc cref="PostgreSqlWatchesTests"/>
public sealed class PostgreSqlRecordCycleTests(PostgreSqlServer server) : RecordCycleTests(new PostgreSqlTestStores(server));

/// <inheritdoc cref="PostgreSqlWatchesTests"/>
public sealed class PostgreSqlOutboxTests(PostgreSqlServer server) : OutboxTests(new PostgreSqlTestStores(server));

/// <inheritdoc cref="PostgreSqlWatchesTests"/>
public sealed class PostgreSqlConcurrencyTests(PostgreSqlServer server) : ConcurrencyTests(new PostgreSqlTestStores(server));

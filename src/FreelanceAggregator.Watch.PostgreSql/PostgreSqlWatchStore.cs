using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace FreelanceAggregator.Watch.PostgreSql;

/// <summary>
/// A <see cref="WatchStore"/> in a PostgreSQL database, for watching from several machines at once. Open one with
/// <see cref="OpenAsync(string, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every guarantee is the database's, so it holds between nodes: a listing is recorded once and new to a subscriber once
/// because its keys are unique rows inserted with <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c> (two nodes recording
/// the same listing at the same moment produce one alert); an alert is handed to one node at a time because claims take
/// rows with <c>FOR UPDATE SKIP LOCKED</c>; each check cycle is one transaction.
/// </para>
/// <para>
/// Opening a store creates its schema (<see cref="PostgreSqlWatchStoreOptions.Schema"/>) and tables when missing and
/// runs the migrations an older schema lacks, in one transaction under an advisory lock, so nodes starting together
/// migrate once. A schema written by a newer version is refused. Messages name the server, database and schema, never
/// the password.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed partial class PostgreSqlWatchStore : WatchStore
{
    // A cycle that lost a deadlock to another node's cycle is run again whole: nothing of it was recorded.
    private const int MaxCycleAttempts = 5;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private int _schemaVersion;
    private int _disposed;

    private PostgreSqlWatchStore(NpgsqlDataSource dataSource, string location, string schema, TimeProvider time)
    {
        _dataSource = dataSource;
        Location = location;
        Schema = schema;
        _time = time;
    }

    /// <summary>Gets the schema version this code writes; a database with a newer one is refused.</summary>
    public static int CurrentSchemaVersion => PostgreSqlSchema.CurrentVersion;

    /// <summary>Gets where the store is, without credentials: <c>host:port/database, schema name</c>.</summary>
    public string Location { get; }

    /// <summary>Gets the PostgreSQL schema that holds the store's tables.</summary>
    public string Schema { get; }

    /// <inheritdoc/>
    public override int SchemaVersion => _schemaVersion;

    /// <summary>Opens the store in a PostgreSQL database, creating its schema and tables when missing and migrating older ones.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=watch;Username=watch;Password=…</c>. Its <c>Search Path</c> is replaced by the store's schema.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentException">The connection string cannot be read.</exception>
    /// <exception cref="WatchStoreException">
    /// The server cannot be reached, refuses the credentials, or has no such database (<see cref="WatchStoreError.Failed"/>);
    /// the user may not create the tables (<see cref="WatchStoreError.ReadOnly"/>); the schema holds another program's
    /// tables (<see cref="WatchStoreError.NotAWatchStore"/>) or was written by a newer version
    /// (<see cref="WatchStoreError.NewerSchema"/>). The message names the server, database and schema, and what to do.
    /// </exception>
    public static Task<PostgreSqlWatchStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, new PostgreSqlWatchStoreOptions(), cancellationToken);

    /// <summary>Opens the store in a PostgreSQL database with options; see <see cref="OpenAsync(string, CancellationToken)"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string. Its <c>Search Path</c> is replaced by <see cref="PostgreSqlWatchStoreOptions.Schema"/>.</param>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentException">The connection string cannot be read, or <see cref="PostgreSqlWatchStoreOptions.Schema"/> is not a plain lower-case name.</exception>
    /// <exception cref="WatchStoreException">The database cannot be used as a watch store; see <see cref="OpenAsync(string, CancellationToken)"/>.</exception>
    public static Task<PostgreSqlWatchStore> OpenAsync(string connectionString, PostgreSqlWatchStoreOptions options, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, options, PostgreSqlSchema.Migrations, cancellationToken);

    /// <summary>Describes the store, e.g. <c>PostgreSQL watch store db:5432/watch, schema freelance_watch (version 1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PostgreSQL watch store {Location} (version {SchemaVersion})");

    /// <summary>Opens with a given schema history: tests use it to stand for an older or newer version of this code.</summary>
    internal static async Task<PostgreSqlWatchStore> OpenAsync(string connectionString, PostgreSqlWatchStoreOptions options, IReadOnlyList<PostgreSqlMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            throw new ArgumentException(
                $"PostgreSqlWatchStoreOptions.Schema '{options.Schema}' is not a plain schema name: use lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.",
                nameof(options));
        }

        cancellationToken.ThrowIfCancellationRequested();
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql names the keyword that is wrong; the string itself (and its password) is not repeated.
            throw new ArgumentException($"The PostgreSQL connection string cannot be read: {e.Message}", nameof(connectionString));
        }

        // Unqualified names in every statement resolve to the store's schema; nothing else of the user's search path is used.
        builder.SearchPath = options.Schema;
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "FreelanceAggregator.Watch";
        }

        var location = string.Create(
            CultureInfo.InvariantCulture,
            $"{(string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host)}:{builder.Port}/{builder.Database ?? builder.Username ?? "(default database)"}, schema {options.Schema}");
        var store = new PostgreSqlWatchStore(NpgsqlDataSource.Create(builder), location, options.Schema, options.TimeProvider);
        try
        {
            store._schemaVersion = await store.MigrateAsync(migrations, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (NpgsqlException e)
        {
            await store._dataSource.DisposeAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw store.Translate(e, "opening it");
        }
        catch
        {
            await store._dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    internal WatchStoreException Translate(NpgsqlException e, string doing)
    {
        if (e is PostgresException p)
        {
            var cause = $"{p.SqlState}: {p.MessageText}";
            return p.SqlState switch
            {
                // invalid_password, invalid_authorization_specification
                "28P01" or "28000" => new WatchStoreException(
                    $"The PostgreSQL server of the watch store {Location} refused the user name or password ({cause}), so {doing} failed. Check the connection string's Username and Password.",
                    WatchStoreError.Failed,
                    Location,
                    e),
                // invalid_catalog_name
                "3D000" => new WatchStoreException(
                    $"The database of the watch store {Location} does not exist ({cause}), so {doing} failed. Create it (CREATE DATABASE), or fix the connection string's Database.",
                    WatchStoreError.Failed,
                    Location,
                    e),
                // insufficient_privilege, read_only_sql_transaction (a standby)
                "42501" or "25006" => new WatchStoreException(
                    $"The watch store {Location} cannot be written by this user ({cause}), so {doing} failed. Grant the user the rights to create and write the schema's tables, or connect to the primary server.",
                    WatchStoreError.ReadOnly,
                    Location,
                    e),
                // disk_full, out_of_memory, program_limit_exceeded for tables
                "53100" or "53200" => new WatchStoreException(
                    $"The PostgreSQL server of the watch store {Location} is out of space ({cause}), so {doing} failed and nothing of it was recorded. Free some space; the next attempt records it.",
                    WatchStoreError.Full,
                    Location,
                    e),
                // deadlock_detected, serialization_failure, lock_not_available, query_canceled (a statement timeout)
                "40P01" or "40001" or "55P03" or "57014" => new WatchStoreException(
                    $"The watch store {Location} stayed locked by other sessions ({cause}), so {doing} failed and nothing of it was recorded. Try again.",
                    WatchStoreError.Busy,
                    Location,
                    e),
                // data_corrupted, index_corrupted
                "XX001" or "XX002" => new WatchStoreException(
                    $"The watch store {Location} is damaged ({cause}), so {doing} failed. Restore the database from a backup.",
                    WatchStoreError.Unreadable,
                    Location,
                    e),
                _ when p.SqlState.StartsWith("23", StringComparison.Ordinal) => new WatchStoreException(
                    $"The watch store {Location} refused a change that breaks one of its rules ({cause}), so {doing} failed and nothing of it was recorded.",
                    WatchStoreError.Conflict,
                    Location,
                    e),
                _ => new WatchStoreException(
                    $"The PostgreSQL server of the watch store {Location} failed ({cause}), so {doing} failed and nothing of it was recorded.",
                    WatchStoreError.Failed,
                    Location,
                    e),
            };
        }

        return new WatchStoreException(
            IsUnreachable(e)
                ? $"The PostgreSQL server of the watch store {Location} cannot be reached ({e.Message}), so {doing} failed and nothing of it was recorded. Check that the server runs and that the connection string's Host and Port are right."
                : $"Talking to the PostgreSQL server of the watch store {Location} failed ({e.Message}), so {doing} failed and nothing of it was recorded.",
            WatchStoreError.Failed,
            Location,
            e);
    }

    private static bool IsUnreachable(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or TimeoutException or IOException)
            {
                return true;
            }
        }

        return e is NpgsqlException { IsTransient: true };
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    private async Task<int> MigrateAsync(IReadOnlyList<PostgreSqlMigration> migrations, CancellationToken cancellationToken)
    {
        var target = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionLifetime = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionLifetime = transaction.ConfigureAwait(false);

        // Held until the transaction ends: a second node opening now waits here, then finds the schema migrated.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1, hashtext($2))", cancellationToken, PostgreSqlSchema.AdvisoryLockClass, Schema).ConfigureAwait(false);

        var version = 0;
        if (await ScalarAsync(connection, transaction, "SELECT 1 FROM pg_namespace WHERE nspname = $1", cancellationToken, Schema).ConfigureAwait(false) is null)
        {
            if (target == 0)
            {
                return 0;
            }

            // The name was checked to be a plain identifier, so quoting it is all it needs.
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA \"{Schema}\"", cancellationToken).ConfigureAwait(false);
        }
        else if (await ScalarAsync(connection, transaction, "SELECT to_regclass($1)::text", cancellationToken, $"\"{Schema}\".{PostgreSqlSchema.VersionTable}").ConfigureAwait(false) is not null)
        {
            version = Convert.ToInt32(await ScalarAsync(connection, transaction, $"SELECT coalesce(max(version), 0) FROM {PostgreSqlSchema.VersionTable}", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        else
        {
            var tables = new List<string>();
            using var command = Command(connection, transaction, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1 LIMIT 6", Schema);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            if (tables.Count > 0)
            {
                throw new WatchStoreException(
                    $"The schema of the watch store {Location} holds tables of something else ({string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", …" : string.Empty)}), so it is not a FreelanceAggregator watch store. It was not changed. Choose another schema (PostgreSqlWatchStoreOptions.Schema).",
                    WatchStoreError.NotAWatchStore,
                    Location);
            }
        }

        if (version > target)
        {
            throw new WatchStoreException(
                $"The watch store {Location} has schema version {version}, but this version of FreelanceAggregator.Watch.PostgreSql reads versions up to {target}: a newer version wrote it. It was not changed. Upgrade the FreelanceAggregator.Watch.PostgreSql package on this node, or use another schema.",
                WatchStoreError.NewerSchema,
                Location);
        }

        foreach (var step in migrations.Where(m => m.Version > version))
        {
            await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
            using var record = Command(connection, transaction, $"INSERT INTO {PostgreSqlSchema.VersionTable} (version, description) VALUES ($1, $2)", step.Version, step.Description);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Math.Max(version, target);
    }

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> on a connection of its own and turns the server's errors into <see cref="WatchStoreException"/>s.</summary>
    private async Task<T> RunAsync<T>(string doing, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionLifetime = connection.ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Translate(e, doing);
        }
    }

    /// <summary>Builds a command with positional parameters (<c>$1</c>, <c>$2</c>, …); times are written as UTC microseconds.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
#pragma warning disable CA2100 // Every statement is a constant of this assembly (or names the validated schema); values go in parameters.
        var command = new NpgsqlCommand(sql, connection, transaction);
#pragma warning restore CA2100
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value },
                DateTimeOffset time => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = Stored(time) },
                NullTime { Value: var time } => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = time is { } t ? Stored(t) : DBNull.Value },
                NullText { Value: var text } => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)text ?? DBNull.Value },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>The time as PostgreSQL keeps it: UTC, whole microseconds. Times handed back are cut the same way, so they compare equal with what is read later.</summary>
    internal static DateTimeOffset Stored(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>A time parameter that may be null, typed so the server need not guess.</summary>
    private sealed record NullTime(DateTimeOffset? Value);

    /// <summary>A text parameter that may be null, typed so the server need not guess.</summary>
    private sealed record NullText(string? Value);
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FreelanceAggregator.Watch;

/// <summary>
/// The embedded <see cref="WatchStore"/>: one SQLite file in WAL mode, so a check cycle can write while others read, and
/// several processes (a background watcher and a command line, say) can share it. Open one with <see cref="OpenAsync(string, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// <para>
/// Opening a file checks that it is a watch store, refuses a schema newer than this code, and runs the migrations an
/// older file lacks, in one transaction. A new file is created readable by its owner only, since watches hold channel
/// URIs with tokens. Each check cycle is one transaction, synced to disk before it returns.
/// </para>
/// <para>
/// SQLite does its I/O synchronously: the asynchronous methods finish their work on the calling thread.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed partial class SqliteWatchStore : WatchStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly long? _maxPageCount;
    private int _schemaVersion;
    private int _disposed;

    private SqliteWatchStore(string filePath, string connectionString, TimeProvider time, long? maxPageCount)
    {
        FilePath = filePath;
        _connectionString = connectionString;
        _time = time;
        _maxPageCount = maxPageCount;
    }

    /// <summary>Gets the schema version this code writes; a file with a newer one is refused.</summary>
    public static int CurrentSchemaVersion => SqliteSchema.CurrentVersion;

    /// <summary>Gets the full path of the store's file.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    public override int SchemaVersion => _schemaVersion;

    /// <summary>Opens the store in a file, creating the file when it does not exist and migrating an older one.</summary>
    /// <param name="path">The file's path; its folder must exist.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="WatchStoreException">
    /// The file is not an SQLite database or is damaged (<see cref="WatchStoreError.Unreadable"/>), is another program's
    /// database (<see cref="WatchStoreError.NotAWatchStore"/>), was written by a newer version
    /// (<see cref="WatchStoreError.NewerSchema"/>), is read-only (<see cref="WatchStoreError.ReadOnly"/>), or cannot be
    /// created or opened. The message names the file and what to do.
    /// </exception>
    public static Task<SqliteWatchStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, new SqliteWatchStoreOptions(), cancellationToken);

    /// <summary>Opens the store in a file with options, creating the file when it does not exist and migrating an older one.</summary>
    /// <param name="path">The file's path; its folder must exist.</param>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SqliteWatchStoreOptions.BusyTimeout"/> is not positive.</exception>
    /// <exception cref="WatchStoreException">The file cannot be used as a watch store; see <see cref="OpenAsync(string, CancellationToken)"/>.</exception>
    public static Task<SqliteWatchStore> OpenAsync(string path, SqliteWatchStoreOptions options, CancellationToken cancellationToken = default) =>
        OpenAsync(path, options, SqliteSchema.Migrations, cancellationToken);

    /// <summary>Describes the store, e.g. <c>SQLite watch store /data/watch.db (schema 1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SQLite watch store {FilePath} (schema {SchemaVersion})");

    /// <summary>Opens with a given schema history: tests use it to stand for an older or newer version of this code.</summary>
    internal static async Task<SqliteWatchStore> OpenAsync(string path, SqliteWatchStoreOptions options, IReadOnlyList<SqliteMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BusyTimeout, TimeSpan.Zero, nameof(options.BusyTimeout));
        cancellationToken.ThrowIfCancellationRequested();

        var file = Path.GetFullPath(path);
        CreateIfMissing(file);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();

        var store = new SqliteWatchStore(file, connectionString, options.TimeProvider, options.MaxPageCount);
        try
        {
            using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            store._schemaVersion = Migrate(file, connection, migrations);
            return store;
        }
        catch (SqliteException e)
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            throw Translate(file, e, "opening it");
        }
        catch
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            throw;
        }
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Pooled connections would keep the file (and its -wal and -shm files) open after the store is gone.
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        }

        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    internal static WatchStoreException Translate(string file, SqliteException e, string doing)
    {
        var cause = e.Message;
        return (e.SqliteErrorCode & 0xFF) switch
        {
            // SQLITE_CORRUPT, SQLITE_NOTADB
            11 or 26 => new WatchStoreException(
                $"The watch store file '{file}' is not an SQLite database or is damaged ({cause}), so {doing} failed. Nothing was changed. If it is a copy, check that it was copied whole; otherwise restore it from a backup, or move it aside to start a new store.",
                WatchStoreError.Unreadable,
                file,
                e),
            // SQLITE_READONLY, SQLITE_PERM
            8 or 3 => ReadOnly(file, doing, cause, e),
            // SQLITE_FULL
            13 => new WatchStoreException(
                $"The disk holding the watch store file '{file}' is full ({cause}), so {doing} failed and nothing of it was recorded. Free some space; the next attempt records it.",
                WatchStoreError.Full,
                file,
                e),
            // SQLITE_BUSY, SQLITE_LOCKED
            5 or 6 => new WatchStoreException(
                $"The watch store file '{file}' stayed locked by another process or connection ({cause}), so {doing} failed and nothing of it was recorded. Try again, or raise SqliteWatchStoreOptions.BusyTimeout.",
                WatchStoreError.Busy,
                file,
                e),
            // SQLITE_CANTOPEN
            14 => new WatchStoreException(
                $"The watch store file '{file}' cannot be opened ({cause}), so {doing} failed. Check that its folder exists and that this process may read and write there.",
                WatchStoreError.Failed,
                file,
                e),
            // SQLITE_CONSTRAINT
            19 => new WatchStoreException(
                $"The watch store file '{file}' refused a change that breaks one of its rules ({cause}), so {doing} failed and nothing of it was recorded.",
                WatchStoreError.Conflict,
                file,
                e),
            _ => new WatchStoreException(
                $"Reading or writing the watch store file '{file}' failed ({cause}), so {doing} failed and nothing of it was recorded. Check the disk and the file.",
                WatchStoreError.Failed,
                file,
                e),
        };
    }

    private static WatchStoreException ReadOnly(string file, string doing, string cause, Exception? inner) => new(
        $"The watch store file '{file}' cannot be written ({cause}), so {doing} failed. Make the file and its folder writable for this process (e.g. chmod u+w), or point the store at a copy that is.",
        WatchStoreError.ReadOnly,
        file,
        inner);

    // A new file is made readable by its owner only before SQLite sees it: watches hold channel URIs with tokens, and
    // SQLite gives the -wal and -shm files the database file's permissions.
    private static void CreateIfMissing(string file)
    {
        var folder = Path.GetDirectoryName(file);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new WatchStoreException(
                $"The folder of the watch store file '{file}' does not exist. Create it first, or choose another path.",
                WatchStoreError.Failed,
                file);
        }

        if (File.Exists(file))
        {
            if (IsMarkedReadOnly(file))
            {
                throw ReadOnly(file, "opening it", "the file is marked read-only", null);
            }

            return;
        }

        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(file, create);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it between the check and here; SQLite will tell what it is.
        }
        catch (UnauthorizedAccessException e)
        {
            throw ReadOnly(file, "creating it", "the folder cannot be written", e);
        }
        catch (IOException e)
        {
            throw new WatchStoreException(
                $"The watch store file '{file}' cannot be created ({e.Message}). Check the disk and the folder's permissions.",
                WatchStoreError.Failed,
                file,
                e);
        }
    }

    // Write permission for nobody (or the read-only attribute) is the owner's word that the file must not change; the
    // store honours it even for a process (root) that the operating system would let write anyway.
    private static bool IsMarkedReadOnly(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(file) & FileAttributes.ReadOnly) != 0;
        }

        const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        return (File.GetUnixFileMode(file) & AnyWrite) == 0;
    }

    private static int Migrate(string file, SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations)
    {
        var target = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var version = CheckOwnerAndVersion(file, connection, null, target);

        // WAL lets a cycle write while others read; it cannot be switched inside a transaction, and it stays set in the file.
        Scalar(connection, null, "PRAGMA journal_mode = WAL");
        if (version == target)
        {
            return version;
        }

        using var transaction = connection.BeginTransaction();

        // Another process may have migrated the file while this one waited for the write lock.
        version = CheckOwnerAndVersion(file, connection, transaction, target);
        foreach (var step in migrations.Where(m => m.Version > version))
        {
            Execute(connection, transaction, step.Sql);
            // PRAGMA takes no parameters; the values are our own integers.
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {step.Version}"));
        }

        Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id = {SqliteSchema.ApplicationId}"));
        transaction.Commit();
        return target;
    }

    private static int CheckOwnerAndVersion(string file, SqliteConnection connection, SqliteTransaction? transaction, int target)
    {
        // The first read of the file: a file that is not SQLite fails here with SQLITE_NOTADB.
        var applicationId = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA application_id"), CultureInfo.InvariantCulture);
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (applicationId != SqliteSchema.ApplicationId)
        {
            var tables = new List<string>();
            using (var command = Command(connection, transaction, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 6"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            if (applicationId != 0 || version != 0 || tables.Count > 0)
            {
                throw new WatchStoreException(
                    $"The file '{file}' is an SQLite database, but not a FreelanceAggregator watch store (it {(tables.Count > 0 ? "has tables of its own: " + string.Join(", ", tables.Take(5)) + (tables.Count > 5 ? ", …" : string.Empty) : "belongs to another application")}). It was not changed. Point the store at a new file.",
                    WatchStoreError.NotAWatchStore,
                    file);
            }
        }

        if (version > target)
        {
            throw new WatchStoreException(
                $"The watch store file '{file}' has schema version {version}, but this version of FreelanceAggregator.Watch reads versions up to {target}: a newer version wrote it. It was not changed. Upgrade the FreelanceAggregator.Watch package, or use another file.",
                WatchStoreError.NewerSchema,
                file);
        }

        return version;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per connection: sync the WAL at every commit (a cycle is one commit, so this costs one fsync per cycle, and
            // a recorded alert survives a power cut); a fixed page cache, so memory does not grow with the file.
            Execute(connection, null, "PRAGMA synchronous = FULL; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY");
            if (_maxPageCount is { } pages)
            {
                Execute(connection, null, string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages}"));
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private WatchStoreException Translate(SqliteException e, string doing) => Translate(FilePath, e, doing);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of this assembly; values go in parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return command.ExecuteScalar();
    }

    private static long Ticks(DateTimeOffset time) => time.UtcTicks;

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static string Text(Guid id) => id.ToString("D");
}

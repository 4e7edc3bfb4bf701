using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FreelanceAggregator.Watch;

/// <summary>
/// One prepared statement on a connection's own SQLite handle, bound by position and reset after each run. A check
/// cycle runs a handful of statements hundreds of thousands of times; through <see cref="SqliteCommand"/> each run
/// builds a data reader and binds its parameters by name, which cost more than SQLite's own work. It takes part in
/// whatever transaction the connection has open, and fails with the same <see cref="SqliteException"/>.
/// </summary>
/// <remarks>
/// Unlike <see cref="SqliteCommand"/>, it does not wait and retry on SQLITE_BUSY. It is used only inside a transaction
/// that <see cref="SqliteConnection.BeginTransaction()"/> opened with BEGIN IMMEDIATE, which waited for the write lock
/// already; in WAL mode nothing else can then make these statements busy.
/// </remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public RawStatement Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    public RawStatement Bind(int index, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(_statement, index, utf8));
        return this;
    }

    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public RawStatement Bind(int index, long? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Steps to the first row; read its columns, then <see cref="Reset"/>.</summary>
    /// <returns><see langword="true"/> when there is a row.</returns>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            Fail(rc);
        }

        return false;
    }

    /// <summary>Runs a statement that returns no rows, and resets it.</summary>
    /// <returns>How many rows it changed.</returns>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Fail(rc);
        }

        var changes = raw.sqlite3_changes(_db);
        raw.sqlite3_reset(_statement);
        return changes;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string? Text(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Reset() => raw.sqlite3_reset(_statement);

    public void Dispose() => _statement.Dispose();

    private void Fail(int rc)
    {
        // The step's error is reported by reset as well; resetting first leaves the statement usable for the next
        // caller (the transaction is rolled back by the caller either way).
        raw.sqlite3_reset(_statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}

using System.Text.Json;
using Npgsql;

namespace FreelanceAggregator.Watch.PostgreSql;

public sealed partial class PostgreSqlWatchStore
{
    private const string SelectWatch = """
        SELECT w.id, w.name, s.name, w.query, w.every_ticks, w.notify, w.paused, w.created, w.last_checked, w.has_baseline
        FROM watch w JOIN subscriber s ON s.id = w.subscriber_id
        """;

    /// <inheritdoc/>
    public override Task<GigWatch> AddWatchAsync(GigWatch watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var query = QueryText(watch.Query, nameof(watch));
        return RunAsync($"adding the watch '{watch.Name}'", async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            var subscriberId = await SubscriberIdAsync(connection, transaction, watch.Subscriber, create: true, cancellationToken).ConfigureAwait(false);

            // Either key may be taken, by a watch added long ago or by another node a moment ago: the insert decides.
            var inserted = await ScalarAsync(
                connection,
                transaction,
                """
                INSERT INTO watch (id, subscriber_id, name, query, every_ticks, notify, paused, created) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT DO NOTHING RETURNING id
                """,
                cancellationToken,
                watch.Id,
                subscriberId!.Value,
                watch.Name,
                query,
                watch.Every.Ticks,
                NotifyText(watch.Notify),
                watch.Paused,
                _time.GetUtcNow()).ConfigureAwait(false);
            if (inserted is null)
            {
                if (await ScalarAsync(connection, transaction, "SELECT 1 FROM watch WHERE id = $1", cancellationToken, watch.Id).ConfigureAwait(false) is not null)
                {
                    throw new WatchStoreException(
                        $"A watch with the id {watch.Id} is already in the watch store {Location}. Give the new watch a new Id, or update the existing one.",
                        WatchStoreError.Conflict,
                        Location);
                }

                throw NameTaken(watch);
            }

            var stored = await ReadWatchAsync(connection, transaction, " WHERE w.id = $1", cancellationToken, watch.Id).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored!;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<GigWatch?> UpdateWatchAsync(GigWatch watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var query = QueryText(watch.Query, nameof(watch));
        return RunAsync($"updating the watch '{watch.Name}'", async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            long oldSubscriberId;
            string oldQuery;
            using var current = Command(connection, transaction, "SELECT subscriber_id, query FROM watch WHERE id = $1 FOR UPDATE", watch.Id);
            var reader = await current.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                oldSubscriberId = reader.GetInt64(0);
                oldQuery = reader.GetString(1);
            }

            var subscriberId = (await SubscriberIdAsync(connection, transaction, watch.Subscriber, create: true, cancellationToken).ConfigureAwait(false))!.Value;
            if (await ScalarAsync(connection, transaction, "SELECT 1 FROM watch WHERE subscriber_id = $1 AND name = $2 AND id <> $3", cancellationToken, subscriberId, watch.Name, watch.Id).ConfigureAwait(false) is not null)
            {
                throw NameTaken(watch);
            }

            // Another search, or someone else's: what the old one recorded says nothing about what is new to it.
            var startOver = subscriberId != oldSubscriberId || !string.Equals(query, oldQuery, StringComparison.Ordinal);
            try
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE watch SET subscriber_id = $2, name = $3, query = $4, every_ticks = $5, notify = $6, paused = $7,
                        has_baseline = CASE WHEN $8 THEN false ELSE has_baseline END,
                        last_checked = CASE WHEN $8 THEN NULL ELSE last_checked END
                    WHERE id = $1
                    """,
                    cancellationToken,
                    watch.Id,
                    subscriberId,
                    watch.Name,
                    query,
                    watch.Every.Ticks,
                    NotifyText(watch.Notify),
                    watch.Paused,
                    startOver).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another node gave a watch this name between the check and the update.
                throw NameTaken(watch, e);
            }

            var stored = await ReadWatchAsync(connection, transaction, " WHERE w.id = $1", cancellationToken, watch.Id).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<bool> RemoveWatchAsync(Guid id, CancellationToken cancellationToken = default) =>
        RunAsync($"removing the watch {id}", async connection =>
        {
            using var delete = Command(connection, null, "DELETE FROM watch WHERE id = $1", id);
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);

    /// <inheritdoc/>
    public override Task<GigWatch?> GetWatchAsync(Guid id, CancellationToken cancellationToken = default) =>
        RunAsync($"reading the watch {id}", connection => ReadWatchAsync(connection, null, " WHERE w.id = $1", cancellationToken, id), cancellationToken);

    /// <inheritdoc/>
    public override Task<GigWatch?> GetWatchAsync(string subscriber, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(name);
        return RunAsync(
            $"reading the watch '{name}'",
            connection => ReadWatchAsync(connection, null, " WHERE s.name = $1 AND w.name = $2", cancellationToken, subscriber.Trim(), name.Trim()),
            cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<IReadOnlyList<GigWatch>> ListWatchesAsync(string? subscriber = null, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<GigWatch>>("listing the watches", async connection =>
        {
            // Ordered by code point, as the SQLite store orders them, whatever the database's collation.
            using var command = subscriber is null
                ? Command(connection, null, SelectWatch + " ORDER BY s.name COLLATE \"C\", w.name COLLATE \"C\"")
                : Command(connection, null, SelectWatch + " WHERE s.name = $1 ORDER BY s.name COLLATE \"C\", w.name COLLATE \"C\"", subscriber.Trim());
            var watches = new List<GigWatch>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerLifetime = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                watches.Add(ReadWatch(reader));
            }

            return watches;
        }, cancellationToken);

    /// <inheritdoc/>
    protected override Task<GigWatch?> SetPausedAsync(Guid id, bool paused, CancellationToken cancellationToken) =>
        RunAsync(paused ? $"pausing the watch {id}" : $"resuming the watch {id}", async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            using (var update = Command(connection, transaction, "UPDATE watch SET paused = $2 WHERE id = $1", id, paused))
            {
                if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return null;
                }
            }

            var stored = await ReadWatchAsync(connection, transaction, " WHERE w.id = $1", cancellationToken, id).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }, cancellationToken);

    // What is stored is the text; a query whose text reads back as another query would silently become that one.
    private static string QueryText(GigQuery query, string parameterName)
    {
        var text = query.ToString();
        if (!GigQuery.TryParse(text, out var back, out var error) || !back.Equals(query))
        {
            throw new ArgumentException(
                $"The watch's query does not read back the same from its one-line form '{text}'{(error is null ? string.Empty : ": " + error)}, so it cannot be stored.",
                parameterName);
        }

        return text;
    }

    private static string NotifyText(IReadOnlyList<Uri> notify) => JsonSerializer.Serialize(notify.Select(u => u.OriginalString).ToArray(), WatchJsonContext.Default.StringArray);

    private static async Task<long?> SubscriberIdAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string subscriber, bool create, CancellationToken cancellationToken)
    {
        if (create
            && await ScalarAsync(connection, transaction, "INSERT INTO subscriber (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id", cancellationToken, subscriber).ConfigureAwait(false) is long added)
        {
            return added;
        }

        // A separate statement: under READ COMMITTED it sees the row another session committed while the insert waited.
        return await ScalarAsync(connection, transaction, "SELECT id FROM subscriber WHERE name = $1", cancellationToken, subscriber).ConfigureAwait(false) as long?;
    }

    private WatchStoreException NameTaken(GigWatch watch, Exception? inner = null) => new(
        $"{watch.Subscriber} already has a watch named '{watch.Name}' in the watch store {Location}. Choose another name, or update that watch.",
        WatchStoreError.Conflict,
        Location,
        inner);

    private async Task<GigWatch?> ReadWatchAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, CancellationToken cancellationToken, params object?[] values)
    {
        using var command = Command(connection, transaction, SelectWatch + where, values);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerLifetime = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadWatch(reader) : null;
    }

    private GigWatch ReadWatch(NpgsqlDataReader reader)
    {
        var name = reader.GetString(1);
        var subscriber = reader.GetString(2);
        var text = reader.GetString(3);
        if (!GigQuery.TryParse(text, out var query, out var error))
        {
            throw new WatchStoreException(
                $"The watch '{name}' of {subscriber} in the watch store {Location} has a query this version cannot read ({error}): {text}. Update the package to the version that wrote it, or remove the watch and add it again.",
                WatchStoreError.Unreadable,
                Location);
        }

        var notify = JsonSerializer.Deserialize(reader.GetString(5), WatchJsonContext.Default.StringArray) ?? [];
        return new GigWatch
        {
            Id = reader.GetGuid(0),
            Name = name,
            Subscriber = subscriber,
            Query = query,
            Every = TimeSpan.FromTicks(reader.GetInt64(4)),
            Notify = notify.Select(u => new Uri(u, UriKind.Absolute)).ToArray(),
            Paused = reader.GetBoolean(6),
            Created = reader.GetFieldValue<DateTimeOffset>(7),
            LastChecked = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            HasBaseline = reader.GetBoolean(9),
        };
    }
}

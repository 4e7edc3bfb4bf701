using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FreelanceAggregator.Watch;

public sealed partial class SqliteWatchStore
{
    private const string SelectWatch = """
        SELECT w.id, w.name, s.name, w.query, w.every_ticks, w.notify, w.paused, w.created, w.last_checked, w.has_baseline
        FROM watch w JOIN subscriber s ON s.id = w.subscriber_id
        """;

    /// <inheritdoc/>
    public override async Task<GigWatch> AddWatchAsync(GigWatch watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var query = QueryText(watch.Query, nameof(watch));
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();
            var subscriberId = SubscriberId(connection, transaction, watch.Subscriber, create: true)!.Value;
            if (ReadWatch(connection, transaction, " WHERE w.id = $id", ("$id", Text(watch.Id))) is not null)
            {
                throw new WatchStoreException(
                    $"A watch with the id {watch.Id} is already in the watch store file '{FilePath}'. Give the new watch a new Id, or update the existing one.",
                    WatchStoreError.Conflict,
                    FilePath);
            }

            ThrowIfNameTaken(connection, transaction, subscriberId, watch, Guid.Empty);
            using (var insert = Command(connection, transaction, """
                INSERT INTO watch (id, subscriber_id, name, query, every_ticks, notify, paused, created, last_checked, has_baseline)
                VALUES ($id, $subscriber, $name, $query, $every, $notify, $paused, $created, NULL, 0)
                """))
            {
                insert.Parameters.AddWithValue("$id", Text(watch.Id));
                insert.Parameters.AddWithValue("$subscriber", subscriberId);
                insert.Parameters.AddWithValue("$name", watch.Name);
                insert.Parameters.AddWithValue("$query", query);
                insert.Parameters.AddWithValue("$every", watch.Every.Ticks);
                insert.Parameters.AddWithValue("$notify", NotifyText(watch.Notify));
                insert.Parameters.AddWithValue("$paused", watch.Paused);
                insert.Parameters.AddWithValue("$created", Ticks(_time.GetUtcNow()));
                insert.ExecuteNonQuery();
            }

            var stored = ReadWatch(connection, transaction, " WHERE w.id = $id", ("$id", Text(watch.Id)))!;
            transaction.Commit();
            return stored;
        }
        catch (SqliteException e)
        {
            throw Translate(e, $"adding the watch '{watch.Name}'");
        }
    }

    /// <inheritdoc/>
    public override async Task<GigWatch?> UpdateWatchAsync(GigWatch watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var query = QueryText(watch.Query, nameof(watch));
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();
            long oldSubscriberId;
            string oldQuery;
            using (var current = Command(connection, transaction, "SELECT subscriber_id, query FROM watch WHERE id = $id"))
            {
                current.Parameters.AddWithValue("$id", Text(watch.Id));
                using var reader = current.ExecuteReader();
                if (!reader.Read())
                {
                    return null;
                }

                oldSubscriberId = reader.GetInt64(0);
                oldQuery = reader.GetString(1);
            }

            var subscriberId = SubscriberId(connection, transaction, watch.Subscriber, create: true)!.Value;
            ThrowIfNameTaken(connection, transaction, subscriberId, watch, watch.Id);

            // Another search, or someone else's: what the old one recorded says nothing about what is new to it.
            var startOver = subscriberId != oldSubscriberId || !string.Equals(query, oldQuery, StringComparison.Ordinal);
            using (var update = Command(connection, transaction, """
                UPDATE watch SET subscriber_id = $subscriber, name = $name, query = $query, every_ticks = $every, notify = $notify,
                    paused = $paused,
                    has_baseline = CASE WHEN $startOver THEN 0 ELSE has_baseline END,
                    last_checked = CASE WHEN $startOver THEN NULL ELSE last_checked END
                WHERE id = $id
                """))
            {
                update.Parameters.AddWithValue("$id", Text(watch.Id));
                update.Parameters.AddWithValue("$subscriber", subscriberId);
                update.Parameters.AddWithValue("$name", watch.Name);
                update.Parameters.AddWithValue("$query", query);
                update.Parameters.AddWithValue("$every", watch.Every.Ticks);
                update.Parameters.AddWithValue("$notify", NotifyText(watch.Notify));
                update.Parameters.AddWithValue("$paused", watch.Paused);
                update.Parameters.AddWithValue("$startOver", startOver);
                update.ExecuteNonQuery();
            }

            var stored = ReadWatch(connection, transaction, " WHERE w.id = $id", ("$id", Text(watch.Id)));
            transaction.Commit();
            return stored;
        }
        catch (SqliteException e)
        {
            throw Translate(e, $"updating the watch '{watch.Name}'");
        }
    }

    /// <inheritdoc/>
    public override async Task<bool> RemoveWatchAsync(Guid id, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var delete = Command(connection, null, "DELETE FROM watch WHERE id = $id");
            delete.Parameters.AddWithValue("$id", Text(id));
            return delete.ExecuteNonQuery() > 0;
        }
        catch (SqliteException e)
        {
            throw Translate(e, $"removing the watch {id}");
        }
    }

    /// <inheritdoc/>
    public override async Task<GigWatch?> GetWatchAsync(Guid id, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return ReadWatch(connection, null, " WHERE w.id = $id", ("$id", Text(id)));
        }
        catch (SqliteException e)
        {
            throw Translate(e, $"reading the watch {id}");
        }
    }

    /// <inheritdoc/>
    public override async Task<GigWatch?> GetWatchAsync(string subscriber, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return ReadWatch(connection, null, " WHERE s.name = $subscriber AND w.name = $name", ("$subscriber", subscriber.Trim()), ("$name", name.Trim()));
        }
        catch (SqliteException e)
        {
            throw Translate(e, $"reading the watch '{name}'");
        }
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<GigWatch>> ListWatchesAsync(string? subscriber = null, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var command = Command(connection, null, subscriber is null
                ? SelectWatch + " ORDER BY s.name, w.name"
                : SelectWatch + " WHERE s.name = $subscriber ORDER BY s.name, w.name");
            if (subscriber is not null)
            {
                command.Parameters.AddWithValue("$subscriber", subscriber.Trim());
            }

            var watches = new List<GigWatch>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                watches.Add(ReadWatch(reader));
            }

            return watches;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "listing the watches");
        }
    }

    /// <inheritdoc/>
    protected override async Task<GigWatch?> SetPausedAsync(Guid id, bool paused, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();
            using (var update = Command(connection, transaction, "UPDATE watch SET paused = $paused WHERE id = $id"))
            {
                update.Parameters.AddWithValue("$id", Text(id));
                update.Parameters.AddWithValue("$paused", paused);
                if (update.ExecuteNonQuery() == 0)
                {
                    return null;
                }
            }

            var stored = ReadWatch(connection, transaction, " WHERE w.id = $id", ("$id", Text(id)));
            transaction.Commit();
            return stored;
        }
        catch (SqliteException e)
        {
            throw Translate(e, paused ? $"pausing the watch {id}" : $"resuming the watch {id}");
        }
    }

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

    private static long? SubscriberId(SqliteConnection connection, SqliteTransaction? transaction, string subscriber, bool create)
    {
        if (create)
        {
            using var insert = Command(connection, transaction, "INSERT INTO subscriber (name) VALUES ($name) ON CONFLICT (name) DO NOTHING");
            insert.Parameters.AddWithValue("$name", subscriber);
            insert.ExecuteNonQuery();
        }

        using var select = Command(connection, transaction, "SELECT id FROM subscriber WHERE name = $name");
        select.Parameters.AddWithValue("$name", subscriber);
        return select.ExecuteScalar() is long id ? id : null;
    }

    private void ThrowIfNameTaken(SqliteConnection connection, SqliteTransaction transaction, long subscriberId, GigWatch watch, Guid except)
    {
        using var taken = Command(connection, transaction, "SELECT 1 FROM watch WHERE subscriber_id = $subscriber AND name = $name AND id <> $except");
        taken.Parameters.AddWithValue("$subscriber", subscriberId);
        taken.Parameters.AddWithValue("$name", watch.Name);
        taken.Parameters.AddWithValue("$except", Text(except));
        if (taken.ExecuteScalar() is not null)
        {
            throw new WatchStoreException(
                $"{watch.Subscriber} already has a watch named '{watch.Name}' in the watch store file '{FilePath}'. Choose another name, or update that watch.",
                WatchStoreError.Conflict,
                FilePath);
        }
    }

    private GigWatch? ReadWatch(SqliteConnection connection, SqliteTransaction? transaction, string where, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, SelectWatch + where);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadWatch(reader) : null;
    }

    private GigWatch ReadWatch(SqliteDataReader reader)
    {
        var name = reader.GetString(1);
        var subscriber = reader.GetString(2);
        var text = reader.GetString(3);
        if (!GigQuery.TryParse(text, out var query, out var error))
        {
            throw new WatchStoreException(
                $"The watch '{name}' of {subscriber} in the watch store file '{FilePath}' has a query this version cannot read ({error}): {text}. Update the package to the version that wrote it, or remove the watch and add it again.",
                WatchStoreError.Unreadable,
                FilePath);
        }

        var notify = JsonSerializer.Deserialize(reader.GetString(5), WatchJsonContext.Default.StringArray) ?? [];
        return new GigWatch
        {
            Id = Guid.Parse(reader.GetString(0)),
            Name = name,
            Subscriber = subscriber,
            Query = query,
            Every = TimeSpan.FromTicks(reader.GetInt64(4)),
            Notify = notify.Select(u => new Uri(u, UriKind.Absolute)).ToArray(),
            Paused = reader.GetBoolean(6),
            Created = Time(reader.GetInt64(7)),
            LastChecked = reader.IsDBNull(8) ? null : Time(reader.GetInt64(8)),
            HasBaseline = reader.GetBoolean(9),
        };
    }
}

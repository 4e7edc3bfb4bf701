using System.Text.Json;
using Npgsql;

namespace FreelanceAggregator.Watch.PostgreSql;

public sealed partial class PostgreSqlWatchStore
{
    /// <inheritdoc/>
    public override Task<IReadOnlyList<GigAlert>> ClaimPendingAlertsAsync(int maxCount, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.Zero);
        return RunAsync<IReadOnlyList<GigAlert>>("taking pending alerts", async connection =>
        {
            var now = _time.GetUtcNow();

            // In a transaction, so an alert that cannot be read back is not left claimed.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);

            // SKIP LOCKED: rows another node is claiming right now are passed over, not waited for, so two nodes never
            // take the same alert and neither blocks the other. A row that node has claimed and committed meanwhile is
            // checked again against the condition and left out.
            using var command = Command(connection, transaction, """
                WITH picked AS (
                    SELECT id FROM alert
                    WHERE acknowledged IS NULL AND (claimed_until IS NULL OR claimed_until <= $1)
                    ORDER BY id
                    LIMIT $2
                    FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE alert a SET claimed_until = $3 FROM picked WHERE a.id = picked.id
                    RETURNING a.id, a.subscriber_id, a.first_seen, a.watches, a.gig)
                SELECT c.id, s.name, c.first_seen, c.watches::text, c.gig::text
                FROM claimed c JOIN subscriber s ON s.id = c.subscriber_id
                ORDER BY c.id
                """, now, maxCount, new NullTime(lease > TimeSpan.Zero ? now + lease : null));
            var alerts = new List<GigAlert>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = reader.GetGuid(0);
                    alerts.Add(new GigAlert
                    {
                        Id = id,
                        Subscriber = reader.GetString(1),
                        FirstSeen = reader.GetFieldValue<DateTimeOffset>(2),
                        Watches = ReadWatchReferences(id, reader.GetString(3)),
                        Listing = ReadGig(id, reader.GetString(4)),
                    });
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return alerts;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<int> AcknowledgeAlertsAsync(IEnumerable<Guid> alertIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        var ids = alertIds.Distinct().ToArray();
        return RunAsync("acknowledging alerts", async connection =>
        {
            using var update = Command(
                connection,
                null,
                "UPDATE alert SET acknowledged = $1, claimed_until = NULL WHERE id = ANY($2) AND acknowledged IS NULL",
                _time.GetUtcNow(),
                ids);
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<int> ReleaseAlertsAsync(IEnumerable<Guid> alertIds, TimeSpan retryAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        var ids = alertIds.Distinct().ToArray();
        return RunAsync("giving alerts back", async connection =>
        {
            using var update = Command(
                connection,
                null,
                "UPDATE alert SET claimed_until = $1 WHERE id = ANY($2) AND acknowledged IS NULL",
                new NullTime(retryAfter > TimeSpan.Zero ? _time.GetUtcNow() + retryAfter : null),
                ids);
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<IReadOnlyList<ListingChange>> ListChangesAsync(DateTimeOffset since, string? subscriber = null, int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return RunAsync<IReadOnlyList<ListingChange>>("listing changes", async connection =>
        {
            long? subscriberId = null;
            if (subscriber is not null && (subscriberId = await SubscriberIdAsync(connection, null, subscriber.Trim(), create: false, cancellationToken).ConfigureAwait(false)) is null)
            {
                return [];
            }

            using var command = Command(connection, null, """
                SELECT l.marketplace, l.site_id, l.url, c.changed_at, c.old_title, c.new_title, c.old_budget, c.new_budget
                FROM listing_change c JOIN listing l ON l.id = c.listing_id
                WHERE c.changed_at >= $1
                  AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM seen WHERE subscriber_id = $3 AND listing_id = c.listing_id))
                ORDER BY c.changed_at, c.id
                LIMIT $2
                """, since, maxCount, subscriberId);
            var changes = new List<ListingChange>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerLifetime = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var url = new Uri(reader.GetString(2), UriKind.Absolute);
                changes.Add(new ListingChange
                {
                    Listing = new ListingKey(reader.GetString(0), reader.GetString(1), url),
                    Url = url,
                    ChangedAt = reader.GetFieldValue<DateTimeOffset>(3),
                    OldTitle = reader.GetString(4),
                    NewTitle = reader.GetString(5),
                    OldBudget = BudgetText.Read(reader.IsDBNull(6) ? null : reader.GetString(6)),
                    NewBudget = BudgetText.Read(reader.IsDBNull(7) ? null : reader.GetString(7)),
                });
            }

            return changes;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<IReadOnlyList<WatchHealth>> ListSiteHealthAsync(int minimumCycles = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCycles, 1);
        return RunAsync<IReadOnlyList<WatchHealth>>("reading site health", async connection =>
        {
            using var command = Command(connection, null, """
                SELECT provider, state, cycles, since, last_checked, last_message FROM site_health
                WHERE state <> 0 AND cycles >= $1
                ORDER BY cycles DESC, provider COLLATE "C"
                """, minimumCycles);
            var health = new List<WatchHealth>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerLifetime = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                health.Add(ReadHealth(reader));
            }

            return health;
        }, cancellationToken);
    }

    /// <summary>Reads a site_health row: provider, state, cycles, since, last_checked, last_message.</summary>
    private static WatchHealth ReadHealth(NpgsqlDataReader reader) => new()
    {
        Provider = reader.GetString(0),
        Kind = (WatchHealthKind)reader.GetInt16(1),
        ConsecutiveCycles = reader.GetInt32(2),
        Since = reader.GetFieldValue<DateTimeOffset>(3),
        LastChecked = reader.GetFieldValue<DateTimeOffset>(4),
        LastMessage = reader.IsDBNull(5) ? null : reader.GetString(5),
    };

    private WatchReference[] ReadWatchReferences(Guid alertId, string json)
    {
        try
        {
            var pairs = JsonSerializer.Deserialize(json, WatchJsonContext.Default.StringArrayArray) ?? [];
            return pairs.Select(p => new WatchReference(Guid.Parse(p[0]), p[1])).ToArray();
        }
        catch (Exception e) when (e is JsonException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new WatchStoreException(
                $"The alert {alertId} in the watch store {Location} names its watches in a form this version cannot read ({e.Message}). Update the package to the version that wrote it, or acknowledge the alert to drop it.",
                WatchStoreError.Unreadable,
                Location,
                e);
        }
    }

    private Gig ReadGig(Guid alertId, string json)
    {
        try
        {
            return GigJson.Read(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            throw new WatchStoreException(
                $"The alert {alertId} in the watch store {Location} holds a listing this version cannot read ({e.Message}). Update the package to the version that wrote it, or acknowledge the alert to drop it.",
                WatchStoreError.Unreadable,
                Location,
                e);
        }
    }
}

using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FreelanceAggregator.Watch;

public sealed partial class SqliteWatchStore
{
    /// <inheritdoc/>
    public override async Task<IReadOnlyList<GigAlert>> ClaimPendingAlertsAsync(int maxCount, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.Zero);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();
            var now = _time.GetUtcNow();
            var alerts = new List<GigAlert>();
            var ids = new List<string>();
            using (var select = Command(connection, transaction, """
                SELECT a.id, s.name, a.first_seen, a.watches, a.gig FROM alert a JOIN subscriber s ON s.id = a.subscriber_id
                WHERE a.acknowledged IS NULL AND (a.claimed_until IS NULL OR a.claimed_until <= $now)
                ORDER BY a.id
                LIMIT $max
                """))
            {
                select.Parameters.AddWithValue("$now", Ticks(now));
                select.Parameters.AddWithValue("$max", maxCount);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetString(0);
                    ids.Add(id);
                    alerts.Add(new GigAlert
                    {
                        Id = Guid.Parse(id),
                        Subscriber = reader.GetString(1),
                        FirstSeen = Time(reader.GetInt64(2)),
                        Watches = ReadWatchReferences(id, reader.GetString(3)),
                        Listing = ReadGig(id, reader.GetString(4)),
                    });
                }
            }

            using var claim = Command(connection, transaction, "UPDATE alert SET claimed_until = $until WHERE id = $id AND acknowledged IS NULL");
            claim.Parameters.AddWithValue("$until", lease > TimeSpan.Zero ? Ticks(now + lease) : DBNull.Value);
            var claimId = claim.Parameters.Add("$id", SqliteType.Text);
            foreach (var id in ids)
            {
                claimId.Value = id;
                claim.ExecuteNonQuery();
            }

            transaction.Commit();
            return alerts;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "taking pending alerts");
        }
    }

    /// <inheritdoc/>
    public override Task<int> AcknowledgeAlertsAsync(IEnumerable<Guid> alertIds, CancellationToken cancellationToken = default) =>
        UpdateAlertsAsync(alertIds, "UPDATE alert SET acknowledged = $at, claimed_until = NULL WHERE id = $id AND acknowledged IS NULL", null, "acknowledging alerts", cancellationToken);

    /// <inheritdoc/>
    public override Task<int> ReleaseAlertsAsync(IEnumerable<Guid> alertIds, TimeSpan retryAfter, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return UpdateAlertsAsync(alertIds, "UPDATE alert SET claimed_until = $until WHERE id = $id AND acknowledged IS NULL", retryAfter, "giving alerts back", cancellationToken);
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<ListingChange>> ListChangesAsync(DateTimeOffset since, string? subscriber = null, int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            long? subscriberId = null;
            if (subscriber is not null && (subscriberId = SubscriberId(connection, null, subscriber.Trim(), create: false)) is null)
            {
                return [];
            }

            const string Select = """
                SELECT l.marketplace, l.site_id, l.url, c.changed_at, c.old_title, c.new_title, c.old_budget, c.new_budget
                FROM listing_change c JOIN listing l ON l.id = c.listing_id
                WHERE c.changed_at >= $since
                """;
            using var command = Command(connection, null, subscriberId is null
                ? Select + " ORDER BY c.changed_at, c.id LIMIT $max"
                : Select + " AND EXISTS (SELECT 1 FROM seen WHERE subscriber_id = $subscriber AND listing_id = c.listing_id) ORDER BY c.changed_at, c.id LIMIT $max");
            command.Parameters.AddWithValue("$since", Ticks(since));
            command.Parameters.AddWithValue("$max", maxCount);
            command.Parameters.AddWithValue("$subscriber", subscriberId ?? 0);
            var changes = new List<ListingChange>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var url = new Uri(reader.GetString(2), UriKind.Absolute);
                changes.Add(new ListingChange
                {
                    Listing = new ListingKey(reader.GetString(0), reader.GetString(1), url),
                    Url = url,
                    ChangedAt = Time(reader.GetInt64(3)),
                    OldTitle = reader.GetString(4),
                    NewTitle = reader.GetString(5),
                    OldBudget = BudgetText.Read(reader.IsDBNull(6) ? null : reader.GetString(6)),
                    NewBudget = BudgetText.Read(reader.IsDBNull(7) ? null : reader.GetString(7)),
                });
            }

            return changes;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "listing changes");
        }
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<WatchHealth>> ListSiteHealthAsync(int minimumCycles = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCycles, 1);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var command = Command(connection, null, HealthRecorder.SelectUnhealthy + " AND cycles >= $min ORDER BY cycles DESC, provider");
            command.Parameters.AddWithValue("$min", minimumCycles);
            return HealthRecorder.ReadAll(command);
        }
        catch (SqliteException e)
        {
            throw Translate(e, "reading site health");
        }
    }

    private async Task<int> UpdateAlertsAsync(IEnumerable<Guid> alertIds, string sql, TimeSpan? retryAfter, string doing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();
            var now = _time.GetUtcNow();
            using var update = Command(connection, transaction, sql);
            if (retryAfter is { } delay)
            {
                update.Parameters.AddWithValue("$until", delay > TimeSpan.Zero ? Ticks(now + delay) : DBNull.Value);
            }
            else
            {
                update.Parameters.AddWithValue("$at", Ticks(now));
            }

            var id = update.Parameters.Add("$id", SqliteType.Text);
            var count = 0;
            foreach (var alertId in alertIds.Distinct())
            {
                id.Value = Text(alertId);
                count += update.ExecuteNonQuery();
            }

            transaction.Commit();
            return count;
        }
        catch (SqliteException e)
        {
            throw Translate(e, doing);
        }
    }

    private WatchReference[] ReadWatchReferences(string alertId, string json)
    {
        try
        {
            var pairs = JsonSerializer.Deserialize(json, WatchJsonContext.Default.StringArrayArray) ?? [];
            return pairs.Select(p => new WatchReference(Guid.Parse(p[0]), p[1])).ToArray();
        }
        catch (Exception e) when (e is JsonException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new WatchStoreException(
                $"The alert {alertId} in the watch store file '{FilePath}' names its watches in a form this version cannot read ({e.Message}). Update the package to the version that wrote it, or acknowledge the alert to drop it.",
                WatchStoreError.Unreadable,
                FilePath,
                e);
        }
    }

    private Gig ReadGig(string alertId, string json)
    {
        try
        {
            return GigJson.Read(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            throw new WatchStoreException(
                $"The alert {alertId} in the watch store file '{FilePath}' holds a listing this version cannot read ({e.Message}). Update the package to the version that wrote it, or acknowledge the alert to drop it.",
                WatchStoreError.Unreadable,
                FilePath,
                e);
        }
    }

    /// <summary>Keeps each site's run of failing or silent cycles.</summary>
    private sealed class HealthRecorder(SqliteConnection connection, SqliteTransaction transaction)
    {
        public const string SelectUnhealthy = "SELECT provider, state, cycles, since, last_checked, last_message FROM site_health WHERE state <> 0";

        private const int Healthy = 0;

        public static List<WatchHealth> ReadAll(SqliteCommand command)
        {
            var health = new List<WatchHealth>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                health.Add(new WatchHealth
                {
                    Provider = reader.GetString(0),
                    Kind = (WatchHealthKind)reader.GetInt32(1),
                    ConsecutiveCycles = reader.GetInt32(2),
                    Since = Time(reader.GetInt64(3)),
                    LastChecked = Time(reader.GetInt64(4)),
                    LastMessage = reader.IsDBNull(5) ? null : reader.GetString(5),
                });
            }

            return health;
        }

        public List<WatchHealth> Record(IReadOnlyList<SiteCheck> sites, long at)
        {
            if (sites.Count == 0)
            {
                return [];
            }

            using var select = Command(connection, transaction, "SELECT state, cycles, since FROM site_health WHERE provider = $provider");
            var selectProvider = select.Parameters.Add("$provider", SqliteType.Text);
            using var upsert = Command(connection, transaction, """
                INSERT INTO site_health (provider, state, cycles, since, last_checked, last_message) VALUES ($provider, $state, $cycles, $since, $at, $message)
                ON CONFLICT (provider) DO UPDATE SET state = excluded.state, cycles = excluded.cycles, since = excluded.since,
                    last_checked = excluded.last_checked, last_message = excluded.last_message
                """);
            var p = upsert.Parameters;
            p.Add("$provider", SqliteType.Text);
            p.Add("$state", SqliteType.Integer);
            p.Add("$cycles", SqliteType.Integer);
            p.Add("$since", SqliteType.Integer);
            p.AddWithValue("$at", at);
            p.Add("$message", SqliteType.Text);

            var checkedNow = new List<string>();

            // Several requests to one site in a cycle are one cycle for the site: failing if any failed, silent if all
            // answered and none had a listing.
            foreach (var site in sites.GroupBy(s => s.Provider, StringComparer.Ordinal))
            {
                var failure = site.LastOrDefault(s => s.Failure is not null)?.Failure;
                var state = failure is not null ? (int)WatchHealthKind.Failing : site.Sum(s => (long)s.Listings) == 0 ? (int)WatchHealthKind.Silent : Healthy;
                selectProvider.Value = site.Key;
                int cycles;
                long since;
                using (var reader = select.ExecuteReader())
                {
                    (cycles, since) = reader.Read() && reader.GetInt32(0) == state && state != Healthy
                        ? (reader.GetInt32(1) + 1, reader.GetInt64(2))
                        : (state == Healthy ? 0 : 1, at);
                }

                p["$provider"].Value = site.Key;
                p["$state"].Value = state;
                p["$cycles"].Value = cycles;
                p["$since"].Value = since;
                p["$message"].Value = (object?)failure ?? DBNull.Value;
                upsert.ExecuteNonQuery();
                if (state != Healthy)
                {
                    checkedNow.Add(site.Key);
                }
            }

            if (checkedNow.Count == 0)
            {
                return [];
            }

            using var read = Command(connection, transaction, SelectUnhealthy + " AND provider = $provider");
            var readProvider = read.Parameters.Add("$provider", SqliteType.Text);
            var health = new List<WatchHealth>(checkedNow.Count);
            foreach (var provider in checkedNow)
            {
                readProvider.Value = provider;
                health.AddRange(ReadAll(read));
            }

            return health;
        }
    }
}

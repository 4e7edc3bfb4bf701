using System.Text.Json;
using Npgsql;

namespace FreelanceAggregator.Watch.PostgreSql;

public sealed partial class PostgreSqlWatchStore
{
    /// <inheritdoc/>
    public override async Task<WatchCycleResult> RecordCycleAsync(WatchCycle cycle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var connectionLifetime = connection.ConfigureAwait(false);
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var transactionLifetime = transaction.ConfigureAwait(false);
                var result = await new CycleRecorder(connection, transaction, cycle, _time.GetUtcNow(), cancellationToken).RunAsync().ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (PostgresException e) when (attempt < MaxCycleAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && !cancellationToken.IsCancellationRequested)
            {
                // Two nodes' cycles waited on each other's keys and the server ended this one; nothing of it was kept.
            }
            catch (NpgsqlException e)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw Translate(e, "recording a check cycle");
            }
        }
    }

    /// <inheritdoc/>
    public override Task<IReadOnlyList<bool>> AreRecordedAsync(IReadOnlyList<ListingKey> listings, string? subscriber = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var marketplaces = new string[listings.Count];
        var siteIds = new string[listings.Count];
        var urls = new string[listings.Count];
        for (var i = 0; i < listings.Count; i++)
        {
            var key = listings[i] ?? throw new ArgumentException($"listings[{i}] is null.", nameof(listings));
            (marketplaces[i], siteIds[i], urls[i]) = (key.Marketplace, key.SiteId, key.CanonicalUrl);
        }

        return RunAsync<IReadOnlyList<bool>>("looking up recorded listings", async connection =>
        {
            var answers = new bool[listings.Count];
            long? subscriberId = null;
            if (listings.Count == 0
                || (subscriber is not null && (subscriberId = await SubscriberIdAsync(connection, null, subscriber.Trim(), create: false, cancellationToken).ConfigureAwait(false)) is null))
            {
                return answers;
            }

            using var command = Command(
                connection,
                null,
                """
                SELECT q.i, CASE WHEN $4::bigint IS NULL THEN l.id IS NOT NULL
                                 ELSE EXISTS (SELECT 1 FROM seen s WHERE s.subscriber_id = $4 AND s.listing_id = l.id) END
                FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q (m, s, u, i)
                CROSS JOIN LATERAL (SELECT coalesce(
                    (SELECT listing_id FROM listing_key WHERE scope = q.m AND value = q.s),
                    (SELECT listing_id FROM listing_key WHERE scope = '' AND value = q.u)) AS id) l
                """,
                marketplaces,
                siteIds,
                urls,
                subscriberId);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerLifetime = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                answers[reader.GetInt64(0) - 1] = reader.GetBoolean(1);
            }

            return answers;
        }, cancellationToken);
    }

    private sealed record WatchInfo(Guid Id, string Name, long SubscriberId, string Subscriber, bool HasBaseline);

    /// <summary>
    /// One cycle's writes in one transaction. Statements that decide something between nodes go through unique keys:
    /// a listing key is claimed by inserting it, and a listing is new to a subscriber when its seen row is inserted.
    /// Rows are taken in one order on every node (listings by key, pairs by subscriber and listing, watches by id,
    /// sites by name), so two nodes' cycles rarely wait on each other in a circle; when they do, the server ends one and
    /// <see cref="RecordCycleAsync"/> runs it again.
    /// </summary>
    private sealed class CycleRecorder(NpgsqlConnection connection, NpgsqlTransaction transaction, WatchCycle cycle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        private const int Healthy = 0;

        private readonly DateTimeOffset _at = Stored(cycle.CheckedAt);
        private readonly Dictionary<(string Scope, string Value), long> _keys = [];
        private readonly Dictionary<long, (string Title, string? Budget)> _listings = [];
        private readonly List<(int Index, ListingChange Change)> _changes = [];
        private Dictionary<Guid, WatchInfo> _watches = [];

        public async Task<WatchCycleResult> RunAsync()
        {
            var sightings = cycle.Listings;
            _watches = await ReadWatchesAsync(sightings.SelectMany(s => s.WatchIds).Distinct().ToArray()).ConfigureAwait(false);
            await FindKeysAsync(sightings).ConfigureAwait(false);

            var listingIds = new long[sightings.Count];
            int added = 0, known = 0;

            // By key, so that nodes claim keys in one order; a stable sort keeps a cycle's own order among equal keys.
            var order = Enumerable.Range(0, sightings.Count)
                .OrderBy(i => sightings[i].Key.Marketplace, StringComparer.Ordinal)
                .ThenBy(i => sightings[i].Key.SiteId, StringComparer.Ordinal);
            var done = 0;
            foreach (var i in order)
            {
                if ((done++ & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var (id, isNew) = await RecordListingAsync(i, sightings[i]).ConfigureAwait(false);
                listingIds[i] = id;
                if (isNew)
                {
                    added++;
                }
                else
                {
                    known++;
                }
            }

            var alerts = await RecordSeenAsync(sightings, listingIds).ConfigureAwait(false);
            await WriteAlertsAsync(alerts).ConfigureAwait(false);
            await MarkCheckedAsync().ConfigureAwait(false);
            var health = await RecordHealthAsync().ConfigureAwait(false);
            return new WatchCycleResult
            {
                Alerts = alerts.Select(a => a.Alert).ToArray(),
                Changes = _changes.OrderBy(c => c.Index).Select(c => c.Change).ToArray(),
                Health = health,
                NewListings = added,
                KnownListings = known,
            };
        }

        private async Task<Dictionary<Guid, WatchInfo>> ReadWatchesAsync(Guid[] ids)
        {
            var watches = new Dictionary<Guid, WatchInfo>();
            if (ids.Length == 0)
            {
                return watches;
            }

            // Read inside the transaction, so a baseline flag or subscriber is the stored one; a watch removed since
            // the cycle began is missing and alerts nothing more.
            using var command = Command(connection, transaction, """
                SELECT w.id, w.name, w.subscriber_id, s.name, w.has_baseline FROM watch w JOIN subscriber s ON s.id = w.subscriber_id
                WHERE w.id = ANY($1)
                """, ids);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerLifetime = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetGuid(0);
                watches[id] = new WatchInfo(id, reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetBoolean(4));
            }

            return watches;
        }

        // Every name of every listing of the cycle in one round trip; the claims below handle what others add meanwhile.
        private async Task FindKeysAsync(IReadOnlyList<ListingMatch> sightings)
        {
            if (sightings.Count == 0)
            {
                return;
            }

            var scopes = new string[sightings.Count * 2];
            var values = new string[sightings.Count * 2];
            for (var i = 0; i < sightings.Count; i++)
            {
                var key = sightings[i].Key;
                (scopes[2 * i], values[2 * i]) = (key.Marketplace, key.SiteId);
                (scopes[(2 * i) + 1], values[(2 * i) + 1]) = (string.Empty, key.CanonicalUrl);
            }

            using var command = Command(connection, transaction, """
                SELECT k.scope, k.value, k.listing_id, l.title, l.budget
                FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[])) AS q (scope, value)
                JOIN listing_key k ON k.scope = q.scope AND k.value = q.value
                JOIN listing l ON l.id = k.listing_id
                """, scopes, values);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerLifetime = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetInt64(2);
                _keys[(reader.GetString(0), reader.GetString(1))] = id;
                _listings[id] = (reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }

        private async Task<(long Id, bool IsNew)> RecordListingAsync(int index, ListingMatch match)
        {
            var key = match.Key;
            var site = (key.Marketplace, key.SiteId);
            var url = (string.Empty, key.CanonicalUrl);
            var gig = match.Listing;
            var budget = BudgetText.Write(gig.Budget);
            if (_keys.TryGetValue(site, out var existing) || _keys.TryGetValue(url, out existing))
            {
                await KnownAsync(index, match, existing, budget).ConfigureAwait(false);
                return (existing, false);
            }

            // Not recorded when the cycle looked. The listing row is this transaction's own until it commits; the keys
            // decide: whoever inserts a key first owns it, and a node that loses finds the winner's listing instead.
            var id = (long)(await ScalarAsync(
                connection,
                transaction,
                "INSERT INTO listing (marketplace, site_id, url, title, budget, first_seen) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                cancellationToken,
                key.Marketplace,
                key.SiteId,
                gig.Url.OriginalString,
                gig.Title,
                new NullText(budget),
                _at).ConfigureAwait(false))!;

            if (!await TryClaimAsync(site, id).ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM listing WHERE id = $1", cancellationToken, id).ConfigureAwait(false);
                var winner = await FindAsync(site).ConfigureAwait(false);
                await KnownAsync(index, match, winner, budget).ConfigureAwait(false);
                return (winner, false);
            }

            if (!await TryClaimAsync(url, id).ConfigureAwait(false))
            {
                // The same page was recorded under another id meanwhile: this id becomes a second name of that listing.
                var winner = await FindAsync(url).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "UPDATE listing_key SET listing_id = $3 WHERE scope = $1 AND value = $2", cancellationToken, site.Marketplace, site.SiteId, winner).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "DELETE FROM listing WHERE id = $1", cancellationToken, id).ConfigureAwait(false);
                _keys[site] = winner;
                await KnownAsync(index, match, winner, budget).ConfigureAwait(false);
                return (winner, false);
            }

            _listings[id] = (gig.Title, budget);
            return (id, true);
        }

        private async Task KnownAsync(int index, ListingMatch match, long id, string? budget)
        {
            var key = match.Key;
            var gig = match.Listing;

            // A known listing found under a name it is not known by yet (a second URL, or a second id for one URL)
            // learns that name, so the next sighting under either finds it at once.
            await ClaimIfFreeAsync((key.Marketplace, key.SiteId), id).ConfigureAwait(false);
            await ClaimIfFreeAsync((string.Empty, key.CanonicalUrl), id).ConfigureAwait(false);

            var old = _listings[id];
            if (string.Equals(old.Title, gig.Title, StringComparison.Ordinal) && string.Equals(old.Budget, budget, StringComparison.Ordinal))
            {
                return;
            }

            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO listing_change (listing_id, changed_at, old_title, new_title, old_budget, new_budget) VALUES ($1, $2, $3, $4, $5, $6)",
                cancellationToken,
                id,
                _at,
                old.Title,
                gig.Title,
                new NullText(old.Budget),
                new NullText(budget)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "UPDATE listing SET url = $1, title = $2, budget = $3 WHERE id = $4", cancellationToken, gig.Url.OriginalString, gig.Title, new NullText(budget), id).ConfigureAwait(false);
            _listings[id] = (gig.Title, budget);
            _changes.Add((index, new ListingChange
            {
                Listing = key,
                Url = gig.Url,
                ChangedAt = _at,
                OldTitle = old.Title,
                NewTitle = gig.Title,
                OldBudget = BudgetText.Read(old.Budget),
                NewBudget = gig.Budget,
            }));
        }

        private async Task ClaimIfFreeAsync((string Scope, string Value) key, long id)
        {
            if (!_keys.ContainsKey(key) && !await TryClaimAsync(key, id).ConfigureAwait(false))
            {
                // Another listing has that name: it stays that listing's (the first to claim a name keeps it).
                await FindAsync(key).ConfigureAwait(false);
            }
        }

        // Waits for a session that inserted the same key and has not committed yet; then nothing is inserted and no row returned.
        private async Task<bool> TryClaimAsync((string Scope, string Value) key, long id)
        {
            var claimed = await ScalarAsync(
                connection,
                transaction,
                "INSERT INTO listing_key (scope, value, listing_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING listing_id",
                cancellationToken,
                key.Scope,
                key.Value,
                id).ConfigureAwait(false) is not null;
            if (claimed)
            {
                _keys[key] = id;
            }

            return claimed;
        }

        // A new statement sees what the session that won the key committed.
        private async Task<long> FindAsync((string Scope, string Value) key)
        {
            using var command = Command(connection, transaction, """
                SELECT k.listing_id, l.title, l.budget FROM listing_key k JOIN listing l ON l.id = k.listing_id WHERE k.scope = $1 AND k.value = $2
                """, key.Scope, key.Value);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerLifetime = reader.ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"The listing key ({key.Scope}, {key.Value}) was taken but cannot be read back.");
            }

            var id = reader.GetInt64(0);
            _listings.TryAdd(id, (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            _keys[key] = id;
            return id;
        }

        /// <summary>Inserts the seen rows of every (subscriber, listing) pair of the cycle at once; those inserted are new, and alert when a live watch matched.</summary>
        private async Task<List<AlertDraft>> RecordSeenAsync(IReadOnlyList<ListingMatch> sightings, long[] listingIds)
        {
            // Each pair with the sightings that named it, in the cycle's order.
            var pairs = new Dictionary<(long Subscriber, long Listing), List<(int Index, WatchInfo Watch)>>();
            for (var i = 0; i < sightings.Count; i++)
            {
                foreach (var watchId in sightings[i].WatchIds)
                {
                    if (!_watches.TryGetValue(watchId, out var watch))
                    {
                        continue;
                    }

                    var pair = (watch.SubscriberId, listingIds[i]);
                    if (!pairs.TryGetValue(pair, out var named))
                    {
                        pairs[pair] = named = [];
                    }

                    named.Add((i, watch));
                }
            }

            if (pairs.Count == 0)
            {
                return [];
            }

            var sorted = pairs.Keys.Order().ToArray();
            var newPairs = new HashSet<(long, long)>();
            using var insert = Command(connection, transaction, """
                INSERT INTO seen (subscriber_id, listing_id, first_seen)
                SELECT s, l, $3 FROM unnest($1::bigint[], $2::bigint[]) AS t (s, l)
                ON CONFLICT DO NOTHING
                RETURNING subscriber_id, listing_id
                """, sorted.Select(p => p.Subscriber).ToArray(), sorted.Select(p => p.Listing).ToArray(), _at);
            var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    newPairs.Add((reader.GetInt64(0), reader.GetInt64(1)));
                }
            }

            // A watch still taking its baseline records the listing as seen but alerts nothing.
            var drafts = new List<AlertDraft>();
            foreach (var (pair, named) in pairs)
            {
                if (!newPairs.Contains(pair))
                {
                    continue;
                }

                var live = named.Where(n => n.Watch.HasBaseline).ToList();
                if (live.Count > 0)
                {
                    var watches = live.Select(n => n.Watch).DistinctBy(w => w.Id).Select(w => new WatchReference(w.Id, w.Name)).ToArray();
                    drafts.Add(new AlertDraft(live[0].Index, pair.Subscriber, pair.Listing, sightings[live[0].Index].Listing, live[0].Watch.Subscriber, watches));
                }
            }

            // Ids in the order the cycle found the listings, so the outbox hands them out in that order.
            drafts.Sort((a, b) => a.Index.CompareTo(b.Index));
            foreach (var draft in drafts)
            {
                draft.Alert = new GigAlert { Id = TimeOrderedGuid.Create(now), Listing = draft.Listing, Subscriber = draft.Subscriber, Watches = draft.Watches, FirstSeen = _at };
            }

            return drafts;
        }

        private async Task WriteAlertsAsync(List<AlertDraft> drafts)
        {
            if (drafts.Count == 0)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var watches = drafts.Select(d => JsonSerializer.Serialize(d.Watches.Select(w => (string[])[w.Id.ToString("D"), w.Name]).ToArray(), WatchJsonContext.Default.StringArrayArray)).ToArray();
            var gigs = drafts.Select(d => GigJson.Write(d.Listing)).ToArray();
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO alert (id, subscriber_id, listing_id, first_seen, watches, gig, claimed_until)
                SELECT a, s, l, $4, w::json, g::json, $7 FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $5::text[], $6::text[]) AS t (a, s, l, w, g)
                """,
                cancellationToken,
                drafts.Select(d => d.Alert.Id).ToArray(),
                drafts.Select(d => d.SubscriberId).ToArray(),
                drafts.Select(d => d.ListingId).ToArray(),
                _at,
                watches,
                gigs,
                new NullTime(cycle.AlertLease > TimeSpan.Zero ? now + cycle.AlertLease : null)).ConfigureAwait(false);
        }

        private async Task MarkCheckedAsync()
        {
            var ids = cycle.CheckedWatches.Concat(_watches.Keys).Distinct().Order().ToArray();
            if (ids.Length == 0)
            {
                return;
            }

            // Locked in id order first, so two nodes checking overlapping watches take them in one order.
            await ExecuteAsync(
                connection,
                transaction,
                """
                WITH locked AS (SELECT id FROM watch WHERE id = ANY($1) ORDER BY id FOR UPDATE)
                UPDATE watch w SET last_checked = $2, has_baseline = true FROM locked WHERE w.id = locked.id
                """,
                cancellationToken,
                ids,
                _at).ConfigureAwait(false);
        }

        private async Task<List<WatchHealth>> RecordHealthAsync()
        {
            if (cycle.Sites.Count == 0)
            {
                return [];
            }

            // Several requests to one site in a cycle are one cycle for the site: failing if any failed, silent if all
            // answered and none had a listing. One upsert per site counts the run from the row as it is at that moment,
            // so two nodes' cycles both count.
            var sites = cycle.Sites.GroupBy(s => s.Provider, StringComparer.Ordinal).Select((site, order) =>
            {
                var failure = site.LastOrDefault(s => s.Failure is not null)?.Failure;
                var state = failure is not null ? (int)WatchHealthKind.Failing : site.Sum(s => (long)s.Listings) == 0 ? (int)WatchHealthKind.Silent : Healthy;
                return (Order: order, Provider: site.Key, State: state, Failure: failure);
            }).ToList();

            var health = new List<(int Order, WatchHealth Health)>();
            foreach (var site in sites.OrderBy(s => s.Provider, StringComparer.Ordinal))
            {
                using var upsert = Command(connection, transaction, """
                    INSERT INTO site_health AS h (provider, state, cycles, since, last_checked, last_message)
                    VALUES ($1, $2, CASE WHEN $2 = 0 THEN 0 ELSE 1 END, $3, $3, $4)
                    ON CONFLICT (provider) DO UPDATE SET
                        cycles = CASE WHEN excluded.state = 0 THEN 0 WHEN h.state = excluded.state THEN h.cycles + 1 ELSE 1 END,
                        since = CASE WHEN excluded.state <> 0 AND h.state = excluded.state THEN h.since ELSE excluded.since END,
                        state = excluded.state, last_checked = excluded.last_checked, last_message = excluded.last_message
                    RETURNING provider, state, cycles, since, last_checked, last_message
                    """, site.Provider, (short)site.State, _at, new NullText(site.Failure));
                var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerLifetime = reader.ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt16(1) != Healthy)
                {
                    health.Add((site.Order, ReadHealth(reader)));
                }
            }

            return health.OrderBy(h => h.Order).Select(h => h.Health).ToList();
        }
    }

    /// <summary>An alert of the cycle: the sighting that first named a live watch orders it.</summary>
    private sealed class AlertDraft(int index, long subscriberId, long listingId, Gig listing, string subscriber, WatchReference[] watches)
    {
        public int Index { get; } = index;

        public long SubscriberId { get; } = subscriberId;

        public long ListingId { get; } = listingId;

        public Gig Listing { get; } = listing;

        public string Subscriber { get; } = subscriber;

        public WatchReference[] Watches { get; } = watches;

        public GigAlert Alert { get; set; } = null!;
    }
}

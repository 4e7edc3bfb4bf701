using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FreelanceAggregator.Watch;

public sealed partial class SqliteWatchStore
{
    /// <inheritdoc/>
    public override async Task<WatchCycleResult> RecordCycleAsync(WatchCycle cycle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();
            WatchCycleResult result;
            using (var recorder = new CycleRecorder(connection, transaction, cycle, _time.GetUtcNow(), cancellationToken))
            {
                result = recorder.Run();
            }

            transaction.Commit();
            return result;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "recording a check cycle");
        }
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<bool>> AreRecordedAsync(IReadOnlyList<ListingKey> listings, string? subscriber = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listings);
        try
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var answers = new bool[listings.Count];
            long? subscriberId = null;
            if (subscriber is not null && (subscriberId = SubscriberId(connection, null, subscriber.Trim(), create: false)) is null)
            {
                return answers;
            }

            using var find = Command(connection, null, "SELECT listing_id FROM listing_key WHERE scope = $scope AND value = $value");
            var scope = find.Parameters.Add("$scope", SqliteType.Text);
            var value = find.Parameters.Add("$value", SqliteType.Text);
            using var seen = Command(connection, null, "SELECT 1 FROM seen WHERE subscriber_id = $subscriber AND listing_id = $listing");
            seen.Parameters.AddWithValue("$subscriber", subscriberId ?? 0);
            var listing = seen.Parameters.Add("$listing", SqliteType.Integer);
            for (var i = 0; i < listings.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = listings[i] ?? throw new ArgumentException($"listings[{i}] is null.", nameof(listings));
                var id = Find(key.Marketplace, key.SiteId) ?? Find(string.Empty, key.CanonicalUrl);
                if (id is { } found && subscriberId is not null)
                {
                    listing.Value = found;
                    answers[i] = seen.ExecuteScalar() is not null;
                }
                else
                {
                    answers[i] = id is not null;
                }
            }

            return answers;

            long? Find(string s, string v)
            {
                scope.Value = s;
                value.Value = v;
                return find.ExecuteScalar() is long id ? id : null;
            }
        }
        catch (SqliteException e)
        {
            throw Translate(e, "looking up recorded listings");
        }
    }

    private sealed record WatchInfo(Guid Id, string Name, long SubscriberId, string Subscriber, bool HasBaseline);

    /// <summary>An alert being built in this cycle: a second sighting of its listing may add watches to it.</summary>
    private sealed class AlertDraft(Guid id, Gig listing, long subscriberId, long listingId, string subscriber, DateTimeOffset firstSeen)
    {
        public Guid Id { get; } = id;

        public Gig Listing { get; } = listing;

        public long SubscriberId { get; } = subscriberId;

        public long ListingId { get; } = listingId;

        public List<WatchReference> Watches { get; } = [];

        public GigAlert ToAlert() => new() { Id = Id, Listing = Listing, Subscriber = subscriber, Watches = Watches.ToArray(), FirstSeen = firstSeen };
    }

    /// <summary>
    /// One cycle's writes, with each statement prepared once and run per listing: a cycle of 100,000 listings is a few
    /// hundred thousand runs of a handful of statements, inside one transaction.
    /// </summary>
    private sealed class CycleRecorder : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly WatchCycle _cycle;
        private readonly long _at;
        private readonly long? _claimedUntil;
        private readonly DateTimeOffset _now;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<Guid, WatchInfo?> _watches = [];

        // (subscriber, listing) pairs first seen in this cycle, with the alert they produced (null: baseline only).
        private readonly Dictionary<(long Subscriber, long Listing), AlertDraft?> _firstSeenNow = [];
        private readonly List<AlertDraft> _alerts = [];
        private readonly List<ListingChange> _changes = [];
        private readonly ArrayBufferWriter<byte> _json = new(2048);

        private readonly RawStatement _findKey;
        private readonly RawStatement _insertListing;
        private readonly RawStatement _insertKeys;
        private readonly RawStatement _updateListing;
        private readonly RawStatement _insertChange;
        private readonly RawStatement _insertSeen;
        private readonly RawStatement _insertAlert;
        private long _lastListingId;

        public CycleRecorder(SqliteConnection connection, SqliteTransaction transaction, WatchCycle cycle, DateTimeOffset now, CancellationToken cancellationToken)
        {
            _connection = connection;
            _transaction = transaction;
            _cycle = cycle;
            _at = Ticks(cycle.CheckedAt);
            _claimedUntil = cycle.AlertLease > TimeSpan.Zero ? Ticks(now + cycle.AlertLease) : null;
            _now = now;
            _cancellationToken = cancellationToken;

            // The transaction holds the write lock, so no one else adds a listing until it ends: ids can be handed out
            // here instead of read back from each insert.
            _lastListingId = (long)Scalar(connection, transaction, "SELECT coalesce(max(id), 0) FROM listing")!;

            _findKey = new(connection, "SELECT k.listing_id, l.title, l.budget FROM listing_key k JOIN listing l ON l.id = k.listing_id WHERE k.scope = ?1 AND k.value = ?2");
            _insertListing = new(connection, "INSERT INTO listing (id, marketplace, site_id, url, title, budget, first_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

            // Both names at once; OR IGNORE keeps a name that already points at a listing (the first to claim it).
            _insertKeys = new(connection, "INSERT OR IGNORE INTO listing_key (scope, value, listing_id) VALUES (?1, ?2, ?4), ('', ?3, ?4)");
            _updateListing = new(connection, "UPDATE listing SET url = ?1, title = ?2, budget = ?3 WHERE id = ?4");
            _insertChange = new(connection, "INSERT INTO listing_change (listing_id, changed_at, old_title, new_title, old_budget, new_budget) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            _insertSeen = new(connection, "INSERT OR IGNORE INTO seen (subscriber_id, listing_id, first_seen) VALUES (?1, ?2, ?3)");
            _insertAlert = new(connection, "INSERT INTO alert (id, subscriber_id, listing_id, first_seen, watches, gig, claimed_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        }

        public WatchCycleResult Run()
        {
            int added = 0, known = 0;
            var groups = new List<(long SubscriberId, List<WatchInfo> Watches)>();
            for (var i = 0; i < _cycle.Listings.Count; i++)
            {
                if ((i & 1023) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                var match = _cycle.Listings[i];
                var listingId = RecordListing(match, out var isNew);
                if (isNew)
                {
                    added++;
                }
                else
                {
                    known++;
                }

                if (match.WatchIds.Count == 0)
                {
                    continue;
                }

                GroupBySubscriber(match.WatchIds, groups);
                foreach (var (subscriberId, watches) in groups)
                {
                    RecordForSubscriber(match.Listing, listingId, subscriberId, watches);
                }
            }

            WriteAlerts();
            MarkChecked();
            var health = new HealthRecorder(_connection, _transaction).Record(_cycle.Sites, _at);
            return new WatchCycleResult
            {
                Alerts = _alerts.Select(a => a.ToAlert()).ToArray(),
                Changes = _changes.ToArray(),
                Health = health,
                NewListings = added,
                KnownListings = known,
            };
        }

        public void Dispose()
        {
            foreach (var statement in (RawStatement[])[_findKey, _insertListing, _insertKeys, _updateListing, _insertChange, _insertSeen, _insertAlert])
            {
                statement.Dispose();
            }
        }

        private long RecordListing(ListingMatch match, out bool isNew)
        {
            var key = match.Key;
            var gig = match.Listing;
            var budget = BudgetText.Write(gig.Budget);
            var found = Find(key.Marketplace, key.SiteId) ?? Find(string.Empty, key.CanonicalUrl);
            long listingId;
            if (found is not { } existing)
            {
                listingId = ++_lastListingId;
                _insertListing.Bind(1, listingId).Bind(2, key.Marketplace).Bind(3, key.SiteId).Bind(4, gig.Url.OriginalString).Bind(5, gig.Title).Bind(6, budget).Bind(7, _at).Execute();
                isNew = true;
            }
            else
            {
                listingId = existing.Id;
                isNew = false;
                if (!string.Equals(existing.Title, gig.Title, StringComparison.Ordinal) || !string.Equals(existing.Budget, budget, StringComparison.Ordinal))
                {
                    RecordChange(listingId, key, gig, existing, budget);
                }
            }

            // For a known listing this adds the name it was found by now, if that name is new (the same project under
            // a second URL, or a second id for one URL), so the next sighting under either name finds it at once.
            _insertKeys.Bind(1, key.Marketplace).Bind(2, key.SiteId).Bind(3, key.CanonicalUrl).Bind(4, listingId).Execute();
            return listingId;
        }

        private void RecordChange(long listingId, ListingKey key, Gig gig, (long Id, string Title, string? Budget) old, string? budget)
        {
            _insertChange.Bind(1, listingId).Bind(2, _at).Bind(3, old.Title).Bind(4, gig.Title).Bind(5, old.Budget).Bind(6, budget).Execute();
            _updateListing.Bind(1, gig.Url.OriginalString).Bind(2, gig.Title).Bind(3, budget).Bind(4, listingId).Execute();
            _changes.Add(new ListingChange
            {
                Listing = key,
                Url = gig.Url,
                ChangedAt = _cycle.CheckedAt,
                OldTitle = old.Title,
                NewTitle = gig.Title,
                OldBudget = BudgetText.Read(old.Budget),
                NewBudget = gig.Budget,
            });
        }

        private (long Id, string Title, string? Budget)? Find(string scope, string value)
        {
            _findKey.Bind(1, scope).Bind(2, value);
            try
            {
                return _findKey.Read() ? (_findKey.Int64(0), _findKey.Text(1)!, _findKey.Text(2)) : null;
            }
            finally
            {
                _findKey.Reset();
            }
        }

        private void RecordForSubscriber(Gig gig, long listingId, long subscriberId, List<WatchInfo> watches)
        {
            var pair = (subscriberId, listingId);
            if (!_firstSeenNow.TryGetValue(pair, out var draft))
            {
                // The unique key decides "new to this subscriber": a row is added once, whatever else runs at the same time.
                if (_insertSeen.Bind(1, subscriberId).Bind(2, listingId).Bind(3, _at).Execute() == 0)
                {
                    return;
                }

                _firstSeenNow[pair] = null;
            }

            // A watch still taking its baseline records the listing as seen but alerts nothing. The alert is written
            // at the end of the cycle, once every sighting of the listing in it has named its watches.
            foreach (var watch in watches)
            {
                if (!watch.HasBaseline)
                {
                    continue;
                }

                if (draft is null)
                {
                    draft = new AlertDraft(TimeOrderedGuid.Create(_now), gig, subscriberId, listingId, watch.Subscriber, _cycle.CheckedAt);
                    _firstSeenNow[pair] = draft;
                    _alerts.Add(draft);
                }

                if (!draft.Watches.Exists(w => w.Id == watch.Id))
                {
                    draft.Watches.Add(new WatchReference(watch.Id, watch.Name));
                }
            }
        }

        private void WriteAlerts()
        {
            foreach (var draft in _alerts)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _json.ResetWrittenCount();
                GigJson.Write(draft.Listing, _json);
                var watches = JsonSerializer.Serialize(draft.Watches.Select(w => (string[])[Text(w.Id), w.Name]).ToArray(), WatchJsonContext.Default.StringArrayArray);
                _insertAlert.Bind(1, Text(draft.Id)).Bind(2, draft.SubscriberId).Bind(3, draft.ListingId).Bind(4, _at).Bind(5, watches).Bind(6, _json.WrittenSpan).Bind(7, _claimedUntil).Execute();
            }
        }

        // Watches are read once per cycle, from inside the transaction, so a baseline flag or subscriber is the stored one.
        private void GroupBySubscriber(IReadOnlyList<Guid> watchIds, List<(long SubscriberId, List<WatchInfo> Watches)> groups)
        {
            groups.Clear();
            foreach (var id in watchIds)
            {
                if (Watch(id) is not { } watch)
                {
                    // Removed since the cycle began: it alerts nothing more.
                    continue;
                }

                var index = groups.FindIndex(g => g.SubscriberId == watch.SubscriberId);
                if (index < 0)
                {
                    groups.Add((watch.SubscriberId, [watch]));
                }
                else
                {
                    groups[index].Watches.Add(watch);
                }
            }
        }

        private WatchInfo? Watch(Guid id)
        {
            if (_watches.TryGetValue(id, out var known))
            {
                return known;
            }

            using var select = Command(_connection, _transaction, """
                SELECT w.name, w.subscriber_id, s.name, w.has_baseline FROM watch w JOIN subscriber s ON s.id = w.subscriber_id WHERE w.id = $id
                """);
            select.Parameters.AddWithValue("$id", Text(id));
            using var reader = select.ExecuteReader();
            var watch = reader.Read() ? new WatchInfo(id, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetBoolean(3)) : null;
            _watches[id] = watch;
            return watch;
        }

        private void MarkChecked()
        {
            using var update = Command(_connection, _transaction, "UPDATE watch SET last_checked = $at, has_baseline = 1 WHERE id = $id");
            update.Parameters.AddWithValue("$at", _at);
            var id = update.Parameters.Add("$id", SqliteType.Text);
            foreach (var watchId in _cycle.CheckedWatches.Concat(_watches.Where(w => w.Value is not null).Select(w => w.Key)).Distinct())
            {
                id.Value = Text(watchId);
                update.ExecuteNonQuery();
            }
        }
    }
}

namespace FreelanceAggregator.Watch;

/// <summary>One step of the SQLite schema: the SQL that takes a store from <c>Version - 1</c> to <see cref="Version"/>.</summary>
/// <param name="Version">The version after the step.</param>
/// <param name="Description">What the step does, for messages.</param>
/// <param name="Sql">The statements.</param>
internal sealed record SqliteMigration(int Version, string Description, string Sql);

/// <summary>
/// The SQLite store's schema as its history of steps. A file records its version in <c>PRAGMA user_version</c> and its
/// owner in <c>PRAGMA application_id</c>; opening a store runs the steps it lacks, all in one transaction.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>"FAGW" in ASCII: marks the file as a FreelanceAggregator watch store, so a stranger's database is refused.</summary>
    public const int ApplicationId = 0x46414757;

    // Times are UTC ticks (100 ns) in INTEGER columns, so they compare and sort as numbers and keep their precision; ids
    // of watches and alerts are GUID text; money is invariant decimal text, never REAL.
    private const string Version1 = """
        CREATE TABLE subscriber (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );

        CREATE TABLE watch (
            id TEXT PRIMARY KEY,
            subscriber_id INTEGER NOT NULL REFERENCES subscriber (id),
            name TEXT NOT NULL,
            query TEXT NOT NULL,
            every_ticks INTEGER NOT NULL,
            notify TEXT NOT NULL,
            paused INTEGER NOT NULL DEFAULT 0,
            created INTEGER NOT NULL,
            last_checked INTEGER,
            has_baseline INTEGER NOT NULL DEFAULT 0,
            UNIQUE (subscriber_id, name)
        );

        -- A listing as first recorded; title and budget follow its changes. No last-seen time: writing one for every
        -- listing seen again would rewrite pages all over the file on every cycle.
        CREATE TABLE listing (
            id INTEGER PRIMARY KEY,
            marketplace TEXT NOT NULL,
            site_id TEXT NOT NULL,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            budget TEXT,
            first_seen INTEGER NOT NULL
        );

        -- Every name a listing is known by: (marketplace, site id), and ('', canonical URL). The key makes one listing
        -- one, however it is found again.
        CREATE TABLE listing_key (
            scope TEXT NOT NULL,
            value TEXT NOT NULL,
            listing_id INTEGER NOT NULL,
            PRIMARY KEY (scope, value)
        ) WITHOUT ROWID;

        -- The listings each subscriber was told about or baselined: a listing is new to a subscriber exactly when a row
        -- can be added here.
        CREATE TABLE seen (
            subscriber_id INTEGER NOT NULL,
            listing_id INTEGER NOT NULL,
            first_seen INTEGER NOT NULL,
            PRIMARY KEY (subscriber_id, listing_id)
        ) WITHOUT ROWID;

        -- The outbox. An alert is written in the transaction that adds its subscriber's seen row, so the seen key makes it
        -- one per subscriber and listing; it stays pending until acknowledged. Its id is time-ordered (UUIDv7), so the
        -- pending index, which claims walk oldest first and acknowledgements look up, grows at one end; an acknowledged
        -- alert leaves it. watches holds the watches it names, with their names then, as JSON [[id, name], ...].
        CREATE TABLE alert (
            id TEXT NOT NULL,
            subscriber_id INTEGER NOT NULL REFERENCES subscriber (id),
            listing_id INTEGER NOT NULL REFERENCES listing (id),
            first_seen INTEGER NOT NULL,
            watches TEXT NOT NULL,
            gig TEXT NOT NULL,
            claimed_until INTEGER,
            acknowledged INTEGER
        );

        CREATE UNIQUE INDEX alert_pending ON alert (id) WHERE acknowledged IS NULL;

        CREATE TABLE listing_change (
            id INTEGER PRIMARY KEY,
            listing_id INTEGER NOT NULL REFERENCES listing (id),
            changed_at INTEGER NOT NULL,
            old_title TEXT NOT NULL,
            new_title TEXT NOT NULL,
            old_budget TEXT,
            new_budget TEXT
        );

        CREATE INDEX listing_change_at ON listing_change (changed_at);

        -- state: 0 healthy, 1 failing, 2 silent (WatchHealthKind); cycles counts the current state's run.
        CREATE TABLE site_health (
            provider TEXT PRIMARY KEY,
            state INTEGER NOT NULL,
            cycles INTEGER NOT NULL,
            since INTEGER NOT NULL,
            last_checked INTEGER NOT NULL,
            last_message TEXT
        );
        """;

    /// <summary>Gets every step, in order; the last one's version is the version this code writes.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "watches, listings, seen listings per subscriber, alert outbox, listing changes, site health", Version1),
    ];

    /// <summary>Gets the version this code writes and reads.</summary>
    public static int CurrentVersion => Migrations[^1].Version;
}

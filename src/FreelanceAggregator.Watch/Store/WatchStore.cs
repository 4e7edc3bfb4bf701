namespace FreelanceAggregator.Watch;

/// <summary>
/// Where watching keeps what must survive a restart: the watches, the listings already recorded (per subscriber), the
/// alert outbox, the changes seen in recorded listings and each site's health. <see cref="SqliteWatchStore"/> keeps them
/// in one file.
/// </summary>
/// <remarks>
/// <para>
/// "Seen" is a guarantee of the store, not of memory: a listing is new to a subscriber exactly once, because recording it
/// and the alert that says so are one transaction behind a unique key. Several processes may share one store.
/// </para>
/// <para>
/// A store that derives from this class passes the same contract tests: unique watch names per subscriber; listing
/// identity by marketplace and site id or by canonical URL (<see cref="ListingKey"/>); one alert per subscriber per
/// listing; the alert outbox with leases; changes recorded and not alerted; health counted per site. Every failure is a
/// <see cref="WatchStoreException"/> that names the store and leaves nothing half-written.
/// </para>
/// </remarks>
public abstract class WatchStore : IAsyncDisposable
{
    /// <summary>Initializes the store; for derived classes and mocking.</summary>
    protected WatchStore()
    {
    }

    /// <summary>Gets the schema version of the data the store holds (after the migrations that ran when it was opened).</summary>
    public abstract int SchemaVersion { get; }

    /// <summary>Adds a watch. The store sets <see cref="GigWatch.Created"/>; a new watch has no baseline and was never checked.</summary>
    /// <param name="watch">The watch.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The watch as stored.</returns>
    /// <exception cref="ArgumentException">The watch's query does not survive being written as text and read back.</exception>
    /// <exception cref="WatchStoreException">The subscriber already has a watch with that name, or that id is taken (<see cref="WatchStoreError.Conflict"/>); or the store failed.</exception>
    public abstract Task<GigWatch> AddWatchAsync(GigWatch watch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a watch's name, query, subscriber, interval, channels and pause. A new query or subscriber starts the watch
    /// over with a baseline (otherwise the first check of the new query would alert on everything already listed).
    /// </summary>
    /// <param name="watch">The watch, found by <see cref="GigWatch.Id"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The watch as stored, or <see langword="null"/> when there is no watch with that id.</returns>
    /// <exception cref="ArgumentException">The watch's query does not survive being written as text and read back.</exception>
    /// <exception cref="WatchStoreException">The new name is taken (<see cref="WatchStoreError.Conflict"/>), or the store failed.</exception>
    public abstract Task<GigWatch?> UpdateWatchAsync(GigWatch watch, CancellationToken cancellationToken = default);

    /// <summary>Removes a watch. Listings it recorded stay recorded, and alerts already recorded still name it.</summary>
    /// <param name="id">The watch's id.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when a watch was removed.</returns>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public abstract Task<bool> RemoveWatchAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Gets a watch by id.</summary>
    /// <param name="id">The watch's id.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The watch, or <see langword="null"/>.</returns>
    /// <exception cref="WatchStoreException">The store failed, or the stored query can no longer be read.</exception>
    public abstract Task<GigWatch?> GetWatchAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Gets a subscriber's watch by name.</summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <param name="name">The watch's name (compared exactly, after trimming).</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The watch, or <see langword="null"/>.</returns>
    /// <exception cref="WatchStoreException">The store failed, or the stored query can no longer be read.</exception>
    public abstract Task<GigWatch?> GetWatchAsync(string subscriber, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists watches, ordered by subscriber and name.</summary>
    /// <param name="subscriber">Only this subscriber's, or <see langword="null"/> for everyone's.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The watches.</returns>
    /// <exception cref="WatchStoreException">The store failed, or a stored query can no longer be read.</exception>
    public abstract Task<IReadOnlyList<GigWatch>> ListWatchesAsync(string? subscriber = null, CancellationToken cancellationToken = default);

    /// <summary>Pauses a watch: it is kept, but not checked.</summary>
    /// <param name="id">The watch's id.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The watch as stored, or <see langword="null"/> when there is no watch with that id.</returns>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public virtual Task<GigWatch?> PauseWatchAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetPausedAsync(id, paused: true, cancellationToken);

    /// <summary>Resumes a paused watch. Listings posted while it was paused are not lost: the next check pages back to what it has recorded.</summary>
    /// <param name="id">The watch's id.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The watch as stored, or <see langword="null"/> when there is no watch with that id.</returns>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public virtual Task<GigWatch?> ResumeWatchAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetPausedAsync(id, paused: false, cancellationToken);

    /// <summary>
    /// Records a check cycle in one transaction: every listing (recorded once, by <see cref="ListingKey"/>), each
    /// subscriber's new listings with one alert per subscriber per listing naming all that subscriber's matching watches
    /// (written to the outbox and held for the caller), changed titles and budgets, the watches' last check and baseline,
    /// and each site's health. A watch without a baseline records its listings and alerts nothing. Either all of it is
    /// recorded or, when this throws, none of it.
    /// </summary>
    /// <param name="cycle">What the cycle found.</param>
    /// <param name="cancellationToken">A token to cancel the operation; cancelling records nothing.</param>
    /// <returns>What was decided.</returns>
    /// <exception cref="WatchStoreException">The store failed; nothing of the cycle was recorded.</exception>
    public abstract Task<WatchCycleResult> RecordCycleAsync(WatchCycle cycle, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells which listings are recorded: at all, or for one subscriber. A check pages back until it meets a recorded
    /// listing, so that listings posted while nothing ran are not lost.
    /// </summary>
    /// <param name="listings">The listings' keys.</param>
    /// <param name="subscriber">Only listings this subscriber was told about (or baselined), or <see langword="null"/> for any record.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>One answer per key, in order.</returns>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public abstract Task<IReadOnlyList<bool>> AreRecordedAsync(IReadOnlyList<ListingKey> listings, string? subscriber = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes alerts from the outbox to hand out: those not acknowledged and not held by anyone (a hold lapses after its
    /// lease, so an alert whose holder crashed comes back), oldest first, and holds them for <paramref name="lease"/>.
    /// </summary>
    /// <param name="maxCount">The most alerts to take.</param>
    /// <param name="lease">How long they are held before they can be taken again.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The alerts, oldest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is below 1, or <paramref name="lease"/> is negative.</exception>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public abstract Task<IReadOnlyList<GigAlert>> ClaimPendingAlertsAsync(int maxCount, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks alerts as handed out for good; they never come back. Unknown or already acknowledged ids are ignored.</summary>
    /// <param name="alertIds">The alerts' ids.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How many alerts were acknowledged now.</returns>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public abstract Task<int> AcknowledgeAlertsAsync(IEnumerable<Guid> alertIds, CancellationToken cancellationToken = default);

    /// <summary>Gives held alerts back to the outbox, to be taken again after <paramref name="retryAfter"/> (a channel's retry hint, or a backoff).</summary>
    /// <param name="alertIds">The alerts' ids.</param>
    /// <param name="retryAfter">How long to wait before they can be taken again; zero for at once.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How many alerts were given back.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public abstract Task<int> ReleaseAlertsAsync(IEnumerable<Guid> alertIds, TimeSpan retryAfter, CancellationToken cancellationToken = default);

    /// <summary>Lists recorded changes of listings' titles and budgets, oldest first.</summary>
    /// <param name="since">Only changes seen at or after this time.</param>
    /// <param name="subscriber">Only listings this subscriber has recorded, or <see langword="null"/> for all.</param>
    /// <param name="maxCount">The most changes to return.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is below 1.</exception>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public abstract Task<IReadOnlyList<ListingChange>> ListChangesAsync(DateTimeOffset since, string? subscriber = null, int maxCount = 100, CancellationToken cancellationToken = default);

    /// <summary>Lists the sites that are failing or silent, worst first.</summary>
    /// <param name="minimumCycles">Only sites that have been so for at least this many cycles in a row.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The sites' health.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumCycles"/> is below 1.</exception>
    /// <exception cref="WatchStoreException">The store failed.</exception>
    public abstract Task<IReadOnlyList<WatchHealth>> ListSiteHealthAsync(int minimumCycles = 1, CancellationToken cancellationToken = default);

    /// <summary>Releases what the store holds (connections, file handles).</summary>
    /// <returns>A task that completes when released.</returns>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Sets or clears a watch's pause.</summary>
    /// <param name="id">The watch's id.</param>
    /// <param name="paused">Whether the watch is paused.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The watch as stored, or <see langword="null"/> when there is no watch with that id.</returns>
    protected abstract Task<GigWatch?> SetPausedAsync(Guid id, bool paused, CancellationToken cancellationToken);

    /// <summary>Releases what the store holds; derived classes override this.</summary>
    /// <returns>A task that completes when released.</returns>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}

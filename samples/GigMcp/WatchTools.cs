using System.ComponentModel;
using System.Globalization;
using FreelanceAggregator;
using FreelanceAggregator.Watch;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace GigMcp;

/// <summary>
/// The watch tools, on the SQLite watch store: saved searches for the server's subscriber (<c>--subscriber</c>). This
/// server only keeps watches and reads what the store recorded; checking them is the watcher's work (a process running
/// FreelanceAggregator.Watch on the same store file).
/// </summary>
[McpServerToolType]
internal sealed class WatchTools(WatchStoreAccess stores, ServerSettings settings, TimeProvider time, ILogger<WatchTools> log)
{
    /// <summary>The most pending alerts read from the outbox in one call, whoever they are for.</summary>
    private const int OutboxWindow = 1000;

    [McpServerTool(Name = "add_watch", Title = "Save a search as a watch", Destructive = false, UseStructuredContent = true)]
    [Description("Saves a search as a watch, so that listings new since its first check become alerts (read them with "
        + "recent_alerts). The first check only records what is already listed. The watch is checked by the watcher "
        + "running on the same store; this server keeps it.")]
    public async Task<WatchResult> AddWatchAsync(
        [Description("A short name to refer to the watch by, unique among the user's watches, e.g. 'logo jobs over 1 juta'.")] string name,
        [Description(SearchTools.QuerySyntax)] string query,
        [Description("How often to check, in minutes (at least 1, default 15).")] int? everyMinutes = null,
        CancellationToken cancellationToken = default)
    {
        if (!GigQuery.TryParse(query, out var parsed, out var error))
        {
            throw new McpException("Bad query: " + error);
        }

        if (parsed.Providers?.FirstOrDefault(p => Sites.Find(p) is null) is { } stranger)
        {
            throw new McpException($"Unknown site '{stranger}' in site:. Known sites: {string.Join(", ", Sites.Names)}.");
        }

        var minutes = everyMinutes ?? (int)GigWatch.DefaultEvery.TotalMinutes;
        if (minutes < GigWatch.MinimumEvery.TotalMinutes)
        {
            throw new McpException($"everyMinutes {minutes.ToString(CultureInfo.InvariantCulture)} is too short: a watch is checked at most once a minute.");
        }

        GigWatch watch;
        try
        {
            watch = new GigWatch { Name = name, Query = parsed, Subscriber = settings.Subscriber, Every = TimeSpan.FromMinutes(minutes) };
        }
        catch (ArgumentException e)
        {
            throw new McpException(e.Message, e);
        }

        var store = await stores.GetAsync(cancellationToken);
        try
        {
            var added = await store.AddWatchAsync(watch, cancellationToken);
            log.WatchAdded(added.Name, added.Subscriber, added.Query.ToString());
            return WatchResult.From(added);
        }
        catch (WatchStoreException e) when (e.Error == WatchStoreError.Conflict)
        {
            throw new McpException($"There is already a watch named '{watch.Name}'; choose another name, or remove that one first.", e);
        }
        catch (Exception e) when (e is WatchStoreException or ArgumentException)
        {
            throw new McpException(e.Message, e);
        }
    }

    [McpServerTool(Name = "list_watches", Title = "List watches", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists the user's watches: name, id, query (and what it means), how often it is checked, when it was last "
        + "checked, and whether it is paused.")]
    public async Task<WatchListResult> ListWatchesAsync(CancellationToken cancellationToken = default)
    {
        var store = await stores.GetAsync(cancellationToken);
        var watches = await Guard(() => store.ListWatchesAsync(settings.Subscriber, cancellationToken));
        return new WatchListResult(settings.Subscriber, [.. watches.Select(WatchResult.From)]);
    }

    [McpServerTool(Name = "remove_watch", Title = "Remove a watch", Destructive = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Removes one of the user's watches, by its name or id. Alerts it already produced stay readable.")]
    public async Task<RemovedResult> RemoveWatchAsync(
        [Description("The watch's name (exactly as listed by list_watches) or its id.")] string watch,
        CancellationToken cancellationToken = default)
    {
        var store = await stores.GetAsync(cancellationToken);
        GigWatch? found = null;
        if (Guid.TryParse(watch, out var id))
        {
            // An id of another subscriber's watch is treated as unknown: this server manages only its user's watches.
            found = await Guard(() => store.GetWatchAsync(id, cancellationToken)) is { } byId && byId.Subscriber == settings.Subscriber ? byId : null;
        }
        else if (!string.IsNullOrWhiteSpace(watch))
        {
            found = await Guard(() => store.GetWatchAsync(settings.Subscriber, watch.Trim(), cancellationToken));
        }
        if (found is null)
        {
            var names = (await Guard(() => store.ListWatchesAsync(settings.Subscriber, cancellationToken))).Select(w => "'" + w.Name + "'").ToList();
            throw new McpException(names.Count == 0
                ? $"There is no watch '{watch}': there are no watches yet."
                : $"There is no watch '{watch}'. The watches are: {string.Join(", ", names)}.");
        }

        var removed = await Guard(() => store.RemoveWatchAsync(found.Id, cancellationToken));
        log.WatchRemoved(found.Name, found.Id, removed);
        return new RemovedResult(removed, found.Id.ToString(), found.Name);
    }

    [McpServerTool(Name = "recent_alerts", Title = "Read new listings from watches", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads the alerts the user's watches produced that no channel has delivered yet (listings new since the "
        + "watch's earlier checks, newest first, with the watches each matched), and the sites that have been failing or "
        + "silent in recent checks. Reading does not mark them delivered.")]
    public async Task<AlertsResult> RecentAlertsAsync(
        [Description("The most alerts to return (1-100, default 20).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var wanted = limit ?? 20;
        if (wanted is < 1 or > SearchTools.MaxLimit)
        {
            throw new McpException($"limit {wanted.ToString(CultureInfo.InvariantCulture)} is outside 1-{SearchTools.MaxLimit}.");
        }

        var store = await stores.GetAsync(cancellationToken);

        // The store has no read-only listing of its outbox. A claim with a zero lease holds nothing (claimed_until stays
        // empty), so it reads the pending alerts without taking them from the channels that deliver them.
        var pending = await Guard(() => store.ClaimPendingAlertsAsync(OutboxWindow, TimeSpan.Zero, cancellationToken));
        var health = await Guard(() => store.ListSiteHealthAsync(1, cancellationToken));
        var now = time.GetUtcNow();
        var mine = pending.Where(a => a.Subscriber == settings.Subscriber).OrderByDescending(a => a.FirstSeen).ToList();
        return new AlertsResult(
            settings.Subscriber,
            mine.Count,
            [.. mine.Take(wanted).Select(a => new AlertResult(
                a.Id.ToString(),
                a.FirstSeen.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                [.. a.Watches.Select(w => w.Name)],
                ResultMapper.Listing(a.Listing, now)))],
            [.. health.Select(h => $"{h.Provider}: {(h.Kind == WatchHealthKind.Failing ? "failing" : "silent (no listings)")} for {h.ConsecutiveCycles.ToString(CultureInfo.InvariantCulture)} checks since {h.Since.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}" + (h.LastMessage is { } m ? ": " + m : string.Empty))]);
    }

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (WatchStoreException e)
        {
            // The store's messages name the file and what is wrong with it; they hold no channel URIs.
            throw new McpException(e.Message, e);
        }
    }
}

/// <summary>Opens the store on first use, so a server that is only asked to search never creates a file.</summary>
internal sealed class WatchStoreAccess(ServerSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteWatchStore? _store;

    public async Task<WatchStore> GetAsync(CancellationToken cancellationToken)
    {
        if (_store is { } open)
        {
            return open;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_store is null)
            {
                if (Path.GetDirectoryName(settings.StorePath) is { Length: > 0 } folder)
                {
                    Directory.CreateDirectory(folder);
                }

                _store = await SqliteWatchStore.OpenAsync(settings.StorePath, cancellationToken);
            }

            return _store;
        }
        catch (WatchStoreException e)
        {
            throw new McpException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new McpException($"The watch store '{settings.StorePath}' cannot be created: {e.Message}", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _gate.Dispose();
    }
}

[Description("A watch: a saved search checked every so often.")]
internal sealed record WatchResult(
    string Id,
    string Name,
    [property: Description("The query, in the one-line form.")] string Query,
    [property: Description("The query in plain English.")] string Meaning,
    [property: Description("How often it is checked, e.g. '15 minutes'.")] string Every,
    bool Paused,
    string? Created,
    [property: Description("When a check last completed; absent when never checked.")] string? LastChecked,
    [property: Description("False until the first check has recorded what was already listed (that check alerts nothing).")] bool HasBaseline,
    [property: Description("How many delivery channels it has (their addresses are never shown).")] int Channels)
{
    public static WatchResult From(GigWatch w) => new(
        w.Id.ToString(),
        w.Name,
        w.Query.ToString(),
        QueryMeaning.Describe(w.Query),
        QueryMeaning.Span(w.Every),
        w.Paused,
        w.Created?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        w.LastChecked?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        w.HasBaseline,
        w.Notify.Count);
}

internal sealed record WatchListResult(string Subscriber, IReadOnlyList<WatchResult> Watches);

internal sealed record RemovedResult(bool Removed, string Id, string Name);

[Description("Alerts waiting for the user, and sites in trouble.")]
internal sealed record AlertsResult(
    string Subscriber,
    [property: Description("How many alerts are waiting in all.")] int Pending,
    IReadOnlyList<AlertResult> Alerts,
    [property: Description("Sites failing or silent in recent checks, in words.")] IReadOnlyList<string> SiteHealth);

internal sealed record AlertResult(
    string Id,
    [property: Description("When the listing was first seen.")] string FirstSeen,
    [property: Description("The names of the watches it matched.")] IReadOnlyList<string> Watches,
    ListingResult Listing);

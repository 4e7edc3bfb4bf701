using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static FreelanceAggregator.Watch.Tests.Listings;

namespace FreelanceAggregator.Watch.PostgreSql.Tests;

/// <summary>
/// The moments two nodes race on one listing, made to happen on purpose: another session has inserted the listing's
/// key and not committed yet, the store's cycle waits on it, then finds the winner's listing instead of a second one.
/// </summary>
public sealed class RaceTests(PostgreSqlServer server) : IAsyncLifetime
{
    private readonly PostgreSqlTestStores _stores = new(server);
    private PostgreSqlWatchStore? _store;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PostgreSqlWatchStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        await _stores.InitializeAsync(Token);
        _store = await PostgreSqlWatchStore.OpenAsync(_stores.ConnectionString, new PostgreSqlWatchStoreOptions { TimeProvider = new FakeTimeProvider(Start) }, Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await _stores.DisposeAsync();
    }

    [Fact]
    public async Task ANodeThatLosesTheListingsKeyRecordsTheWinnersListingAndStillAlertsItsSubscriber()
    {
        var watch = await AddLiveAsync(NewWatch("logos"));

        // The other node recorded the listing (for none of its watches) and has not committed yet.
        await using var other = await OtherNodeAsync();
        await using var transaction = await other.BeginTransactionAsync(Token);
        var winner = await InsertListingAsync(other, transaction, ("upwork", "1"), ("", "upwork.com/jobs/1"));

        var cycle = Task.Run(() => Store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token), Token);
        await WaitUntilBlockedAsync(cycle);
        await transaction.CommitAsync(Token);
        var result = await cycle;

        Assert.Equal((0, 1), (result.NewListings, result.KnownListings));
        var alert = Assert.Single(result.Alerts);
        Assert.Equal("1", alert.Listing.Id);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM freelance_watch.listing"));
        Assert.Equal(winner, await ScalarAsync("SELECT listing_id FROM freelance_watch.seen"));
    }

    [Fact]
    public async Task ANodeThatLosesOnlyThePagesKeyMakesItsIdASecondNameOfTheWinnersListing()
    {
        var watch = await AddLiveAsync(NewWatch("logos"));

        // The other node found the same page under another id (the site renumbered it) and has not committed yet.
        await using var other = await OtherNodeAsync();
        await using var transaction = await other.BeginTransactionAsync(Token);
        var winner = await InsertListingAsync(other, transaction, ("upwork", "~01abc"), ("", "upwork.com/jobs/1"));

        var cycle = Task.Run(() => Store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token), Token);
        await WaitUntilBlockedAsync(cycle);
        await transaction.CommitAsync(Token);
        var result = await cycle;

        Assert.Equal((0, 1), (result.NewListings, result.KnownListings));
        Assert.Single(result.Alerts);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM freelance_watch.listing"));
        Assert.Equal(winner, await ScalarAsync("SELECT listing_id FROM freelance_watch.listing_key WHERE scope = 'upwork' AND value = '1'"));
        Assert.Empty((await Store.RecordCycleAsync(Cycle(Start.AddHours(2), Match(Gig("~01abc", url: "https://www.upwork.com/jobs/elsewhere"), watch)), Token)).Alerts);
    }

    [Fact]
    public async Task ANodeThatLosesASeenRowToAnotherNodesAlertDoesNotAlertAgain()
    {
        var watch = await AddLiveAsync(NewWatch("logos"));
        var second = await PostgreSqlWatchStore.OpenAsync(_stores.ConnectionString, new PostgreSqlWatchStoreOptions { TimeProvider = new FakeTimeProvider(Start) }, Token);
        await using var secondLifetime = second;

        // The listing is known to the site already; the subscriber has not been told.
        await Store.RecordCycleAsync(Cycle(Start.AddMinutes(30), new ListingMatch(Gig("1"), [])), Token);

        // The other node is telling alice right now, in a transaction it has not committed.
        await using var other = await OtherNodeAsync();
        await using var transaction = await other.BeginTransactionAsync(Token);
        await using (var seen = new NpgsqlCommand("INSERT INTO seen (subscriber_id, listing_id, first_seen) SELECT s.id, l.id, now() FROM subscriber s, listing l", other, transaction))
        {
            Assert.Equal(1, await seen.ExecuteNonQueryAsync(Token));
        }

        var cycle = Task.Run(() => second.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token), Token);
        await WaitUntilBlockedAsync(cycle);
        await transaction.CommitAsync(Token);

        Assert.Empty((await cycle).Alerts);
    }

    private async Task<GigWatch> AddLiveAsync(GigWatch watch)
    {
        await Store.AddWatchAsync(watch, Token);
        await Store.RecordCycleAsync(new WatchCycle { CheckedAt = Start, CheckedWatches = [watch.Id] }, Token);
        return (await Store.GetWatchAsync(watch.Id, Token))!;
    }

    private async Task<NpgsqlConnection> OtherNodeAsync()
    {
        var connection = new NpgsqlConnection(_stores.ConnectionString + ";Pooling=false;Search Path=freelance_watch");
        await connection.OpenAsync(Token);
        return connection;
    }

    private static async Task<long> InsertListingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, params (string Scope, string Value)[] keys)
    {
        await using var listing = new NpgsqlCommand("INSERT INTO listing (marketplace, site_id, url, title, first_seen) VALUES ('upwork', 'x', 'https://www.upwork.com/jobs/1', 'Logo design for a cafe', now()) RETURNING id", connection, transaction);
        var id = (long)(await listing.ExecuteScalarAsync(Token))!;
        foreach (var (scope, value) in keys)
        {
            await using var key = new NpgsqlCommand("INSERT INTO listing_key (scope, value, listing_id) VALUES ($1, $2, $3)", connection, transaction);
            key.Parameters.Add(new() { Value = scope });
            key.Parameters.Add(new() { Value = value });
            key.Parameters.Add(new() { Value = id });
            await key.ExecuteNonQueryAsync(Token);
        }

        return id;
    }

    // The cycle must be waiting on the other session's row lock, not merely not started yet.
    private async Task WaitUntilBlockedAsync(Task cycle)
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.False(cycle.IsCompleted, "The cycle finished without waiting for the other node's uncommitted key.");
            if (await ScalarAsync($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{_stores.Database}' AND wait_event_type = 'Lock'") is > 0L)
            {
                return;
            }

            await Task.Delay(50, Token);
        }

        Assert.Fail("The cycle never waited on the other node's uncommitted key.");
    }

    private Task<object?> ScalarAsync(string sql) => server.ScalarAsync(_stores.Database, sql, Token);
}

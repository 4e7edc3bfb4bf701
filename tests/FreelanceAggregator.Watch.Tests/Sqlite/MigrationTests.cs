using Microsoft.Data.Sqlite;
using static FreelanceAggregator.Watch.Tests.Listings;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>Schema versions: a file written by an older version is brought up to date when opened, with its data, or not at all.</summary>
public sealed class MigrationTests : SqliteStoreTest
{
    private static readonly SqliteMigration Version2 = new(
        2,
        "a note per watch",
        "ALTER TABLE watch ADD COLUMN note TEXT; UPDATE watch SET note = 'from v1: ' || name;");

    [Fact]
    public async Task ANewFileGetsEveryStepAndIsMarkedAsAWatchStore()
    {
        var store = await OpenAsync();

        Assert.Equal(SqliteWatchStore.CurrentSchemaVersion, store.SchemaVersion);
        Assert.Equal(SqliteWatchStore.CurrentSchemaVersion, await PragmaAsync("user_version"));
        Assert.Equal(0x46414757, await PragmaAsync("application_id"));
        Assert.Equal("wal", await PragmaTextAsync("journal_mode"));
    }

    [Fact]
    public async Task AnOlderFileIsMigratedWithItsDataWhenANewerVersionOpensIt()
    {
        var watch = NewWatch("logos");
        await using (var v1 = await OpenWithAsync(SqliteSchema.Migrations))
        {
            watch = await AddLiveAsync(v1, watch);
            Assert.Single((await v1.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token)).Alerts);
        }

        var v2 = await OpenWithAsync([.. SqliteSchema.Migrations, Version2]);

        Assert.Equal(2, v2.SchemaVersion);
        Assert.Equal(2, await PragmaAsync("user_version"));
        Assert.Equal("from v1: logos", await ScalarAsync("SELECT note FROM watch"));
        var read = await v2.GetWatchAsync(watch.Id, Token);
        Assert.Equal((watch.Name, watch.Query, true, Start.AddHours(1)), (read!.Name, read.Query, read.HasBaseline, read.LastChecked));
        Assert.Empty((await v2.RecordCycleAsync(Cycle(Start.AddHours(2), Match(Gig("1"), watch)), Token)).Alerts);
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("1", Assert.Single(await v2.ClaimPendingAlertsAsync(10, TimeSpan.Zero, Token)).Listing.Id);
    }

    [Fact]
    public async Task AMigrationStepThatFailsLeavesTheFileAsItWas()
    {
        await using (var v1 = await OpenWithAsync(SqliteSchema.Migrations))
        {
            await v1.AddWatchAsync(NewWatch("logos"), Token);
        }

        SqliteMigration broken = new(2, "a step that fails halfway", "ALTER TABLE watch ADD COLUMN note TEXT; INSERT INTO no_such_table VALUES (1);");
        var e = await Assert.ThrowsAsync<WatchStoreException>(() => OpenWithAsync([.. SqliteSchema.Migrations, broken]));
        Assert.Contains(FilePath, e.Message, StringComparison.Ordinal);

        Assert.Equal(1, await PragmaAsync("user_version"));
        var again = await OpenWithAsync(SqliteSchema.Migrations);
        Assert.Equal("logos", Assert.Single(await again.ListWatchesAsync(cancellationToken: Token)).Name);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM pragma_table_info('watch') WHERE name = 'note'"));
    }

    [Fact]
    public async Task AFileAlreadyAtTheCurrentVersionIsOpenedWithoutRunningAnyStep()
    {
        await using (var store = await OpenAsync())
        {
            await store.AddWatchAsync(NewWatch("logos"), Token);
        }

        SqliteMigration wouldFail = new(1, "must not run again", "CREATE TABLE watch (id TEXT);");
        var again = await OpenWithAsync([wouldFail]);

        Assert.Equal(1, again.SchemaVersion);
        Assert.Single(await again.ListWatchesAsync(cancellationToken: Token));
    }

    private async Task<SqliteWatchStore> OpenWithAsync(IReadOnlyList<SqliteMigration> migrations) =>
        Track(await SqliteWatchStore.OpenAsync(FilePath, new SqliteWatchStoreOptions { TimeProvider = Clock }, migrations, Token));

    private async Task<long> PragmaAsync(string name) => (long)(await ScalarAsync($"PRAGMA {name}"))!;

    private async Task<string> PragmaTextAsync(string name) => (string)(await ScalarAsync($"PRAGMA {name}"))!;

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(Token);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Token);
    }
}

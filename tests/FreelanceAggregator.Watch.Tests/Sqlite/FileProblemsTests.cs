using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using static FreelanceAggregator.Watch.Tests.Listings;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>Files that cannot be a store, or cannot be written: each is a clear error that names the file, and nothing is lost.</summary>
public sealed class FileProblemsTests : SqliteStoreTest
{
    [Fact]
    public async Task AFileThatIsNotADatabaseIsRefusedAndLeftAlone()
    {
        var bytes = "{\"watches\": []}\n"u8.ToArray().Concat(new byte[8192]).ToArray();
        await File.WriteAllBytesAsync(FilePath, bytes, Token);

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => OpenAsync());

        Assert.Equal(WatchStoreError.Unreadable, e.Error);
        Assert.Equal(FilePath, e.Location);
        Assert.Contains(FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("not an SQLite database or is damaged", e.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(FilePath, Token));
    }

    [Fact]
    public async Task AStoreWhoseHeaderWasOverwrittenIsUnreadable()
    {
        await using (var store = await OpenAsync())
        {
            await store.AddWatchAsync(NewWatch("logos"), Token);
        }

        await using (var file = new FileStream(FilePath, FileMode.Open, FileAccess.Write))
        {
            await file.WriteAsync(new byte[100], Token);
        }

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => OpenAsync());
        Assert.Equal(WatchStoreError.Unreadable, e.Error);
        Assert.Contains(FilePath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreDamagedInsideIsReportedAsUnreadableWhenTheDamageIsReached()
    {
        await using (var store = await OpenAsync())
        {
            var watch = await AddLiveAsync(store, NewWatch("logos"));
            await store.RecordCycleAsync(Cycle(Start.AddHours(1), Enumerable.Range(0, 2000).Select(i => Match(Gig(i.ToString(), "Logo " + new string('x', 200)), watch)).ToArray()), Token);
        }

        // Scribble over every page after the first two, as a bad disk or a half-copied file would.
        var bytes = await File.ReadAllBytesAsync(FilePath, Token);
        for (var i = 8192; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        await File.WriteAllBytesAsync(FilePath, bytes, Token);

        var e = await Assert.ThrowsAsync<WatchStoreException>(async () =>
        {
            var store = await OpenAsync();
            await store.RecordCycleAsync(Cycle(Start.AddHours(2), Match(Gig("new"))), Token);
            await store.ListWatchesAsync(cancellationToken: Token);
        });
        Assert.Equal(WatchStoreError.Unreadable, e.Error);
        Assert.Contains(FilePath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherApplicationsDatabaseIsRefusedAndLeftAlone()
    {
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Token);
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total TEXT); INSERT INTO invoices (total) VALUES ('12.50')";
            await command.ExecuteNonQueryAsync(Token);
        }

        var before = await File.ReadAllBytesAsync(FilePath, Token);

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => OpenAsync());

        Assert.Equal(WatchStoreError.NotAWatchStore, e.Error);
        Assert.Contains(FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("invoices", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(FilePath, Token));
    }

    [Fact]
    public async Task AStoreWrittenByANewerVersionIsRefusedAndLeftAlone()
    {
        await using (var store = await OpenAsync())
        {
            await store.AddWatchAsync(NewWatch("logos"), Token);
        }

        await SetUserVersionAsync(FilePath, SqliteWatchStore.CurrentSchemaVersion + 1);
        var before = await File.ReadAllBytesAsync(FilePath, Token);

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => OpenAsync());

        Assert.Equal(WatchStoreError.NewerSchema, e.Error);
        Assert.Contains(FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {SqliteWatchStore.CurrentSchemaVersion + 1}", e.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade the FreelanceAggregator.Watch package", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(FilePath, Token));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task AReadOnlyFileIsAClearErrorAtOpen()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        await using (var store = await OpenAsync())
        {
            await store.AddWatchAsync(NewWatch("logos"), Token);
        }

        File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => OpenAsync());

        Assert.Equal(WatchStoreError.ReadOnly, e.Error);
        Assert.Contains(FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("writable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFullDiskFailsTheWholeCycleAndTheNextAttemptRecordsIt()
    {
        await using (var store = await OpenAsync())
        {
            await AddLiveAsync(store, NewWatch("logos"));
        }

        var watch = NewWatch("logos");
        var cycle = default(WatchCycle);
        await using (var small = Track(await SqliteWatchStore.OpenAsync(FilePath, new SqliteWatchStoreOptions { TimeProvider = Clock, MaxPageCount = 40 }, Token)))
        {
            watch = (await small.GetWatchAsync("alice", "logos", Token))!;
            cycle = Cycle(Start.AddHours(1), Enumerable.Range(0, 3000).Select(i => Match(Gig(i.ToString(), "Logo " + new string('x', 100)), watch)).ToArray());

            var e = await Assert.ThrowsAsync<WatchStoreException>(() => small.RecordCycleAsync(cycle, Token));

            Assert.Equal(WatchStoreError.Full, e.Error);
            Assert.Contains(FilePath, e.Message, StringComparison.Ordinal);
            Assert.Contains("nothing of it was recorded", e.Message, StringComparison.Ordinal);
            Assert.Contains("database or disk is full", e.Message, StringComparison.Ordinal);
            Assert.Equal([false], await small.AreRecordedAsync([ListingKey.For(Gig("0"))], cancellationToken: Token));
        }

        var roomy = await OpenAsync();
        Assert.Equal(3000, (await roomy.RecordCycleAsync(cycle, Token)).Alerts.Count);
    }

    [Fact]
    public async Task AMissingFolderIsAClearErrorAndCreatesNothing()
    {
        var path = Path.Combine(Folder.Path, "no-such-folder", "watch.db");

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => OpenAsync(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ANewStoreFileIsReadableByItsOwnerOnlyBecauseItHoldsChannelTokens()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        var store = await OpenAsync();
        await store.AddWatchAsync(NewWatch("logos", "logo", "alice", "tgram://SECRET-BOT-TOKEN@telegram/1"), Token);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath + "-wal"));
    }

    [Fact]
    public async Task AnEmptyFileBecomesANewStore()
    {
        await File.WriteAllBytesAsync(FilePath, [], Token);

        var store = await OpenAsync();

        Assert.Equal(SqliteWatchStore.CurrentSchemaVersion, store.SchemaVersion);
        await store.AddWatchAsync(NewWatch("logos"), Token);
    }

    internal static async Task SetUserVersionAsync(string path, int version)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version}";
        await command.ExecuteNonQueryAsync();
    }
}

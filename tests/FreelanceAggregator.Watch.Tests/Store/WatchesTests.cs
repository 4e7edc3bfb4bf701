using static FreelanceAggregator.Watch.Tests.Listings;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>Adding, finding, changing and removing watches in a real store, and what survives a restart.</summary>
public abstract class WatchesTests(TestStores stores) : StoreTest(stores)
{
    [Fact]
    public async Task AWatchReadsBackAsItWasAddedAfterARestart()
    {
        var watch = NewWatch("logos", "logo design -wordpress budget:>=500000IDR site:fiverr,upwork kind:job", "alice", "ntfy://alice:SECRET-TOKEN@ntfy.sh/logos", "https://hooks.example.com/x?key=abc") with
        {
            Every = TimeSpan.FromMinutes(30),
        };
        await using (var store = await OpenAsync())
        {
            var added = await store.AddWatchAsync(watch, Token);
            Assert.Equal(Start, added.Created);
            Assert.False(added.HasBaseline);
            Assert.Null(added.LastChecked);
        }

        var reopened = await OpenAsync();
        var read = await reopened.GetWatchAsync(watch.Id, Token);
        Assert.NotNull(read);
        Assert.Equal(watch with { Created = Start }, read);
        Assert.Equal(watch.Query, read.Query);
        Assert.Equal(["ntfy://alice:SECRET-TOKEN@ntfy.sh/logos", "https://hooks.example.com/x?key=abc"], read.Notify.Select(u => u.OriginalString));
        Assert.Equal(read, await reopened.GetWatchAsync("alice", "logos", Token));
    }

    [Fact]
    public async Task WatchesAreListedBySubscriberAndName()
    {
        var store = await OpenAsync();
        await store.AddWatchAsync(NewWatch("react", "react", "bob"), Token);
        await store.AddWatchAsync(NewWatch("wordpress", "wordpress", "alice"), Token);
        await store.AddWatchAsync(NewWatch("logos", "logo", "alice"), Token);

        Assert.Equal(["alice/logos", "alice/wordpress", "bob/react"], (await store.ListWatchesAsync(cancellationToken: Token)).Select(w => $"{w.Subscriber}/{w.Name}"));
        Assert.Equal(["logos", "wordpress"], (await store.ListWatchesAsync("alice", Token)).Select(w => w.Name));
        Assert.Empty(await store.ListWatchesAsync("carol", Token));
    }

    [Fact]
    public async Task ASecondWatchWithTheSameNameForOneSubscriberIsAConflictThatShowsNoChannel()
    {
        var store = await OpenAsync();
        await store.AddWatchAsync(NewWatch("logos", "logo", "alice", "tgram://SECRET-BOT-TOKEN@telegram/1"), Token);
        await store.AddWatchAsync(NewWatch("logos", "logo", "bob"), Token);

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => store.AddWatchAsync(NewWatch("logos", "react", "alice", "tgram://SECRET-BOT-TOKEN@telegram/2"), Token));

        Assert.Equal(WatchStoreError.Conflict, e.Error);
        Assert.Contains("'logos'", e.Message, StringComparison.Ordinal);
        Assert.Contains(Location, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", e.ToString(), StringComparison.Ordinal);
        Assert.Single(await store.ListWatchesAsync("alice", Token));
    }

    [Fact]
    public async Task AddingAWatchWhoseIdIsTakenIsAConflict()
    {
        var store = await OpenAsync();
        var watch = await store.AddWatchAsync(NewWatch("logos"), Token);

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => store.AddWatchAsync(watch with { Name = "other" }, Token));

        Assert.Equal(WatchStoreError.Conflict, e.Error);
        Assert.Equal("logos", Assert.Single(await store.ListWatchesAsync(cancellationToken: Token)).Name);
    }

    [Fact]
    public async Task UpdatingTheIntervalKeepsTheBaselineButANewQueryStartsOver()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        Assert.True(watch.HasBaseline);

        var slower = await store.UpdateWatchAsync(watch with { Every = TimeSpan.FromHours(1), Name = "logo jobs" }, Token);
        Assert.NotNull(slower);
        Assert.True(slower.HasBaseline);
        Assert.Equal(TimeSpan.FromHours(1), slower.Every);
        Assert.Equal("logo jobs", slower.Name);
        Assert.Equal(Start, slower.LastChecked);

        var other = await store.UpdateWatchAsync(slower with { Query = GigQuery.Parse("react") }, Token);
        Assert.NotNull(other);
        Assert.False(other.HasBaseline);
        Assert.Null(other.LastChecked);
        Assert.True(other.IsDue(Start));
    }

    [Fact]
    public async Task UpdatingOrPausingAWatchThatIsNotThereReturnsNull()
    {
        var store = await OpenAsync();

        Assert.Null(await store.UpdateWatchAsync(NewWatch("ghost"), Token));
        Assert.Null(await store.PauseWatchAsync(Guid.NewGuid(), Token));
        Assert.False(await store.RemoveWatchAsync(Guid.NewGuid(), Token));
        Assert.Empty(await store.ListWatchesAsync(cancellationToken: Token));
    }

    [Fact]
    public async Task RenamingOntoAnotherWatchsNameIsAConflict()
    {
        var store = await OpenAsync();
        await store.AddWatchAsync(NewWatch("logos"), Token);
        var react = await store.AddWatchAsync(NewWatch("react", "react"), Token);

        var e = await Assert.ThrowsAsync<WatchStoreException>(() => store.UpdateWatchAsync(react with { Name = "logos" }, Token));

        Assert.Equal(WatchStoreError.Conflict, e.Error);
        Assert.Equal("react", (await store.GetWatchAsync(react.Id, Token))!.Name);
    }

    [Fact]
    public async Task PauseAndResumeAreStoredAndAPausedWatchIsNeverDue()
    {
        var store = await OpenAsync();
        var watch = await store.AddWatchAsync(NewWatch("logos"), Token);

        var paused = await store.PauseWatchAsync(watch.Id, Token);
        Assert.True(paused!.Paused);
        Assert.False(paused.IsDue(Start.AddDays(1)));
        var elsewhere = await OpenAsync();
        Assert.True((await elsewhere.GetWatchAsync(watch.Id, Token))!.Paused);

        var resumed = await store.ResumeWatchAsync(watch.Id, Token);
        Assert.False(resumed!.Paused);
        Assert.True(resumed.IsDue(Start));
    }

    [Fact]
    public async Task RemovingAWatchKeepsWhatItRecordedSoItsListingsAreNotNewAgain()
    {
        var store = await OpenAsync();
        var old = await AddLiveAsync(store, NewWatch("logos"));
        var gig = Gig("1");
        Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(gig, old)), Token)).Alerts);

        Assert.True(await store.RemoveWatchAsync(old.Id, Token));
        Assert.Null(await store.GetWatchAsync(old.Id, Token));
        var again = await AddLiveAsync(store, NewWatch("logos again"), Start.AddHours(2));
        var result = await store.RecordCycleAsync(Cycle(Start.AddHours(3), Match(gig, again)), Token);

        Assert.Empty(result.Alerts);
        Assert.Equal(1, result.KnownListings);
    }

    [Fact]
    public async Task AQueryThatDoesNotReadBackFromItsTextIsRefusedBeforeAnythingIsStored()
    {
        var store = await OpenAsync();

        // A keyword with a quote in it is written without the quote, so it would come back as another query.
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.AddWatchAsync(NewWatch("odd") with { Query = new GigQuery { Keywords = ["say \"hi\" now"] } }, Token));

        Assert.Contains("does not read back", e.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListWatchesAsync(cancellationToken: Token));
    }
}

using FreelanceAggregator;
using FreelanceAggregator.Watch;

namespace GigMcp.Tests;

/// <summary>The watch tools on a real SQLite store in a temporary folder (the fixture's server was started with <c>--store</c>).</summary>
public sealed class WatchToolsTests(OfflineServerFixture fixture)
{
    private GigMcpServer Server => fixture.Server;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddListAndRemoveAWatch()
    {
        var added = await Server.CallOkAsync("add_watch", new()
        {
            ["name"] = "logo jobs over 1 juta",
            ["query"] = "logo design budget:>=1000000IDR kind:job",
            ["everyMinutes"] = 30,
        });

        Assert.Equal("logo jobs over 1 juta", added.GetProperty("name").GetString());
        Assert.Equal("logo design budget:>=1000000IDR kind:job", added.GetProperty("query").GetString());
        Assert.Equal("30 minutes", added.GetProperty("every").GetString());
        Assert.False(added.GetProperty("hasBaseline").GetBoolean());
        var id = added.GetProperty("id").GetString()!;

        // The watch is in the store file, for the server's subscriber, as a watcher in another process would read it.
        await using (var store = await SqliteWatchStore.OpenAsync(fixture.StorePath, Token))
        {
            var stored = await store.GetWatchAsync(Guid.Parse(id), Token);
            Assert.NotNull(stored);
            Assert.Equal((OfflineServerFixture.Subscriber, TimeSpan.FromMinutes(30)), (stored.Subscriber, stored.Every));
            Assert.Equal(GigQuery.Parse("logo design budget:>=1000000IDR kind:job"), stored.Query);
        }

        var listed = await Server.CallOkAsync("list_watches");
        Assert.Equal(OfflineServerFixture.Subscriber, listed.GetProperty("subscriber").GetString());
        var watch = Assert.Single(listed.GetProperty("watches").EnumerateArray(), w => w.GetProperty("id").GetString() == id);
        Assert.StartsWith("Jobs mentioning \"logo\" and \"design\", on every site, paying at least IDR 1,000,000.", watch.GetProperty("meaning").GetString(), StringComparison.Ordinal);

        var duplicate = await Server.CallAsync("add_watch", new() { ["name"] = "logo jobs over 1 juta", ["query"] = "logo" });
        Assert.True(duplicate.IsError);
        Assert.Contains("already a watch named 'logo jobs over 1 juta'", GigMcpServer.Text(duplicate), StringComparison.Ordinal);

        var removed = await Server.CallOkAsync("remove_watch", new() { ["watch"] = "logo jobs over 1 juta" });
        Assert.True(removed.GetProperty("removed").GetBoolean());
        Assert.Equal(id, removed.GetProperty("id").GetString());
        Assert.DoesNotContain((await Server.CallOkAsync("list_watches")).GetProperty("watches").EnumerateArray(), w => w.GetProperty("id").GetString() == id);

        var again = await Server.CallAsync("remove_watch", new() { ["watch"] = id });
        Assert.True(again.IsError);
        Assert.Contains($"There is no watch '{id}'", GigMcpServer.Text(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWatchRefusesABadQueryOrInterval()
    {
        var badQuery = await Server.CallAsync("add_watch", new() { ["name"] = "broken", ["query"] = "logo type:monthly" });
        Assert.True(badQuery.IsError);
        Assert.Contains("Cannot read 'type:monthly': expected type:fixed or type:hourly", GigMcpServer.Text(badQuery), StringComparison.Ordinal);

        var tooOften = await Server.CallAsync("add_watch", new() { ["name"] = "eager", ["query"] = "logo", ["everyMinutes"] = 0 });
        Assert.True(tooOften.IsError);
        Assert.Contains("at most once a minute", GigMcpServer.Text(tooOften), StringComparison.Ordinal);

        Assert.DoesNotContain(
            (await Server.CallOkAsync("list_watches")).GetProperty("watches").EnumerateArray(),
            w => w.GetProperty("name").GetString() is "broken" or "eager");
    }

    [Fact]
    public async Task RecentAlertsShowsWhatAWatcherRecorded()
    {
        var id = Guid.Parse((await Server.CallOkAsync("add_watch", new() { ["name"] = "cafe logos", ["query"] = "logo cafe" }))
            .GetProperty("id").GetString()!);

        // What a watcher does: a first check that records a baseline, then a check that finds a new listing.
        await using (var store = await SqliteWatchStore.OpenAsync(fixture.StorePath, Token))
        {
            var at = DateTimeOffset.UtcNow;
            await store.RecordCycleAsync(new WatchCycle { CheckedAt = at, CheckedWatches = [id] }, Token);
            var listing = new Gig
            {
                Provider = "freelancer",
                Id = "40990001",
                Title = "Logo for a small cafe in Bandung",
                Url = new Uri("https://www.freelancer.com/projects/logo-design/logo-small-cafe-bandung"),
                Budget = Budget.Fixed(new Money(1_500_000m, Currency.IDR), new Money(3_000_000m, Currency.IDR)),
                PostedAt = at.AddMinutes(-20),
                Proposals = 3,
            };
            var result = await store.RecordCycleAsync(
                new WatchCycle
                {
                    CheckedAt = at.AddMinutes(15),
                    CheckedWatches = [id],
                    Listings = [new ListingMatch(listing, [id])],
                    Sites = [SiteCheck.Answered("freelancer", 1), SiteCheck.Failed("fiverr", "Fiverr answered with a bot-protection page (PerimeterX).")],

                    // Nothing holds the alert for delivery: it waits in the outbox, where recent_alerts reads it.
                    AlertLease = TimeSpan.Zero,
                },
                Token);
            Assert.Single(result.Alerts);
        }

        var alerts = await Server.CallOkAsync("recent_alerts");
        var alert = Assert.Single(alerts.GetProperty("alerts").EnumerateArray());
        Assert.Equal(["cafe logos"], alert.GetProperty("watches").EnumerateArray().Select(w => w.GetString()));
        var listed = alert.GetProperty("listing");
        Assert.Equal("Logo for a small cafe in Bandung", listed.GetProperty("title").GetString());
        Assert.Equal("IDR 1,500,000–3,000,000 fixed", listed.GetProperty("budget").GetProperty("text").GetString());
        Assert.Equal(3, listed.GetProperty("proposals").GetInt32());
        Assert.StartsWith("fiverr: failing for 1 checks since ", Assert.Single(alerts.GetProperty("siteHealth").EnumerateArray()).GetString(), StringComparison.Ordinal);

        // Reading is not delivering: the alert is still pending for the channels.
        Assert.Equal(1, (await Server.CallOkAsync("recent_alerts")).GetProperty("pending").GetInt32());
    }
}

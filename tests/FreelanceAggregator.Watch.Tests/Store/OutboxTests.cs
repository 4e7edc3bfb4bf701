using static FreelanceAggregator.Watch.Tests.Listings;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>The alert outbox: an alert is recorded before it is handed out, and handed out again until acknowledged.</summary>
public abstract class OutboxTests(TestStores stores) : StoreTest(stores)
{
    [Fact]
    public async Task ARestartBeforeTheAlertIsAcknowledgedHandsItOutAgainWithTheWholeListing()
    {
        var listing = new Gig
        {
            Provider = "fiverr",
            Id = "logo-pro-42",
            Kind = GigKind.Service,
            Title = "I will design a minimalist logo",
            Url = new Uri("https://www.fiverr.com/studio/design-a-minimalist-logo"),
            Description = "Three concepts, unlimited revisions.",
            Budget = Budget.Fixed(new Money(25m, Currency.USD)),
            ConvertedBudget = new ConvertedBudget(new Money(360_000m, Currency.IDR), null, BudgetType.Fixed, new ExchangeRate(Currency.USD, Currency.IDR, 14_400m, new DateOnly(2026, 11, 30), "fixed")),
            Skills = ["Logo Design", "Branding"],
            PostedAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7)),
            Seller = new GigSeller { Name = "Studio", Level = "Level 2", Rating = 4.9m, Reviews = 321, Country = "ID" },
            Extra = new Dictionary<string, object> { ["pro"] = true, ["deliveryDays"] = 3, ["promoted"] = false },
        };
        Guid alertId;
        await using (var store = await OpenAsync())
        {
            var watch = await AddLiveAsync(store, NewWatch("logos", "logo", "alice", "tgram://SECRET-BOT-TOKEN@telegram/1"));
            var result = await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(listing, watch)), Token);
            alertId = Assert.Single(result.Alerts).Id;

            // The process dies here: the alert was handed to a channel, or not, but never acknowledged.
        }

        var restarted = await OpenAsync();

        // Still held by the process that died, until its lease runs out; then it comes back, once.
        Assert.Empty(await restarted.ClaimPendingAlertsAsync(10, TimeSpan.FromMinutes(1), Token));
        Clock.SetUtcNow(Start.AddHours(1) + WatchCycle.DefaultAlertLease + TimeSpan.FromSeconds(1));
        var again = Assert.Single(await restarted.ClaimPendingAlertsAsync(10, TimeSpan.FromMinutes(1), Token));
        Assert.Empty(await restarted.ClaimPendingAlertsAsync(10, TimeSpan.FromMinutes(1), Token));

        Assert.Equal(alertId, again.Id);
        Assert.Equal("alice", again.Subscriber);
        Assert.Equal(Start.AddHours(1), again.FirstSeen);
        Assert.Equal(["logos"], again.Watches.Select(w => w.Name));
        AssertSameListing(listing, again.Listing);

        Assert.Equal(1, await restarted.AcknowledgeAlertsAsync([again.Id], Token));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await restarted.ClaimPendingAlertsAsync(10, TimeSpan.FromMinutes(1), Token));
        Assert.Equal(0, await restarted.AcknowledgeAlertsAsync([again.Id], Token));
    }

    [Fact]
    public async Task AlertsAreClaimedOldestFirstUpToTheCountAsked()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        for (var i = 1; i <= 3; i++)
        {
            await store.RecordCycleAsync(Cycle(Start.AddHours(i), Match(Gig(i.ToString()), watch)) with { AlertLease = TimeSpan.Zero }, Token);
        }

        Assert.Equal(["1", "2"], (await store.ClaimPendingAlertsAsync(2, TimeSpan.FromMinutes(5), Token)).Select(a => a.Listing.Id));
        Assert.Equal(["3"], (await store.ClaimPendingAlertsAsync(2, TimeSpan.FromMinutes(5), Token)).Select(a => a.Listing.Id));
    }

    [Fact]
    public async Task AReleasedAlertComesBackAfterTheRetryDelay()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        var alert = Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token)).Alerts);

        // The channel answered "retry after 30 seconds".
        Assert.Equal(1, await store.ReleaseAlertsAsync([alert.Id], TimeSpan.FromSeconds(30), Token));
        Assert.Empty(await store.ClaimPendingAlertsAsync(10, TimeSpan.FromMinutes(1), Token));
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(alert.Id, Assert.Single(await store.ClaimPendingAlertsAsync(10, TimeSpan.FromMinutes(1), Token)).Id);
    }

    [Fact]
    public async Task AnAcknowledgedAlertCannotBeReleasedBackIntoTheOutbox()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        var alert = Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token)).Alerts);
        await store.AcknowledgeAlertsAsync([alert.Id], Token);

        Assert.Equal(0, await store.ReleaseAlertsAsync([alert.Id], TimeSpan.Zero, Token));
        Assert.Empty(await store.ClaimPendingAlertsAsync(10, TimeSpan.FromMinutes(1), Token));
    }

    [Fact]
    public async Task ASiteFailingForSeveralCyclesIsReportedUntilItAnswersAgain()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.RecordCycleAsync(new WatchCycle { CheckedAt = Start.AddMinutes(15 * i), Sites = [SiteCheck.Failed("fiverr", "Blocked by PerimeterX"), SiteCheck.Answered("upwork", 20)] }, Token);
        }

        var failing = Assert.Single(await store.ListSiteHealthAsync(3, Token));
        Assert.Equal(("fiverr", WatchHealthKind.Failing, 3), (failing.Provider, failing.Kind, failing.ConsecutiveCycles));
        Assert.Equal(Start, failing.Since);
        Assert.Equal(Start.AddMinutes(30), failing.LastChecked);
        Assert.Equal("Blocked by PerimeterX", failing.LastMessage);
        Assert.Empty(await store.ListSiteHealthAsync(4, Token));

        // Answering with nothing is another kind of trouble, counted from one again.
        var silent = await store.RecordCycleAsync(new WatchCycle { CheckedAt = Start.AddHours(1), Sites = [SiteCheck.Answered("fiverr", 0)] }, Token);
        Assert.Equal((WatchHealthKind.Silent, 1, Start.AddHours(1)), (silent.Health[0].Kind, silent.Health[0].ConsecutiveCycles, silent.Health[0].Since));

        var healthy = await store.RecordCycleAsync(new WatchCycle { CheckedAt = Start.AddHours(2), Sites = [SiteCheck.Answered("fiverr", 0), SiteCheck.Answered("fiverr", 12)] }, Token);
        Assert.Empty(healthy.Health);
        Assert.Empty(await store.ListSiteHealthAsync(cancellationToken: Token));
    }

    private static void AssertSameListing(Gig expected, Gig actual)
    {
        // Gig's own equality compares its lists by reference: compare those apart, and every other value through it.
        IReadOnlyList<string> skills = [];
        IReadOnlyDictionary<string, object> extra = new Dictionary<string, object>();
        Assert.Equal(expected with { Skills = skills, Extra = extra }, actual with { Skills = skills, Extra = extra });
        Assert.Equal(expected.Skills, actual.Skills);
        Assert.Equal(expected.Extra.OrderBy(p => p.Key), actual.Extra.OrderBy(p => p.Key));
        Assert.Equal(expected.ConvertedBudget, actual.ConvertedBudget);
        Assert.Equal(expected.Seller, actual.Seller);
        Assert.Equal(expected.PostedAt, actual.PostedAt);
        Assert.Equal(expected.PostedAt!.Value.Offset, actual.PostedAt!.Value.Offset);
    }
}

using static FreelanceAggregator.Watch.Tests.Listings;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>Recording check cycles: what is new to whom, baselines, one alert per subscriber per listing, listing identity and changes.</summary>
public abstract class RecordCycleTests(TestStores stores) : StoreTest(stores)
{
    [Fact]
    public async Task AWatchsFirstCheckRecordsABaselineAndAlertsNothingThenOnlyNewListingsAlert()
    {
        var store = await OpenAsync();
        var watch = await store.AddWatchAsync(NewWatch("logos"), Token);

        var first = await store.RecordCycleAsync(Cycle(Start, Match(Gig("1"), watch), Match(Gig("2"), watch)), Token);
        Assert.Empty(first.Alerts);
        Assert.Equal(2, first.NewListings);
        var baselined = await store.GetWatchAsync(watch.Id, Token);
        Assert.True(baselined!.HasBaseline);
        Assert.Equal(Start, baselined.LastChecked);

        var second = await store.RecordCycleAsync(Cycle(Start.AddMinutes(15), Match(Gig("1"), watch), Match(Gig("2"), watch), Match(Gig("3", "Logo for a bakery"), watch)), Token);
        var alert = Assert.Single(second.Alerts);
        Assert.Equal("3", alert.Listing.Id);
        Assert.Equal("Logo for a bakery", alert.Listing.Title);
        Assert.Equal("alice", alert.Subscriber);
        Assert.Equal(Start.AddMinutes(15), alert.FirstSeen);
        Assert.Equal([new WatchReference(watch.Id, "logos")], alert.Watches);
        Assert.Equal((1, 2), (second.NewListings, second.KnownListings));
    }

    [Fact]
    public async Task AfterARestartTheSameListingsAlertNothing()
    {
        GigWatch watch;
        await using (var store = await OpenAsync())
        {
            watch = await AddLiveAsync(store, NewWatch("logos"));
            Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token)).Alerts);
        }

        var restarted = await OpenAsync();
        var result = await restarted.RecordCycleAsync(Cycle(Start.AddHours(2), Match(Gig("1"), watch), Match(Gig("2"), watch)), Token);

        Assert.Equal(["2"], result.Alerts.Select(a => a.Listing.Id));
    }

    [Fact]
    public async Task TwoWatchesOfOneSubscriberMatchingOneListingGiveOneAlertNamingBoth()
    {
        var store = await OpenAsync();
        var logos = await AddLiveAsync(store, NewWatch("logos", "logo"));
        var cafes = await AddLiveAsync(store, NewWatch("cafes", "cafe"));
        var bobs = await AddLiveAsync(store, NewWatch("bob's logos", "logo", "bob"));

        var result = await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1", "Logo design for a cafe"), logos, cafes, bobs)), Token);

        Assert.Equal(2, result.Alerts.Count);
        var alice = Assert.Single(result.Alerts, a => a.Subscriber == "alice");
        Assert.Equal(["logos", "cafes"], alice.Watches.Select(w => w.Name));
        var bob = Assert.Single(result.Alerts, a => a.Subscriber == "bob");
        Assert.Equal(["bob's logos"], bob.Watches.Select(w => w.Name));
    }

    [Fact]
    public async Task OneListingFoundTwiceInACycleByDifferentWatchesIsStillOneAlertNamingBoth()
    {
        var store = await OpenAsync();
        var logos = await AddLiveAsync(store, NewWatch("logos", "logo"));
        var cafes = await AddLiveAsync(store, NewWatch("cafes", "cafe"));

        // Freelancer.com and Freelancer.co.id list the same project; each request found it for another watch.
        var com = Gig("3981", "Logo design for a cafe", "freelancer", "https://www.freelancer.com/projects/logo-design/cafe-logo");
        var id = Gig("3981", "Logo design for a cafe", "freelancer.co.id", "https://www.freelancer.co.id/projects/logo-design/cafe-logo");
        var result = await store.RecordCycleAsync(
            Cycle(Start.AddHours(1), new ListingMatch(com, [logos.Id], "freelancer"), new ListingMatch(id, [cafes.Id], "freelancer")) with { AlertLease = TimeSpan.Zero },
            Token);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(["logos", "cafes"], alert.Watches.Select(w => w.Name));
        Assert.Equal((1, 1), (result.NewListings, result.KnownListings));
        var claimed = Assert.Single(await store.ClaimPendingAlertsAsync(10, TimeSpan.FromMinutes(1), Token), a => a.Id == alert.Id);
        Assert.Equal(["logos", "cafes"], claimed.Watches.Select(w => w.Name));
    }

    [Fact]
    public async Task AProjectOnFreelancerComAndFreelancerCoIdIsOneListingAcrossCycles()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        var com = Gig("3981", "Logo", "freelancer", "https://www.freelancer.com/projects/logo-design/cafe-logo");
        var id = Gig("3981", "Logo", "freelancer.co.id", "https://www.freelancer.co.id/projects/logo-design/cafe-logo");

        Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(1), new ListingMatch(com, [watch.Id], "freelancer")), Token)).Alerts);
        var again = await store.RecordCycleAsync(Cycle(Start.AddHours(2), new ListingMatch(id, [watch.Id], "Freelancer")), Token);

        Assert.Empty(again.Alerts);
        Assert.Equal(1, again.KnownListings);
    }

    [Fact]
    public async Task TheSameProjectUnderTwoUrlsIsOneListing()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        var first = Gig("77", url: "https://www.upwork.com/jobs/~01abc/?utm_source=feed#apply");
        Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(first, watch)), Token)).Alerts);

        // Another id for the same page (a site that renumbered it), and the same page with tracking and case in the host.
        var renumbered = Gig("~01abc", url: "https://upwork.com/jobs/~01abc");
        var tracked = Gig("77", url: "http://WWW.UPWORK.COM/jobs/~01abc/?ref=mail");
        var result = await store.RecordCycleAsync(Cycle(Start.AddHours(2), Match(renumbered, watch), Match(tracked, watch)), Token);

        Assert.Empty(result.Alerts);
        Assert.Equal((0, 2), (result.NewListings, result.KnownListings));

        // The new id was learned: found again under it with yet another URL, it is still the same listing.
        var moved = Gig("~01abc", url: "https://www.upwork.com/freelance-jobs/apply/logo_~01abc");
        Assert.Empty((await store.RecordCycleAsync(Cycle(Start.AddHours(3), Match(moved, watch)), Token)).Alerts);
        Assert.Equal([true], await store.AreRecordedAsync([ListingKey.For(moved)], "alice", Token));
    }

    [Fact]
    public async Task AListingSeenAgainWithAnotherBudgetOrTitleIsRecordedAsAChangeNotAlerted()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        var before = Gig("1", "Logo design", budget: Budget.Fixed(new Money(100m, Currency.USD)));
        await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(before, watch)), Token);

        var after = before with { Title = "Logo design (urgent)", Budget = Budget.Fixed(new Money(150m, Currency.USD), new Money(200m, Currency.USD)) };
        var result = await store.RecordCycleAsync(Cycle(Start.AddHours(2), Match(after, watch)), Token);

        Assert.Empty(result.Alerts);
        var change = Assert.Single(result.Changes);
        Assert.Equal(("Logo design", "Logo design (urgent)"), (change.OldTitle, change.NewTitle));
        Assert.Equal(Budget.Fixed(new Money(100m, Currency.USD)), change.OldBudget);
        Assert.Equal(after.Budget, change.NewBudget);
        Assert.Equal(new ListingKey("upwork", "1", before.Url), change.Listing);

        var listed = Assert.Single(await store.ListChangesAsync(Start, "alice", cancellationToken: Token));
        Assert.Equal(change, listed);
        Assert.Empty(await store.ListChangesAsync(Start, "bob", cancellationToken: Token));
        Assert.Empty(await store.ListChangesAsync(Start.AddHours(3), cancellationToken: Token));

        // Seen again unchanged: nothing more is recorded. The same amount written with more decimals is no change either.
        var same = after with { Budget = Budget.Fixed(new Money(150.00m, Currency.USD), new Money(200.0m, Currency.USD)) };
        Assert.Empty((await store.RecordCycleAsync(Cycle(Start.AddHours(3), Match(same, watch)), Token)).Changes);
        Assert.Single(await store.ListChangesAsync(Start, cancellationToken: Token));
    }

    [Fact]
    public async Task AnIdrBudgetChangeKeepsItsExactAmounts()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        var gig = Gig("1", provider: "projects.co.id", budget: Budget.Fixed(new Money(1_500_000m, Currency.IDR), new Money(3_000_000m, Currency.IDR)));
        await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(gig, watch)), Token);

        var raised = gig with { Budget = Budget.Fixed(new Money(2_000_000m, Currency.IDR), new Money(3_500_000.50m, Currency.IDR)) };
        var change = Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(2), Match(raised, watch)), Token)).Changes);

        Assert.Equal(new Money(1_500_000m, Currency.IDR), change.OldBudget!.Min);
        Assert.Equal(new Money(3_500_000.50m, Currency.IDR), (await store.ListChangesAsync(Start, cancellationToken: Token))[0].NewBudget!.Max);
    }

    [Fact]
    public async Task ANewWatchOfASubscriberDoesNotAlertWhatThatSubscriberWasAlreadyToldAbout()
    {
        var store = await OpenAsync();
        var logos = await AddLiveAsync(store, NewWatch("logos", "logo"));
        Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), logos)), Token)).Alerts);

        var cafes = await AddLiveAsync(store, NewWatch("cafes", "cafe"), Start.AddHours(2));
        var result = await store.RecordCycleAsync(Cycle(Start.AddHours(3), Match(Gig("1"), logos, cafes)), Token);

        Assert.Empty(result.Alerts);
    }

    [Fact]
    public async Task AListingMatchedOnlyByAWatchTakingItsBaselineIsSeenButNotAlerted()
    {
        var store = await OpenAsync();
        var live = await AddLiveAsync(store, NewWatch("logos", "logo"));
        var fresh = await store.AddWatchAsync(NewWatch("cafes", "cafe"), Token);

        var result = await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), fresh), Match(Gig("2"), live, fresh)), Token);

        // Listing 2 is new and a live watch matched it: the alert names only that watch.
        var alert = Assert.Single(result.Alerts);
        Assert.Equal("2", alert.Listing.Id);
        Assert.Equal(["logos"], alert.Watches.Select(w => w.Name));

        // Listing 1 was baselined for alice: a later match by the now-live watch is not news.
        Assert.Empty((await store.RecordCycleAsync(Cycle(Start.AddHours(2), Match(Gig("1"), fresh, live)), Token)).Alerts);
    }

    [Fact]
    public async Task ListingsThatMatchedNoWatchAreRecordedAsSeenOnTheirSiteOnly()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        await store.RecordCycleAsync(Cycle(Start.AddHours(1), new ListingMatch(Gig("1"), [])), Token);

        Assert.Equal([true, false], await store.AreRecordedAsync([ListingKey.For(Gig("1")), ListingKey.For(Gig("2"))], cancellationToken: Token));
        Assert.Equal([false], await store.AreRecordedAsync([ListingKey.For(Gig("1"))], "alice", Token));
        Assert.Equal([false], await store.AreRecordedAsync([ListingKey.For(Gig("1"))], "nobody", Token));

        // Known on its site, but still news to alice when her watch matches it.
        Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(2), Match(Gig("1"), watch)), Token)).Alerts);
    }

    [Fact]
    public async Task AWatchRemovedWhileTheCycleRanAlertsNothing()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        await store.RemoveWatchAsync(watch.Id, Token);

        var result = await store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token);

        Assert.Empty(result.Alerts);
        Assert.Equal(1, result.NewListings);
    }

    [Fact]
    public async Task ACancelledCycleRecordsNothing()
    {
        var store = await OpenAsync();
        var watch = await AddLiveAsync(store, NewWatch("logos"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), cancelled.Token));

        Assert.Equal([false], await store.AreRecordedAsync([ListingKey.For(Gig("1"))], cancellationToken: Token));
        Assert.Single((await store.RecordCycleAsync(Cycle(Start.AddHours(2), Match(Gig("1"), watch)), Token)).Alerts);
    }

    [Fact]
    public async Task TwoStoresOnOneStoreRecordingTheSameListingAlertItOnce()
    {
        var first = await OpenAsync();
        var watch = await AddLiveAsync(first, NewWatch("logos"));
        var second = await OpenAsync();

        var results = await Task.WhenAll(
            Task.Run(() => first.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token), Token),
            Task.Run(() => second.RecordCycleAsync(Cycle(Start.AddHours(1), Match(Gig("1"), watch)), Token), Token));

        Assert.Single(results.SelectMany(r => r.Alerts));
    }
}

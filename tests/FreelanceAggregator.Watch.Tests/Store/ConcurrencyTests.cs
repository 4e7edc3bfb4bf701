using System.Globalization;
using static FreelanceAggregator.Watch.Tests.Listings;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>Several processes on one store at once: what the store guarantees between them, whatever each one's memory holds.</summary>
public abstract class ConcurrencyTests(TestStores stores) : StoreTest(stores)
{
    [Fact]
    public async Task NodesRecordingTheSameListingsInTheirOwnOrderAtOnceAlertEachListingOncePerSubscriber()
    {
        var first = await OpenAsync();
        var alice = await AddLiveAsync(first, NewWatch("logos"));
        var bob = await AddLiveAsync(first, NewWatch("bob's logos", "logo", "bob"));
        WatchStore[] nodes = [first, await OpenAsync(), await OpenAsync()];
        var listings = Enumerable.Range(0, 60).Select(i => Gig(i.ToString(CultureInfo.InvariantCulture))).ToArray();

        // Every node found the same listings, each in another order, and records them at the same moment.
        var results = await Task.WhenAll(nodes.Select((node, n) =>
        {
            var order = listings.ToArray();
            new Random(n).Shuffle(order);
            var cycle = Cycle(Start.AddHours(1), order.Select(g => Match(g, alice, bob)).ToArray()) with { AlertLease = TimeSpan.Zero };
            return Task.Run(() => node.RecordCycleAsync(cycle, Token), Token);
        }));

        var alerts = results.SelectMany(r => r.Alerts).ToList();
        Assert.Equal(120, alerts.Count);
        Assert.Equal(120, alerts.Select(a => (a.Subscriber, a.Listing.Id)).Distinct().Count());
        Assert.Equal(60, results.Sum(r => r.NewListings));
        Assert.Equal(120, (await first.ClaimPendingAlertsAsync(500, TimeSpan.FromMinutes(5), Token)).Count);
    }

    [Fact]
    public async Task NodesTakingAlertsAtOnceNeverTakeTheSameOne()
    {
        var first = await OpenAsync();
        var watch = await AddLiveAsync(first, NewWatch("logos"));
        await first.RecordCycleAsync(Cycle(Start.AddHours(1), Enumerable.Range(0, 40).Select(i => Match(Gig(i.ToString(CultureInfo.InvariantCulture)), watch)).ToArray()) with { AlertLease = TimeSpan.Zero }, Token);
        WatchStore[] nodes = [first, await OpenAsync(), await OpenAsync(), await OpenAsync()];

        // Each node takes three at a time until it finds none left; the leases outlast the test.
        var taken = await Task.WhenAll(nodes.Select(node => Task.Run(
            async () =>
            {
                var mine = new List<Guid>();
                while ((await node.ClaimPendingAlertsAsync(3, TimeSpan.FromMinutes(5), Token)) is { Count: > 0 } batch)
                {
                    mine.AddRange(batch.Select(a => a.Id));
                }

                return mine;
            },
            Token)));

        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }
}

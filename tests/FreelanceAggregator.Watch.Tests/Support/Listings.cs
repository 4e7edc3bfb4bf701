namespace FreelanceAggregator.Watch.Tests;

/// <summary>Listings and watches for tests, with only what each test needs set.</summary>
internal static class Listings
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static Gig Gig(string id, string title = "Logo design for a cafe", string provider = "upwork", string? url = null, Budget? budget = null) => new()
    {
        Provider = provider,
        Id = id,
        Title = title,
        Url = new Uri(url ?? $"https://www.{provider}.com/jobs/{id}"),
        Budget = budget,
    };

    public static GigWatch NewWatch(string name, string query = "logo", string subscriber = "alice", params string[] notify) => new()
    {
        Name = name,
        Query = GigQuery.Parse(query),
        Subscriber = subscriber,
        Notify = notify.Select(n => new Uri(n)).ToArray(),
    };

    public static ListingMatch Match(Gig gig, params GigWatch[] watches) => new(gig, watches.Select(w => w.Id));

    public static WatchCycle Cycle(DateTimeOffset at, params ListingMatch[] listings) => new()
    {
        CheckedAt = at,
        Listings = listings,
        CheckedWatches = listings.SelectMany(l => l.WatchIds).Distinct().ToArray(),
    };
}

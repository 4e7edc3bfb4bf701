namespace FreelanceAggregator.Watch.Tests;

/// <summary>Alert ids: version 7 UUIDs whose text sorts in the order they were made, even within one millisecond or when the clock steps back.</summary>
public sealed class TimeOrderedGuidTests
{
    [Fact]
    public void IdsSortInTheOrderTheyWereMade()
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var times = Enumerable.Repeat(now, 5000).Concat([now.AddSeconds(1), now.AddSeconds(-10), now.AddSeconds(2)]);

        var ids = times.Select(TimeOrderedGuid.Create).Select(g => g.ToString("D")).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal('7', id[14]));
        Assert.All(ids, id => Assert.Contains(id[19], "89ab"));

        // The time leads (other tests make ids at the same time, so only "not before" holds for certain).
        var first = Convert.ToInt64(ids[0].Replace("-", string.Empty, StringComparison.Ordinal)[..12], 16);
        Assert.True(first >= now.ToUnixTimeMilliseconds(), $"{first} < {now.ToUnixTimeMilliseconds()}");
    }
}

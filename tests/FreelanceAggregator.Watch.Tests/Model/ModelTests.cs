using static FreelanceAggregator.Watch.Tests.Listings;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>The watch models: their rules, and that a watch's channels never show.</summary>
public sealed class ModelTests
{
    [Fact]
    public void AWatchNeverShowsItsChannelUris()
    {
        var watch = NewWatch("logos", "logo design site:fiverr", "alice", "ntfy://alice:SECRET-TOKEN@ntfy.sh/logos", "https://user:SECRET-PASS@hooks.example.com/x");

        var text = watch.ToString();

        Assert.Equal("\"logos\" for alice: logo design site:fiverr every 15m, 2 channels", text);
        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AWatchsChannelErrorNamesThePositionNotTheUri()
    {
        var e = Assert.Throws<ArgumentException>(() => NewWatch("logos") with { Notify = [new Uri("https://ok.example.com"), new Uri("relative/SECRET", UriKind.Relative)] });

        Assert.Contains("Notify[1]", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WatchesWithChannelsThatDifferOnlyInTheirTokenAreNotEqual()
    {
        var watch = NewWatch("logos", "logo", "alice", "tgram://TOKEN-A@telegram/1");

        Assert.NotEqual(watch, watch with { Notify = [new Uri("tgram://TOKEN-B@telegram/1")] });
        Assert.Equal(watch, watch with { Notify = [new Uri("tgram://TOKEN-A@telegram/1")] });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankNameOrSubscriberIsRefused(string blank)
    {
        Assert.ThrowsAny<ArgumentException>(() => NewWatch("logos") with { Name = blank });
        Assert.ThrowsAny<ArgumentException>(() => NewWatch("logos") with { Subscriber = blank });
    }

    [Fact]
    public void NamesAreTrimmedAndTooLongOnesAreRefused()
    {
        Assert.Equal("logos", (NewWatch("logos") with { Name = "  logos " }).Name);
        var e = Assert.Throws<ArgumentException>(() => NewWatch("logos") with { Name = new string('x', GigWatch.MaxNameLength + 1) });
        Assert.Contains("201", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWatchIsCheckedAtMostOnceAMinute()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NewWatch("logos") with { Every = TimeSpan.FromSeconds(30) });
        Assert.Contains("00:00:30", e.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(1), (NewWatch("logos") with { Every = TimeSpan.FromMinutes(1) }).Every);
    }

    [Fact]
    public void AWatchIsDueWhenNeverCheckedOrCheckedAnIntervalAgo()
    {
        var watch = NewWatch("logos") with { Every = TimeSpan.FromMinutes(30) };

        Assert.True(watch.IsDue(Start));
        Assert.False((watch with { LastChecked = Start }).IsDue(Start.AddMinutes(29)));
        Assert.True((watch with { LastChecked = Start }).IsDue(Start.AddMinutes(30)));
        Assert.False((watch with { Paused = true }).IsDue(Start));
    }

    [Fact]
    public void ListingKeysFollowTheAggregatorsCanonicalUrlRule()
    {
        Assert.Equal("freelancer.com/projects/php/site", ListingKey.Canonicalize(new Uri("https://www.Freelancer.com/projects/php/site/?ref=x#top")));
        Assert.Equal("freelancer.co.id/projects/php/site", ListingKey.Canonicalize(new Uri("http://freelancer.co.id/projects/php/site")));
        Assert.Equal("fiverr.com/Studio/Logo", ListingKey.Canonicalize(new Uri("https://fiverr.com:443/Studio/Logo")));
        Assert.Equal("xn--bcher-kva.example", ListingKey.Canonicalize(new Uri("https://www.bücher.example/")));

        var key = ListingKey.For(Gig("3981", provider: "freelancer.co.id", url: "https://www.freelancer.co.id/projects/x"), "Freelancer");
        Assert.Equal(("freelancer", "3981", "freelancer.co.id/projects/x"), (key.Marketplace, key.SiteId, key.CanonicalUrl));
        Assert.Equal("upwork", ListingKey.For(Gig("1")).Marketplace);
    }

    [Fact]
    public void ACycleRefusesNullItemsAndANegativeLease()
    {
        Assert.Throws<ArgumentException>(() => new WatchCycle { CheckedAt = Start, Listings = [null!] });
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchCycle { CheckedAt = Start, AlertLease = TimeSpan.FromSeconds(-1) });
    }

    [Fact]
    public void ModelsDescribeThemselvesForTheDebugger()
    {
        var alert = new GigAlert { Id = Guid.NewGuid(), Listing = Gig("1", "Logo"), Subscriber = "alice", Watches = [new WatchReference(Guid.NewGuid(), "logos")], FirstSeen = Start };
        var health = new WatchHealth { Provider = "fiverr", Kind = WatchHealthKind.Failing, ConsecutiveCycles = 3, Since = Start, LastChecked = Start, LastMessage = "blocked" };

        Assert.Equal("alice: upwork:1 \"Logo\" (logos)", alert.ToString());
        Assert.Equal("fiverr failing for 3 cycles since 2026-12-01T09:00:00Z: blocked", health.ToString());
        Assert.Equal("upwork: failed: timed out", SiteCheck.Failed("Upwork", "timed out").ToString());
    }
}

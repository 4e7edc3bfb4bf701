using System.Net;
using FreelanceAggregator;
using FreelanceAggregator.Testing;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk.Tests;

/// <summary>The parser on its own: what it tolerates, and that junk only ever gives a <see cref="GigProviderException"/>.</summary>
public sealed class RemoteOkFeedParserTests
{
    private static readonly RemoteOkParseSettings Settings = new("remoteok", new Uri("https://remoteok.com/api"), HttpStatusCode.OK);

    [Fact]
    public void ToleratesNullsMissingFieldsAndNumbersWrittenAsText()
    {
        var feed = RemoteOkFeedParser.Parse(Fixtures.Read("remoteok-api-odd-values.json"), Settings);

        Assert.Equal(["1137501", "1137502", "1137506"], feed.Gigs.Select(g => g.Id));

        // A numeric id, an epoch and salaries written as strings (one with a thousands separator), tags as one string.
        var frontend = feed.Gigs[0];
        Assert.Equal("Frontend Developer", frontend.Title);
        Assert.Equal("https://remoteok.com/remote-jobs/remote-frontend-developer-quill-1137501", frontend.Url.AbsoluteUri);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_791_200_000), frontend.PostedAt);
        Assert.Equal(["react", "typescript"], frontend.Skills);
        Assert.Null(frontend.Description);
        Assert.Null(frontend.Client);
        Assert.Equal(new Money(85_000m, Currency.USD), frontend.Extra["salaryMin"]);
        Assert.Equal(new Money(110_000m, Currency.USD), frontend.Extra["salaryMax"]);
        Assert.False(frontend.Extra.ContainsKey("verified"));
        Assert.False(frontend.Extra.ContainsKey("location"));

        // No epoch: the ISO date is used. Tags that are not text are dropped, duplicates kept once. A float salary reads.
        var go = feed.Gigs[1];
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 9, 30, 0, TimeSpan.Zero), go.PostedAt);
        Assert.Equal(["go", "42"], go.Skills);
        Assert.Null(go.Description);
        Assert.Null(go.Client);
        Assert.Equal(new Money(150_000m, Currency.USD), go.Extra["salaryMin"]);
        Assert.False(go.Extra.ContainsKey("salaryMax"));

        // Values that make no sense are absent rather than guessed; a root-relative url is resolved on the public site.
        var odd = feed.Gigs[2];
        Assert.Equal("https://remoteok.com/remote-jobs/remote-negative-epoch-tester-1137506", odd.Url.AbsoluteUri);
        Assert.Null(odd.PostedAt);
        Assert.Empty(odd.Extra);

        // Only what every job needs costs a job; every odd value above cost its value alone, without a warning.
        Assert.Equal([GigWarningKind.ListingSkipped, GigWarningKind.ListingSkipped, GigWarningKind.ListingSkipped, GigWarningKind.ListingSkipped], feed.Warnings.Select(w => w.Kind));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"legal":"API Terms of Service"}]""")]
    public void AFeedWithoutJobsIsEmptyNotAFailure(string body)
    {
        var feed = RemoteOkFeedParser.Parse(body, Settings);

        Assert.Empty(feed.Gigs);
        Assert.Empty(feed.Warnings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"feed\"")]
    [InlineData("[1, 2, 3]")]
    [InlineData("[{}]")]
    [InlineData("[{\"id\": \"1\", \"position\": \"x\", \"url\": \"javascript:alert(1)\"}]")]
    [InlineData("[{\"id\": \"1\"")]
    [InlineData("\uD800[]")]
    [InlineData("<html><body>Service unavailable</body></html>")]
    public void JunkOnlyEverGivesAnInvalidResponseNamingTheUrl(string body)
    {
        var ex = Assert.Throws<GigProviderException>(() => RemoteOkFeedParser.Parse(body, Settings));

        Assert.Equal(GigProviderFailure.InvalidResponse, ex.Failure);
        Assert.Equal("remoteok", ex.Provider);
        Assert.Contains("https://remoteok.com/api", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedJsonIsRefusedNotOverflowed()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);

        var ex = Assert.Throws<GigProviderException>(() => RemoteOkFeedParser.Parse(body, Settings));

        Assert.Equal(GigProviderFailure.InvalidResponse, ex.Failure);
    }
}

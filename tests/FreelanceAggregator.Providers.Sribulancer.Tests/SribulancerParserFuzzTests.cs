using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;
using Xunit;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>Mutated API answers through the pure parser: jobs, warnings or a <see cref="GigProviderException"/>, and nothing else.</summary>
public sealed class SribuApiParserFuzzTests
{
    private static readonly Uri ApiUri = new("https://api.sribu.com/public");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sribu-jobs-page1.json")]
    [InlineData("sribu-jobs-page2.json")]
    [InlineData("sribu-jobs-page3.json")]
    [InlineData("sribu-jobs-odd.json")]
    [InlineData("sribu-jobs-empty.json")]
    [InlineData("sribu-graphql-error.json")]
    [InlineData("sribu-list-error.json")]
    [InlineData("sribu-next-shell.html")]
    public void MutatedApiAnswersGiveJobsWarningsOrAGigProviderException(string fixture)
    {
        var options = new SribulancerOptions();
        var text = Fixtures.Read(fixture);
        ParserFuzzing.AssertContract(
            fixture.EndsWith(".html", StringComparison.Ordinal) ? FixtureMutator.Html(text, ParserFuzzing.Iterations, ParserFuzzing.Seed) : FixtureMutator.Json(text, ParserFuzzing.Iterations, ParserFuzzing.Seed),
            body =>
            {
                var page = ParserFuzzing.AssertUtf8PathAgrees(
                    body,
                    text => SribuApiParser.Parse(text, ApiUri, SribulancerProvider.DefaultName, options, Now),
                    utf8 => SribuApiParser.Parse(utf8, ApiUri, SribulancerProvider.DefaultName, options, Now),
                    read => string.Join(" | ", read.Gigs.Select(g => $"{g.Id} {g.Budget} {g.Url}")) + $" ({read.Warnings.Count} warnings)");
                Assert.All(page.Gigs, gig => Assert.True(GigUrls.IsOnHost(gig.Url, "sribu.com"), gig.Url.AbsoluteUri));
            },
            typeof(GigProviderException));
    }

}

/// <summary>Mutated browse pages through the pure parser: jobs, warnings or a <see cref="GigProviderException"/>, and nothing else.</summary>
public sealed class SribulancerPageParserFuzzTests
{
    private static readonly Uri PageUri = new("https://www.sribu.com/id/browse-jobs?page=1");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("browse-jobs.html")]
    [InlineData("browse-jobs-page2.html")]
    [InlineData("browse-jobs-empty.html")]
    [InlineData("browse-jobs-changed.html")]
    [InlineData("browse-jobs-shell.html")]
    [InlineData("login.html")]
    public void MutatedBrowsePagesGiveJobsWarningsOrAGigProviderException(string fixture)
    {
        var options = new SribulancerOptions { Source = SribulancerSource.BrowsePage };
        ParserFuzzing.AssertContract(
            FixtureMutator.Html(Fixtures.Read(fixture), ParserFuzzing.Iterations, ParserFuzzing.Seed),
            html =>
            {
                var page = SribulancerPageParser.Parse(html, PageUri, SribulancerProvider.DefaultName, options, Now);
                Assert.All(page.Gigs, gig => Assert.True(GigUrls.IsOnHost(gig.Url, "sribu.com"), gig.Url.AbsoluteUri));
            },
            typeof(GigProviderException));
    }
}

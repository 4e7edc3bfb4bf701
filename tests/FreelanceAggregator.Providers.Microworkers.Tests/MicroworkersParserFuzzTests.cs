using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>Mutated job-list pages through the pure parser: jobs, warnings or a <see cref="GigProviderException"/>, and nothing else.</summary>
public sealed class MicroworkersParserFuzzTests
{
    private static readonly Uri PageUri = new("https://www.microworkers.com/jobs.php?page=1");
    private static readonly MicroworkersPageOptions Selectors = new();

    [Theory]
    [InlineData("jobs-page1.html")]
    [InlineData("jobs-page2.html")]
    [InlineData("jobs-old-rows.html")]
    [InlineData("jobs-odd-rows.html")]
    public void MutatedListsGiveJobsWarningsOrAGigProviderException(string fixture)
    {
        var report = Fuzz(fixture);

        // Some mutations still read: the fuzz reached the reading of rows, not only the refusals.
        Assert.True(report.Parsed > 0, "no mutation of the fixture was readable: " + report);
    }

    internal static FuzzReport Fuzz(string fixture) =>
        ParserFuzzing.AssertContract(
            FixtureMutator.Html(Fixtures.Read(fixture), ParserFuzzing.Iterations, ParserFuzzing.Seed),
            html =>
            {
                var page = MicroworkersParser.Parse(html, PageUri, MicroworkersProvider.DefaultName, Selectors);
                Assert.All(page.Gigs, gig =>
                {
                    Assert.True(GigUrls.IsOnHost(gig.Url, "microworkers.com"), gig.Url.AbsoluteUri);
                    Assert.False(string.IsNullOrWhiteSpace(gig.Id));
                    Assert.True(gig.Budget is null || gig.Budget.Currency == Currency.USD);
                });
            },
            typeof(GigProviderException));
}

/// <summary>Mutated pages that are not a list of jobs (the empty list, the login page, the restriction notice): the same contract.</summary>
public sealed class MicroworkersOtherPagesFuzzTests
{
    [Theory]
    [InlineData("jobs-empty.html")]
    [InlineData("login.html")]
    [InlineData("restricted.html")]
    public void MutatedPagesGiveJobsWarningsOrAGigProviderException(string fixture) => MicroworkersParserFuzzTests.Fuzz(fixture);
}

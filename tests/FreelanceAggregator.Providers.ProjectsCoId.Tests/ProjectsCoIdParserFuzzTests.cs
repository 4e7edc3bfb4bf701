using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>Mutated listing pages through the pure parser: projects, warnings or a <see cref="GigProviderException"/>, and nothing else.</summary>
public sealed class ProjectsCoIdParserFuzzTests
{
    private static readonly Uri PageUri = new("https://projects.co.id/public/browse_projects/listing?page=1");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("listing-page1.html")]
    [InlineData("listing-page2.html")]
    [InlineData("listing-page3.html")]
    [InlineData("listing-odd-rows.html")]
    public void MutatedListingsGiveProjectsWarningsOrAGigProviderException(string fixture)
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
                var page = ProjectsCoIdParser.Parse(html, PageUri, ProjectsCoIdProvider.DefaultName, Now);
                Assert.All(page.Gigs, gig => Assert.True(GigUrls.IsOnHost(gig.Url, "projects.co.id"), gig.Url.AbsoluteUri));
            },
            typeof(GigProviderException));
}

/// <summary>Mutated search results and pages that are not a listing (login, maintenance): the same contract.</summary>
public sealed class ProjectsCoIdOtherPagesFuzzTests
{
    [Theory]
    [InlineData("search-aplikasi.html")]
    [InlineData("search-empty.html")]
    [InlineData("login.html")]
    [InlineData("maintenance.html")]
    public void MutatedPagesGiveProjectsWarningsOrAGigProviderException(string fixture) => ProjectsCoIdParserFuzzTests.Fuzz(fixture);
}

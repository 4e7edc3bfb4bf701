using System.Net;
using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>Mutated API answers through the pure parser: projects, warnings or a <see cref="GigProviderException"/>, and nothing else.</summary>
public sealed class FreelancerParserFuzzTests
{
    private static readonly Uri Api = new("https://www.freelancer.com/api/projects/0.1/projects/active/?limit=100&offset=0");

    [Theory]
    [InlineData("projects-page1.json")]
    [InlineData("projects-page2.json")]
    [InlineData("projects-id.json")]
    [InlineData("projects-id-page2.json")]
    [InlineData("projects-nulls.json")]
    [InlineData("projects-empty.json")]
    [InlineData("error-envelope.json")]
    [InlineData("error-not-authenticated.json")]
    [InlineData("blocked.html")]
    public void MutatedAnswersGiveProjectsWarningsOrAGigProviderException(string fixture)
    {
        var text = Fixtures.Read(fixture);
        var mutations = fixture.EndsWith(".html", StringComparison.Ordinal)
            ? FixtureMutator.Html(text, ParserFuzzing.Iterations, ParserFuzzing.Seed)
            : FixtureMutator.Json(text, ParserFuzzing.Iterations, ParserFuzzing.Seed);
        ParserFuzzing.AssertContract(
            mutations,
            body =>
            {
                // The provider asks the error check for an answer that is not 2xx, and the parser for one that is.
                FreelancerResponseParser.ThrowIfSiteError(body, Settings(HttpStatusCode.BadRequest));
                var page = ParserFuzzing.AssertUtf8PathAgrees(
                    body,
                    text => FreelancerResponseParser.Parse(text, Settings(HttpStatusCode.OK)),
                    utf8 => FreelancerResponseParser.Parse(utf8, Settings(HttpStatusCode.OK)),
                    read => Summary(read.Gigs, read.Warnings.Count));
                Assert.All(page.Gigs, g => Assert.True(GigUrls.IsOnHost(g.Url, "www.freelancer.com"), g.Url.AbsoluteUri));
            },
            typeof(GigProviderException));
    }

    private static string Summary(IEnumerable<Gig> gigs, int warnings) =>
        string.Join(" | ", gigs.Select(g => $"{g.Id} {g.Budget} {g.Url}")) + $" ({warnings} warnings)";

    private static FreelancerParseSettings Settings(HttpStatusCode status) =>
        new("freelancer", new Uri("https://www.freelancer.com/"), Api, status, new DateOnly(2026, 11, 23), TokenSent: true);
}

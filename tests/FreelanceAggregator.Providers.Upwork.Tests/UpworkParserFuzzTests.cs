using FreelanceAggregator.Providers.Upwork.Parsing;
using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>Mutated GraphQL answers through the pure parser: jobs, warnings, errors or a <see cref="GigProviderException"/>, and nothing else.</summary>
public sealed class UpworkParserFuzzTests
{
    private static readonly UpworkParseSettings Settings = new(UpworkOptions.DefaultName, new Uri("https://api.upwork.com/graphql"), new DateTimeOffset(2025, 10, 20, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("search-page1.json")]
    [InlineData("search-page2.json")]
    [InlineData("search-quirks.json")]
    [InlineData("search-empty.json")]
    [InlineData("error-partial.json")]
    [InlineData("error-scopes.json")]
    [InlineData("error-validation.json")]
    [InlineData("auth-failed.json")]
    [InlineData("server-error.txt")]
    public void MutatedAnswersGiveJobsWarningsOrAGigProviderException(string fixture) =>
        ParserFuzzing.AssertContract(
            FixtureMutator.Json(Fixtures.Read(fixture), ParserFuzzing.Iterations, ParserFuzzing.Seed),
            body =>
            {
                var page = ParserFuzzing.AssertUtf8PathAgrees(
                    body,
                    text => UpworkSearchParser.Parse(text, Settings),
                    utf8 => UpworkSearchParser.Parse(utf8, Settings),
                    read => string.Join(" | ", read.Gigs.Select(g => $"{g.Id} {g.Budget} {g.Url}")) + $" ({read.Warnings.Count} warnings)");
                Assert.All(page.Gigs, gig => Assert.True(GigUrls.IsOnHost(gig.Url, "www.upwork.com"), gig.Url.AbsoluteUri));
                Assert.All(page.Warnings, warning => Assert.StartsWith(UpworkOptions.DefaultName + ": ", warning.Message, StringComparison.Ordinal));
            },
            typeof(GigProviderException));
}

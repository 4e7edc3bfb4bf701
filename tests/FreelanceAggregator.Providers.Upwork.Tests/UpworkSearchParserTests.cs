using FreelanceAggregator.Providers.Upwork.Parsing;
using FreelanceAggregator.Testing;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The pure parser: dates, countries, money, tolerance of odd values, and nothing but GigProviderException on bad input.</summary>
public sealed class UpworkSearchParserTests
{
    public static TheoryData<string, string> Dates => new()
    {
        { "2025-10-16T06:06:47+0000", "2025-10-16T06:06:47.0000000+00:00" },
        { "2025-10-16T06:06:47+00:00", "2025-10-16T06:06:47.0000000+00:00" },
        { "2025-10-16T06:06:47Z", "2025-10-16T06:06:47.0000000+00:00" },
        { "2025-10-16T11:36:47+0530", "2025-10-16T11:36:47.0000000+05:30" },
        { "2025-10-16T01:06:47-0500", "2025-10-16T01:06:47.0000000-05:00" },
        { "2025-10-16T06:06:47.123+0000", "2025-10-16T06:06:47.1230000+00:00" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void ReadsUpworkDatesExactly(string text, string expected)
    {
        Assert.True(UpworkSearchParser.TryParseDate(text, out var date));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, date.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("16/10/2025 06:06")]
    [InlineData("2025-10-16")]
    [InlineData("2025-13-16T06:06:47+0000")]
    [InlineData("2025-10-16T06:06:47+00000")]
    [InlineData("+0000")]
    public void RefusesWhatIsNotSuchADate(string text) => Assert.False(UpworkSearchParser.TryParseDate(text, out _));

    [Theory]
    [InlineData("United Kingdom", "GB")]
    [InlineData("GBR", "GB")]
    [InlineData("AUS", "AU")]
    [InlineData("PAK", "PK")]
    [InlineData("ROU", "RO")]
    [InlineData("IND", "IN")]
    [InlineData("United States", "US")]
    public void NormalisesTheClientCountryNameOrIso3(string country, string expected)
    {
        var page = UpworkSearchParser.Parse(Page("""{"id":"1","title":"t","ciphertext":"~021","client":{"location":{"country":""" + "\"" + country + "\"}}}"));

        Assert.Equal(expected, Assert.Single(page.Gigs).Client!.Country);
    }

    [Fact]
    public void ReadsTheQuirksFixtureWithWarningsForWhatItCannotRead()
    {
        var page = UpworkSearchParser.Parse(Fixtures.Read("search-quirks.json"));

        Assert.Equal(6, page.EdgeCount);
        Assert.Equal(9, page.TotalCount);
        Assert.False(page.HasNextPage);
        Assert.Equal(["3000000000000000004", "3000000000000000005", "3000000000000000006"], page.Gigs.Select(g => g.Id));
        Assert.Contains("upwork: job 3000000000000000001 was skipped: it has no title.", page.Warnings);
        Assert.Contains("upwork: job 2 of the page was skipped: it has no id.", page.Warnings);
        Assert.Contains("upwork: job 3 of the page was skipped: it has no data (the edge has no node).", page.Warnings);

        var odd = page.Gigs[0];
        Assert.Equal("Numeric id, no ciphertext, odd values", odd.Title);
        Assert.Equal(new Uri("https://www.upwork.com/jobs/~023000000000000000004"), odd.Url);
        Assert.Null(odd.Budget);
        Assert.Contains(page.Warnings, w => w.Contains("unreadable amount in amount ('12,5')", StringComparison.Ordinal));
        Assert.Contains(page.Warnings, w => w.Contains("hourly range that cannot be right", StringComparison.Ordinal));
        Assert.Contains(page.Warnings, w => w.Contains("unreadable createdDateTime ('16/10/2025 06:06')", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2025, 10, 16, 6, 6, 48, 123, TimeSpan.FromHours(5.5)), odd.PostedAt);
        Assert.Equal(12, odd.Proposals);
        Assert.Equal(["Excel", "data_entry"], odd.Skills);
        Assert.Null(odd.Client!.Country);
        Assert.Contains("upwork: the client country 'Atlantis' is not a known country name or code; it was left empty.", page.Warnings);
        Assert.Equal(4.5m, odd.Client.Rating);
        Assert.Equal(3, odd.Client.Reviews);
        Assert.False(odd.Client.PaymentVerified);
        Assert.Null(odd.Client.TotalSpent);
        Assert.Contains(page.Warnings, w => w.Contains("without a known currency ('XYZ')", StringComparison.Ordinal));

        var html = page.Gigs[1];
        Assert.Equal(Budget.Fixed(new Money(1500m, "USD"), new Money(1500m, "USD")), html.Budget);
        Assert.Equal("First paragraph.\n\nSecond & last.", html.Description);
        Assert.Equal("RO", html.Client!.Country);
        Assert.Null(html.Client.Rating);

        var numbers = page.Gigs[2];
        Assert.Equal(Budget.Hourly(new Money(18m, "USD"), new Money(35.5m, "USD")), numbers.Budget);
        Assert.Null(numbers.Client);
    }

    [Fact]
    public void AnInvalidUtf16EscapeMakesAValueUnreadableNotTheParserThrow()
    {
        var page = UpworkSearchParser.Parse(Page("""{"id":"1","title":"\ud800 broken","ciphertext":"~021","description":"\udc00","client":{"location":{"country":"\ud800"}}}"""));

        Assert.Empty(page.Gigs);
        Assert.Contains("upwork: job 1 was skipped: it has no title.", page.Warnings);
    }

    [Fact]
    public void ReadsGraphQlErrorsWithoutData()
    {
        var page = UpworkSearchParser.Parse(Fixtures.Read("error-scopes.json"));

        Assert.False(page.HasData);
        Assert.True(page.IsScopeError);
        var error = Assert.Single(page.Errors);
        Assert.Equal("ExecutionAborted", error.Classification);
    }

    [Theory]
    [InlineData("<html><body>Log in</body></html>", "HTML page")]
    [InlineData("{\"data\":", "not valid JSON")]
    [InlineData("[]", "root is not an object")]
    [InlineData("{}", "no data.marketplaceJobPostingsSearch")]
    [InlineData("{\"data\":null}", "no data.marketplaceJobPostingsSearch")]
    [InlineData("{\"data\":{\"marketplaceJobPostingsSearch\":{\"totalCount\":3}}}", "no list of jobs")]
    [InlineData("{\"data\":{\"marketplaceJobPostingsSearch\":{\"edges\":{}}}}", "no list of jobs")]
    public void AnAnswerThatIsNotTheSearchIsAnInvalidResponse(string body, string expected)
    {
        var error = Assert.Throws<GigProviderException>(() => UpworkSearchParser.Parse(body, "upwork", new Uri("https://api.upwork.com/graphql")));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("https://api.upwork.com/graphql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MutatedFixturesThrowNothingButGigProviderException()
    {
        // A short version of the later fuzzing issue: byte flips, cuts and splices of every JSON fixture.
        var random = new Random(4);
        foreach (var name in new[] { "search-page1.json", "search-page2.json", "search-quirks.json", "error-partial.json", "error-scopes.json" })
        {
            var original = Fixtures.Read(name);
            for (var i = 0; i < 300; i++)
            {
                var text = Mutate(original, random);
                try
                {
                    _ = UpworkSearchParser.Parse(text);
                }
                catch (GigProviderException)
                {
                }
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToCharArray();
        switch (random.Next(4))
        {
            case 0:
                for (var n = 0; n < 5; n++)
                {
                    chars[random.Next(chars.Length)] = "{}[]\":,0-.e\\ntfa"[random.Next(16)];
                }

                return new string(chars);
            case 1:
                return text[..random.Next(text.Length)];
            case 2:
                var at = random.Next(text.Length);
                return text[..at] + text[random.Next(text.Length)..];
            default:
                return text
                    .Replace("\"0.0\"", random.Next(2) == 0 ? "null" : "-1", StringComparison.Ordinal)
                    .Replace("\"USD\"", random.Next(2) == 0 ? "7" : "{}", StringComparison.Ordinal)
                    .Replace("+0000", random.Next(2) == 0 ? "+99" : string.Empty, StringComparison.Ordinal);
        }
    }

    private static string Page(string node) =>
        """{"data":{"marketplaceJobPostingsSearch":{"edges":[{"node":""" + node + """}],"pageInfo":{"hasNextPage":false}}}}""";
}

using FreelanceAggregator.Providers.Upwork.Parsing;
using FreelanceAggregator.Testing;

namespace FreelanceAggregator.Providers.Upwork.Tests;

/// <summary>The pure parser: dates, countries, money, tolerance of odd values, and nothing but GigProviderException on bad input.</summary>
public sealed class UpworkSearchParserTests
{
    private static readonly Uri GraphQl = new("https://api.upwork.com/graphql");
    private static readonly DateTimeOffset Now = new(2025, 10, 20, 12, 0, 0, TimeSpan.Zero);

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
        Assert.True(UpworkJobReader.TryParseDate(text, Now, out var date));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, date.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("16/10/2025 06:06")]
    [InlineData("2025-13-16T06:06:47+0000")]
    [InlineData("2025-02-29T06:06:47+0000")]
    [InlineData("2025-10-16T06:06:47+1500")]
    [InlineData("+0000")]
    [InlineData("not a date")]
    public void RefusesWhatIsNotADate(string text) => Assert.False(UpworkJobReader.TryParseDate(text, Now, out _));

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
        var page = Parse(Page("""{"id":"1","title":"t","ciphertext":"~021","client":{"location":{"country":""" + "\"" + country + "\"}}}"));

        Assert.Equal(expected, Assert.Single(page.Gigs).Client!.Country);
    }

    [Fact]
    public void ReadsTheQuirksFixtureWithWarningsForWhatItCannotRead()
    {
        var page = Parse(Fixtures.Read("search-quirks.json"));

        Assert.Equal(6, page.EdgeCount);
        Assert.Equal(9, page.TotalCount);
        Assert.False(page.HasNextPage);
        Assert.Equal(["3000000000000000004", "3000000000000000005", "3000000000000000006"], page.Gigs.Select(g => g.Id));

        // Every job left out and every value left empty, in the order read: the kind, the job and the gig's value.
        Assert.Equal(
            [
                (GigWarningKind.ListingSkipped, "3000000000000000001", "title"),
                (GigWarningKind.ListingSkipped, null, "id"),
                (GigWarningKind.ListingSkipped, null, null),
                (GigWarningKind.ValueUnreadable, "3000000000000000004", "createdAt"),
                (GigWarningKind.ValueUnreadable, "3000000000000000004", "budget"),
                (GigWarningKind.ValueUnreadable, "3000000000000000004", "budget"),
                (GigWarningKind.ValueUnreadable, "3000000000000000004", "client.totalSpent"),
                (GigWarningKind.ValueUnreadable, "3000000000000000004", "client.country"),
            ],
            page.Warnings.Select(w => (w.Kind, w.ListingId, w.Field)));
        Assert.All(page.Warnings, w => Assert.StartsWith("upwork: ", w.Message, StringComparison.Ordinal));

        var odd = page.Gigs[0];
        Assert.Equal("Numeric id, no ciphertext, odd values", odd.Title);
        Assert.Equal(new Uri("https://www.upwork.com/jobs/~023000000000000000004"), odd.Url);
        Assert.Null(odd.Budget);
        Assert.False(odd.Extra.ContainsKey("createdAt"));
        Assert.Equal(new DateTimeOffset(2025, 10, 16, 6, 6, 48, 123, TimeSpan.FromHours(5.5)), odd.PostedAt);
        Assert.Equal(12, odd.Proposals);
        Assert.Equal(["Excel", "data_entry"], odd.Skills);
        Assert.Null(odd.Client!.Country);
        Assert.Equal(4.5m, odd.Client.Rating);
        Assert.Equal(3, odd.Client.Reviews);
        Assert.False(odd.Client.PaymentVerified);
        Assert.Null(odd.Client.TotalSpent);

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
        var page = Parse(Page("""{"id":"1","title":"\ud800 broken","ciphertext":"~021","description":"\udc00","client":{"location":{"country":"\ud800"}}}"""));

        Assert.Empty(page.Gigs);
        var warning = Assert.Single(page.Warnings);
        Assert.Equal((GigWarningKind.ListingSkipped, "1", "title"), (warning.Kind, warning.ListingId, warning.Field));
    }

    [Fact]
    public void ReadsGraphQlErrorsWithoutData()
    {
        var page = Parse(Fixtures.Read("error-scopes.json"));

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
        var error = Assert.Throws<GigProviderException>(() => Parse(body));

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
                    _ = Parse(text);
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

    private static UpworkSearchPage Parse(string body) => UpworkSearchParser.Parse(body, new UpworkParseSettings("upwork", GraphQl, Now));

    private static string Page(string node) =>
        """{"data":{"marketplaceJobPostingsSearch":{"edges":[{"node":""" + node + """}],"pageInfo":{"hasNextPage":false}}}}""";
}

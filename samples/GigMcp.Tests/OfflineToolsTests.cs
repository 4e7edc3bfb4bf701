using System.Text.Json;
using FreelanceAggregator;
using FreelanceAggregator.ExchangeRates;

[assembly: AssemblyFixture(typeof(GigMcp.Tests.OfflineServerFixture))]

namespace GigMcp.Tests;

/// <summary>The tools as an assistant sees and calls them, against the bundled recorded pages.</summary>
public sealed class OfflineToolsTests(OfflineServerFixture fixture)
{
    private static readonly string[] EverySite = ["upwork", "fiverr", "freelancer", "freelancer.co.id", "sribulancer", "projects.co.id", "microworkers"];

    private GigMcpServer Server => fixture.Server;

    [Fact]
    public async Task ListsEveryToolWithSchemasAnAssistantCanFill()
    {
        var tools = (await Server.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).ToDictionary(t => t.Name);

        Assert.Equal(
            ["add_watch", "convert_money", "list_watches", "parse_query", "recent_alerts", "remove_watch", "search_gigs"],
            tools.Keys.Order(StringComparer.Ordinal));

        var search = tools["search_gigs"].ProtocolTool;
        Assert.Equal(["query"], Required(search.InputSchema));
        Assert.Equal(["currency", "limit", "query", "sites"], Properties(search.InputSchema));
        var queryHelp = search.InputSchema.GetProperty("properties").GetProperty("query").GetProperty("description").GetString()!;
        foreach (var token in (string[])["budget:>=500000IDR", "posted:<3d", "site:fiverr,upwork", "kind:service", "sort:newest", "-word", "currency:IDR"])
        {
            Assert.Contains(token, queryHelp, StringComparison.Ordinal);
        }

        Assert.Contains("microworkers", search.InputSchema.GetProperty("properties").GetProperty("sites").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(search.Annotations?.ReadOnlyHint);

        // Structured content has a schema, so an assistant knows the listing fields without reading prose.
        var listing = search.OutputSchema!.Value.GetProperty("properties").GetProperty("listings").GetProperty("items").GetProperty("properties");
        foreach (var field in (string[])["site", "title", "url", "budget", "converted", "posted", "proposals", "client", "seller"])
        {
            Assert.True(listing.TryGetProperty(field, out _), $"search_gigs' output schema has no listing field '{field}'.");
        }

        Assert.Equal(["query"], Required(tools["parse_query"].ProtocolTool.InputSchema));
        Assert.Equal(["amount", "to"], Required(tools["convert_money"].ProtocolTool.InputSchema));
        Assert.Equal(["name", "query"], Required(tools["add_watch"].ProtocolTool.InputSchema));
        Assert.Equal(["watch"], Required(tools["remove_watch"].ProtocolTool.InputSchema));
        Assert.True(tools["remove_watch"].ProtocolTool.Annotations?.DestructiveHint);
    }

    [Fact]
    public async Task SearchGigsReturnsListingsOfEverySiteWithConvertedBudgets()
    {
        var result = await Server.CallOkAsync("search_gigs", new() { ["query"] = "logo design", ["limit"] = 100 });

        Assert.Equal("IDR", result.GetProperty("currency").GetString());
        Assert.Contains("2026-11-20", result.GetProperty("offline").GetString(), StringComparison.Ordinal);

        var sites = result.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(EverySite, sites.Select(s => s.GetProperty("site").GetString()));
        foreach (var site in sites)
        {
            var name = site.GetProperty("site").GetString()!;
            Assert.Equal("succeeded", site.GetProperty("status").GetString());
            Assert.StartsWith(name + ": ", site.GetProperty("outcome").GetString(), StringComparison.Ordinal);
            Assert.Contains(" matched (", site.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        }

        var listings = result.GetProperty("listings").EnumerateArray().ToList();
        Assert.Equal(EverySite.Order(StringComparer.Ordinal), listings.Select(l => l.GetProperty("site").GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(result.GetProperty("matched").GetInt32(), listings.Count);

        // A USD job: the budget as Upwork gave it, and in IDR at the embedded ECB rate, with that rate's day.
        var rate = await ExchangeRateProvider.Default.GetRateAsync(Currency.USD, Currency.IDR, TestContext.Current.CancellationToken);
        var upwork = Single(listings, "Logo Design for an Organic Skincare Brand");
        Assert.Equal("upwork", upwork.GetProperty("site").GetString());
        Assert.Equal("https://www.upwork.com/jobs/~022058112940318274561", upwork.GetProperty("url").GetString());
        Assert.Equal("USD 300.00 fixed", upwork.GetProperty("budget").GetProperty("text").GetString());
        var converted = upwork.GetProperty("converted");
        Assert.Equal(rate.Convert(new Money(300m, Currency.USD)).Round().Amount, converted.GetProperty("min").GetDecimal());
        Assert.Equal("IDR", converted.GetProperty("currency").GetString());
        Assert.Equal(rate.AsOf!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), converted.GetProperty("rateDate").GetString());
        Assert.StartsWith("1 USD = 1", converted.GetProperty("rate").GetString(), StringComparison.Ordinal);
        Assert.Equal(18, upwork.GetProperty("proposals").GetInt32());
        Assert.Equal("2 hours ago", upwork.GetProperty("postedAgo").GetString());
        Assert.Equal("US", upwork.GetProperty("client").GetProperty("country").GetString());

        // A seller's service, with the seller.
        var fiverr = Single(listings, "I will design a modern minimalist logo for your business");
        Assert.Equal("service", fiverr.GetProperty("kind").GetString());
        Assert.Equal("Sahinur", fiverr.GetProperty("seller").GetProperty("name").GetString());
        Assert.Equal(rate.Convert(new Money(30m, Currency.USD)).Round().Amount, fiverr.GetProperty("converted").GetProperty("min").GetDecimal());

        // An IDR job stays as it was: nothing to convert, so no rate.
        var sribu = Single(listings, "Design Logo untuk Kedai Kopi Kekinian");
        Assert.Equal("IDR", sribu.GetProperty("budget").GetProperty("currency").GetString());
        Assert.Equal(sribu.GetProperty("budget").GetProperty("min").GetDecimal(), sribu.GetProperty("converted").GetProperty("min").GetDecimal());
        Assert.False(sribu.GetProperty("converted").TryGetProperty("rate", out _));

        Assert.Contains(listings, l => l.GetProperty("site").GetString() == "microworkers" && l.GetProperty("title").GetString()!.Contains("Rate 10 logo design drafts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchGigsHonoursSitesCurrencyAndLimit()
    {
        var result = await Server.CallOkAsync("search_gigs", new() { ["query"] = "logo", ["sites"] = new[] { "Fiverr" }, ["currency"] = "eur", ["limit"] = 2 });

        Assert.Equal("logo site:fiverr currency:EUR limit:2", result.GetProperty("query").GetString());
        var listings = result.GetProperty("listings").EnumerateArray().ToList();
        Assert.Equal(2, listings.Count);
        Assert.All(listings, l => Assert.Equal("fiverr", l.GetProperty("site").GetString()));
        Assert.All(listings, l => Assert.Equal("EUR", l.GetProperty("converted").GetProperty("currency").GetString()));
        Assert.Equal("fiverr", Assert.Single(result.GetProperty("sites").EnumerateArray()).GetProperty("site").GetString());
    }

    [Theory]
    [InlineData("logo budget:>=abc", "Cannot read 'budget:>=abc'")]
    [InlineData("logo colour:red", "Unknown filter 'colour:'")]
    [InlineData("logo \"brand kit", "never closed")]
    public async Task SearchGigsWithABadQueryIsAToolErrorNamingTheToken(string query, string expected)
    {
        var result = await Server.CallAsync("search_gigs", new() { ["query"] = query });

        Assert.True(result.IsError);
        Assert.Contains(expected, GigMcpServer.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchGigsWithAnUnknownSiteNamesTheKnownOnes()
    {
        var result = await Server.CallAsync("search_gigs", new() { ["query"] = "logo", ["sites"] = new[] { "guru" } });

        Assert.True(result.IsError);
        Assert.Contains("Unknown site 'guru'", GigMcpServer.Text(result), StringComparison.Ordinal);
        Assert.Contains("projects.co.id", GigMcpServer.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseQuerySaysWhatAQueryMeans()
    {
        var result = await Server.CallOkAsync("parse_query", new() { ["query"] = "logo design -wordpress budget:>=1000000IDR posted:<7d site:fiverr,upwork sort:newest" });

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal(["logo", "design"], result.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("IDR 1,000,000", result.GetProperty("minBudget").GetString());
        Assert.Equal("7 days", result.GetProperty("postedWithin").GetString());
        Assert.Equal("newest", result.GetProperty("sort").GetString());
        Assert.Equal(
            "Listings (jobs and services) mentioning \"logo\" and \"design\", not mentioning \"wordpress\", on fiverr and upwork, paying at least IDR 1,000,000, posted in the last 7 days. Up to 50 from each site, newest first.",
            result.GetProperty("meaning").GetString());
    }

    [Fact]
    public async Task ParseQueryGivesTheExactParseError()
    {
        var result = await Server.CallOkAsync("parse_query", new() { ["query"] = "logo posted:yesterday" });

        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal(
            "Cannot read 'posted:yesterday': expected an age such as posted:<3d, posted:<12h, posted:<2w or posted:<30min.",
            result.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ConvertMoneyGivesTheAmountRateSourceAndDate()
    {
        var result = await Server.CallOkAsync("convert_money", new() { ["amount"] = "USD 5", ["to"] = "IDR" });

        var rate = await ExchangeRateProvider.Default.GetRateAsync(Currency.USD, Currency.IDR, TestContext.Current.CancellationToken);
        var expected = rate.Convert(new Money(5m, Currency.USD)).Round();
        Assert.Equal("USD 5.00", result.GetProperty("from").GetString());
        Assert.Equal(expected.ToString(), result.GetProperty("to").GetString());
        Assert.Equal(expected.Amount, result.GetProperty("amount").GetDecimal());
        Assert.Equal(rate.AsOf!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), result.GetProperty("rateDate").GetString());
        Assert.Equal(rate.Source, result.GetProperty("rateSource").GetString());
        Assert.Contains("ECB", rate.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertMoneyReadsIndonesianAmounts()
    {
        var result = await Server.CallOkAsync("convert_money", new() { ["amount"] = "Rp 3 juta", ["to"] = "USD" });

        var rate = await ExchangeRateProvider.Default.GetRateAsync(Currency.IDR, Currency.USD, TestContext.Current.CancellationToken);
        Assert.Equal("IDR 3,000,000", result.GetProperty("from").GetString());
        Assert.Equal(rate.Convert(new Money(3_000_000m, Currency.IDR)).Round().Amount, result.GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("$5", "IDR", "$")]
    [InlineData("USD 5", "XYZ", "'XYZ' is not an ISO 4217 currency code")]
    [InlineData("five dollars", "IDR", "Cannot read the amount 'five dollars'")]
    public async Task ConvertMoneyRefusesWhatItCannotRead(string amount, string to, string expected)
    {
        var result = await Server.CallAsync("convert_money", new() { ["amount"] = amount, ["to"] = to });

        Assert.True(result.IsError);
        Assert.Contains(expected, GigMcpServer.Text(result), StringComparison.Ordinal);
    }

    private static JsonElement Single(List<JsonElement> listings, string title) =>
        Assert.Single(listings, l => l.GetProperty("title").GetString() == title);

    private static string[] Required(JsonElement schema) =>
        [.. schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)];

    private static string[] Properties(JsonElement schema) =>
        [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}

using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Tests.Aggregation;
using Microsoft.Extensions.Time.Testing;

namespace FreelanceAggregator.Tests;

/// <summary>Each filter alone and combined, applied by the aggregator after conversion, the same for every site.</summary>
public sealed class GigFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly Gig[] Catalog =
    [
        Gig("logo-fixed-idr", "Logo design for a coffee shop") with
        {
            Description = "Need a modern logo for our cafe.",
            Skills = ["Logo Design", "Illustrator"],
            Budget = Budget.Fixed(new Money(750_000m, Currency.IDR), new Money(1_500_000m, Currency.IDR)),
            PostedAt = Now.AddHours(-2),
            Proposals = 4,
            Client = new GigClient { Country = "ID", PaymentVerified = true, Rating = 4.8m },
        },
        Gig("wp-site-usd", "WordPress site with logo") with
        {
            Skills = ["WordPress", "PHP"],
            Budget = Budget.Fixed(new Money(300m, Currency.USD), new Money(500m, Currency.USD)),
            PostedAt = Now.AddDays(-5),
            Proposals = 25,
            Client = new GigClient { Country = "US", PaymentVerified = false, Rating = 4.2m },
        },
        Gig("hourly-react", "React developer") with
        {
            Skills = ["React.js", "TypeScript"],
            Budget = Budget.Hourly(new Money(15m, Currency.USD), new Money(30m, Currency.USD)),
            PostedAt = Now.AddHours(-25),
            Proposals = 12,
            Client = new GigClient { Country = "GB", PaymentVerified = true },
        },
        Gig("service-logo", "I will design a minimalist logo") with
        {
            Kind = GigKind.Service,
            Budget = Budget.Fixed(new Money(5m, Currency.USD)),
            Seller = new GigSeller { Rating = 4.9m, Country = "BD" },
        },
        Gig("no-budget", "Logo animation") with
        {
            PostedAt = Now.AddMinutes(-10),
            Proposals = 0,
            Client = new GigClient { Country = "ID", PaymentVerified = true, Rating = 5m },
        },
        Gig("redesign", "Website redesign") with
        {
            Description = "New layout; logos not needed.",
            Budget = Budget.Fixed(new Money(200m, Currency.EUR)),
            PostedAt = Now.AddDays(-20),
            Proposals = 50,
            Client = new GigClient { Country = "DE", PaymentVerified = true, Rating = 3.9m },
        },
    ];

    private static Gig Gig(string id, string title) => new()
    {
        Provider = "market",
        Id = id,
        Title = title,
        Url = new Uri($"https://market.example.com/{id}"),
    };

    private static async Task<string> MatchingIds(string query)
    {
        var provider = new ScriptedProvider("market", Catalog) { CapabilitiesOverride = new GigProviderCapabilities { Kinds = [GigKind.Job, GigKind.Service] } };
        var rates = new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("USD", "IDR", 15_000m), FixedExchangeRateProvider.Rate("USD", "EUR", 0.9m));
        var aggregator = new GigAggregator([provider], exchangeRates: rates, timeProvider: new FakeTimeProvider(Now));
        var result = await aggregator.SearchAllAsync(GigQuery.Parse(query), TestContext.Current.CancellationToken);
        return string.Join(' ', result.Gigs.Select(g => g.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "hourly-react logo-fixed-idr no-budget redesign service-logo wp-site-usd")]
    [InlineData("logo", "logo-fixed-idr no-budget redesign service-logo wp-site-usd")]
    [InlineData("\"logo design\"", "logo-fixed-idr")]
    [InlineData("-logo", "hourly-react")]
    [InlineData("logos", "logo-fixed-idr no-budget redesign service-logo wp-site-usd")]
    [InlineData("designer", "logo-fixed-idr service-logo")]
    [InlineData("developers", "hourly-react")]
    [InlineData("-logos", "hourly-react logo-fixed-idr no-budget service-logo wp-site-usd")]
    [InlineData("kind:service", "service-logo")]
    [InlineData("kind:job", "hourly-react logo-fixed-idr no-budget redesign wp-site-usd")]
    [InlineData("budget:>=20USD", "hourly-react logo-fixed-idr redesign wp-site-usd")]
    [InlineData("budget:<=50USD", "hourly-react logo-fixed-idr service-logo")]
    [InlineData("budget:<=1000000IDR", "hourly-react logo-fixed-idr service-logo")]
    [InlineData("budget:200..250USD", "redesign")]
    [InlineData("type:hourly", "hourly-react")]
    [InlineData("type:fixed", "logo-fixed-idr redesign service-logo wp-site-usd")]
    [InlineData("posted:<1d", "logo-fixed-idr no-budget")]
    [InlineData("posted:<1w", "hourly-react logo-fixed-idr no-budget wp-site-usd")]
    [InlineData("skill:reactjs", "hourly-react")]
    [InlineData("skill:php,illustrator", "logo-fixed-idr wp-site-usd")]
    [InlineData("country:ID", "logo-fixed-idr no-budget")]
    [InlineData("country:\"United Kingdom\",DEU", "hourly-react redesign")]
    [InlineData("payment:verified", "hourly-react logo-fixed-idr no-budget redesign")]
    [InlineData("rating:>=4.5", "logo-fixed-idr no-budget service-logo")]
    [InlineData("proposals:<=10", "logo-fixed-idr no-budget")]
    public async Task EachFilterAlone(string query, string expected) => Assert.Equal(expected, await MatchingIds(query));

    [Theory]
    [InlineData("logo -wordpress budget:<=2000000IDR payment:verified posted:<3d", "logo-fixed-idr")]
    [InlineData("logo kind:job country:ID proposals:<=10", "logo-fixed-idr no-budget")]
    [InlineData("budget:>=10USD type:hourly skill:typescript payment:verified posted:<2d", "hourly-react")]
    [InlineData("logo rating:>=4.5 budget:<=10USD", "service-logo")]
    [InlineData("logo country:US payment:verified", "")]
    public async Task FiltersCombined(string query, string expected) => Assert.Equal(expected, await MatchingIds(query));

    [Theory]
    [InlineData("design", "Logo design for a coffee shop", true)]
    [InlineData("design", "Webdesigner wanted", false)]
    [InlineData("design", "designer wanted", true)]
    [InlineData("design", "web-design", true)]
    [InlineData("java", "JavaScript developer", true)]
    [InlineData("logo", "", false)]
    public void AKeywordMustStartAWord(string term, string text, bool expected) =>
        Assert.Equal(expected, GigMatcher.ContainsWordStart(text, term));

    [Theory]
    [InlineData("development", "develop")]
    [InlineData("designer", "design")]
    [InlineData("logos", "logo")]
    [InlineData("translation", "transl")]
    [InlineData("writing", "writ")]
    [InlineData("companies", "compan")]
    [InlineData("css", null)]
    [InlineData("logo", null)]
    [InlineData("landing page", null)]
    public void KeywordsAlsoMatchByTheirStem(string term, string? stem) => Assert.Equal(stem, GigMatcher.Stem(term));
}

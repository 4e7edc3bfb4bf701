namespace FreelanceAggregator.Tests;

public sealed class GigQueryParseTests
{
    [Fact]
    public void TheIssueExampleParsesIntoEveryField()
    {
        var query = GigQuery.Parse("logo design -wordpress budget:>=500000IDR type:fixed posted:<3d site:fiverr,upwork kind:service sort:newest limit:100");

        Assert.Equal(["logo", "design"], query.Keywords);
        Assert.Equal(["wordpress"], query.ExcludedWords);
        Assert.Equal(new Money(500_000m, Currency.IDR), query.MinBudget);
        Assert.Null(query.MaxBudget);
        Assert.Equal(BudgetType.Fixed, query.BudgetType);
        Assert.Equal(TimeSpan.FromDays(3), query.PostedWithin);
        Assert.Equal(["fiverr", "upwork"], query.Providers);
        Assert.Equal(GigKind.Service, query.Kind);
        Assert.Equal(GigSort.Newest, query.Sort);
        Assert.Equal(100, query.Limit);
    }

    [Fact]
    public void EveryOtherFilterParses()
    {
        var query = GigQuery.Parse("\"landing page\" skill:React.js,python country:ID,\"United States\" payment:verified rating:>=4.5 proposals:<5 currency:IDR budget:1..2jt");

        Assert.Equal(["landing page"], query.Keywords);
        Assert.Equal("\"landing page\"", query.KeywordText);
        Assert.Equal(["React.js", "python"], query.Skills);
        Assert.Equal(["ID", "US"], query.ClientCountries);
        Assert.True(query.PaymentVerifiedOnly);
        Assert.Equal(4.5m, query.MinRating);
        Assert.Equal(4, query.MaxProposals);
        Assert.Equal(Currency.IDR, query.TargetCurrency);
        Assert.Equal(new Money(1_000_000m, Currency.IDR), query.MinBudget);
        Assert.Equal(new Money(2_000_000m, Currency.IDR), query.MaxBudget);
    }

    [Theory]
    [InlineData("budget:100..500USD", "100", "500", "USD")]
    [InlineData("budget:<=1000000IDR", null, "1000000", "IDR")]
    [InlineData("budget:=50USD", "50", "50", "USD")]
    [InlineData("budget:>=500 currency:USD", "500", null, "USD")]
    [InlineData("currency:AUD budget:>=$20", "20", null, "AUD")]
    public void BudgetsTakeTheFormsTheSyntaxAllows(string text, string? min, string? max, string currency)
    {
        var query = GigQuery.Parse(text);

        Assert.Equal(min, query.MinBudget?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(max, query.MaxBudget?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(currency, (query.MinBudget ?? query.MaxBudget)!.Value.Currency.Code);
    }

    [Theory]
    [InlineData("posted:<30min", 0, 30)]
    [InlineData("posted:<12h", 0, 720)]
    [InlineData("posted:<=2w", 14, 0)]
    [InlineData("posted:7d", 7, 0)]
    public void AgesTakeMinutesHoursDaysAndWeeks(string text, int days, int minutes) =>
        Assert.Equal(TimeSpan.FromDays(days) + TimeSpan.FromMinutes(minutes), GigQuery.Parse(text).PostedWithin);

    [Theory]
    [InlineData("logo colour:red", "'colour:'", "budget:")]
    [InlineData("budget:>=500", "'budget:>=500'", "needs a currency")]
    [InlineData("budget:>500USD", "'budget:>500USD'", "inclusive")]
    [InlineData("budget:>=$500", "'budget:>=$500'", "ISO code")]
    [InlineData("budget:>=5ABC", "'budget:>=5ABC'", "ISO 4217")]
    [InlineData("type:weekly", "'type:weekly'", "type:fixed or type:hourly")]
    [InlineData("posted:<3m", "'posted:<3m'", "posted:<3d")]
    [InlineData("limit:0", "'limit:0'", "from 1 to 10000")]
    [InlineData("limit:lots", "'limit:lots'", "whole number")]
    [InlineData("country:Atlantis", "'Atlantis'", "country")]
    [InlineData("country:\"United Stat\ud83ds\"", "United Stat", "country")]
    [InlineData("sort:popular", "'sort:popular'", "sort:newest")]
    [InlineData("rating:>=6", "'rating:>=6'", "0 to 5")]
    [InlineData("kind:freelancer", "'kind:freelancer'", "kind:job or kind:service")]
    [InlineData("currency:XYZ", "'XYZ'", "ISO 4217")]
    [InlineData("budget:", "'budget:'", "no value")]
    [InlineData("\"logo design", "never closed", "\"")]
    [InlineData("budget:>=500USD budget:<=100USD", "above its maximum", "USD 500.00")]
    public void AnUnknownOrMalformedTokenIsAnErrorNamingItAndWhatWasExpected(string text, string namesTheToken, string saysWhatWasExpected)
    {
        var ex = Assert.Throws<FormatException>(() => GigQuery.Parse(text));

        Assert.Contains(namesTheToken, ex.Message, StringComparison.Ordinal);
        Assert.Contains(saysWhatWasExpected, ex.Message, StringComparison.Ordinal);
        Assert.False(GigQuery.TryParse(text, out var query, out var error));
        Assert.Null(query);
        Assert.Equal(ex.Message, error);
    }

    [Fact]
    public void AColonInsideQuotesIsPartOfAKeyword()
    {
        var query = GigQuery.Parse("\"c#:net\" logo");

        Assert.Equal(["c#:net", "logo"], query.Keywords);
    }

    [Theory]
    [InlineData("logo design -wordpress budget:>=500000IDR type:fixed posted:<3d site:fiverr,upwork kind:service sort:newest limit:100")]
    [InlineData("\"landing page\" budget:100..500USD skill:react country:ID payment:verified rating:>=4.5 proposals:<=10 currency:IDR sort:budget-low")]
    [InlineData("")]
    public void ToStringWritesTheOneLineFormBack(string text)
    {
        var query = GigQuery.Parse(text);

        Assert.Equal(text, query.ToString());
        Assert.Equal(query, GigQuery.Parse(query.ToString()));
    }

    [Fact]
    public void QueriesAskingForTheSameThingAreEqualWhateverListsHoldTheirTerms()
    {
        var built = new GigQuery
        {
            Keywords = new List<string> { "logo", "design" },
            Providers = ["Fiverr", "upwork"],
            Skills = ["illustrator"],
            ClientCountries = ["Indonesia"],
            MinBudget = new Money(500_000m, Currency.IDR),
            Limit = 100,
        };
        var parsed = GigQuery.Parse("logo design site:fiverr,upwork skill:illustrator country:ID budget:>=500000IDR limit:100");

        Assert.Equal(built, parsed);
        Assert.True(built == parsed);
        Assert.Equal(built.GetHashCode(), parsed.GetHashCode());
        Assert.Single(new HashSet<GigQuery> { built, parsed });
    }

    [Theory]
    [InlineData("design logo")]
    [InlineData("logo design site:fiverr")]
    [InlineData("logo design limit:99")]
    [InlineData("logo design budget:>=500001IDR")]
    [InlineData("logo design payment:verified")]
    [InlineData("logo design -wordpress")]
    public void QueriesThatDifferInOneTermAreNotEqual(string other)
    {
        var query = GigQuery.Parse("logo design");

        Assert.NotEqual(query, GigQuery.Parse(other));
    }

    // Found by a longer fuzzing run: an amount with three decimals was written "1.125USD", which reads back as 1,125.
    [Theory]
    [InlineData("1.125", "USD")]
    [InlineData("100.500", "USD")]
    [InlineData("1.250", "KWD")]
    [InlineData("0.001", "USD")]
    [InlineData("1500000", "IDR")]
    public void BudgetsAreWrittenSoThatTheyReadBackTheSame(string amount, string currency)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);
        var query = new GigQuery { MinBudget = money, MaxBudget = money };

        var again = GigQuery.Parse(query.ToString());

        Assert.Equal(money, again.MinBudget);
        Assert.Equal(money, again.MaxBudget);
        Assert.Equal(query, again);
    }

    [Fact]
    public void PropertiesRejectValuesOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GigQuery { Limit = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GigQuery { Limit = GigQuery.MaxLimit + 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GigQuery { MinRating = 5.5m });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GigQuery { PostedWithin = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GigQuery { MinBudget = new Money(-1m, Currency.USD) });
        var ex = Assert.Throws<ArgumentException>(() => new GigQuery { ClientCountries = ["Narnia"] });
        Assert.Contains("Narnia", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiltersSaysWhichFiltersAreUsed()
    {
        Assert.Equal(GigFilters.None, new GigQuery().Filters);
        Assert.Equal(GigFilters.Keywords | GigFilters.Budget | GigFilters.PaymentVerified, GigQuery.Parse("logo budget:>=5USD payment:verified").Filters);
    }
}

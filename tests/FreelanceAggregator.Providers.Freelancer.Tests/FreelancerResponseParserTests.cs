using System.Net;
using System.Text;
using FreelanceAggregator.Testing;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The pure parser: body text in, projects and warnings out, and only <see cref="GigProviderException"/> on bad input.</summary>
public sealed class FreelancerResponseParserTests
{
    private static readonly Uri Api = new("https://www.freelancer.com/api/projects/0.1/projects/active/?limit=100&offset=0");

    private static FreelancerParseSettings Settings(HttpStatusCode status = HttpStatusCode.OK, bool tokenSent = false) =>
        new("freelancer", new Uri("https://www.freelancer.com/"), Api, status, new DateOnly(2026, 11, 23), tokenSent);

    private static string Page(string projects, string users = "{}") =>
        $$"""{"status":"success","result":{"projects":[{{projects}}],"total_count":1,"users":{{users}}},"request_id":"0123456789abcdef0123456789abcdef"}""";

    private static string Project(string extra = "", string id = "31556945", string currency = """{"id":1,"code":"USD","exchange_rate":1}""") =>
        $$"""{"id":{{id}},"owner_id":1411374,"title":"Logo","seo_url":"logo-design/Logo","currency":{{currency}},"type":"fixed","budget":{"minimum":250,"maximum":750}{{extra}}}""";

    [Fact]
    public void TheSitesRateIsReadExactlyEvenInExponentNotation()
    {
        var page = FreelancerResponseParser.Parse(Fixtures.Read("projects-page1.json"), Settings());

        Assert.Contains(new ExchangeRate(Currency.IDR, Currency.USD, 0.0000612m, new DateOnly(2026, 11, 23), "Freelancer.com currency.exchange_rate"), page.ExchangeRates);
        Assert.Equal(1.368889m, Assert.Single(page.ExchangeRates, r => r.From == Currency.GBP).Rate);

        // USD's own "rate" of 1 is no rate.
        Assert.DoesNotContain(page.ExchangeRates, r => r.From == Currency.USD);
        Assert.Equal(6, page.ProjectCount);
        Assert.Equal(9, page.TotalCount);
        Assert.Empty(page.Warnings);
    }

    [Theory]
    [InlineData("""{"id":40,"code":"TKN","exchange_rate":0.0,"is_external":true}""", "'TKN'")]
    [InlineData("""{"id":1,"code":null}""", "no currency code")]
    [InlineData("null", "no currency code")]
    public void ABudgetInACurrencyThatIsNotKnownIsLeftOutNeverGuessed(string currency, string named)
    {
        var page = FreelancerResponseParser.Parse(Page(Project(currency: currency)), Settings());

        var gig = Assert.Single(page.Gigs);
        Assert.Null(gig.Budget);
        Assert.Empty(page.ExchangeRates);
        var warning = Assert.Single(page.Warnings);
        Assert.Equal(GigWarning.ForListing(GigWarningKind.ValueUnreadable, "31556945", "budget", warning.Message), warning);
        Assert.StartsWith("freelancer: project 31556945 ", warning.Message, StringComparison.Ordinal);
        Assert.Contains(named, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":11,"code":"INR","exchange_rate":0}""")]
    [InlineData("""{"id":11,"code":"INR","exchange_rate":-0.01}""")]
    [InlineData("""{"id":11,"code":"INR","exchange_rate":"n/a"}""")]
    [InlineData("""{"id":11,"code":"INR","exchange_rate":1e40}""")]
    public void ARateThatIsNotPositiveOrNotANumberIsNotReported(string currency)
    {
        var page = FreelancerResponseParser.Parse(Page(Project(currency: currency)), Settings());

        Assert.Empty(page.ExchangeRates);
        Assert.Equal(Currency.INR, Assert.Single(page.Gigs).Budget?.Currency);
    }

    [Theory]
    [InlineData("""{"id":null,"title":"x","seo_url":"a/b"}""", null, "id")]
    [InlineData("""{"id":-5,"title":"x","seo_url":"a/b"}""", null, "id")]
    [InlineData("""{"id":7,"title":"   ","seo_url":"a/b"}""", "7", "title")]
    [InlineData("""{"id":7,"title":"x","seo_url":"/"}""", "7", "url")]
    [InlineData("""42""", null, null)]
    public void AProjectWithoutIdTitleOrPageIsSkippedWithAWarningNamingIt(string project, string? id, string? field)
    {
        var page = FreelancerResponseParser.Parse(Page(project), Settings());

        Assert.Empty(page.Gigs);
        Assert.Equal(1, page.ProjectCount);
        var warning = Assert.Single(page.Warnings);
        Assert.Equal(GigWarningKind.ListingSkipped, warning.Kind);
        Assert.Equal(id, warning.ListingId);
        Assert.Equal(field, warning.Field);
        Assert.StartsWith("freelancer: ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdWrittenAsAFloatIsTheSameProject()
    {
        Assert.Equal("31556945", Assert.Single(FreelancerResponseParser.Parse(Page(Project(id: "31556945.0")), Settings()).Gigs).Id);
    }

    [Theory]
    [InlineData("../../evil?x#y", "https://www.freelancer.com/projects/evil%3Fx%23y")]
    [InlineData("https://evil.example/x", "https://www.freelancer.com/projects/https%3A/evil.example/x")]
    [InlineData(" /php/Caf%C3%A9-menu/ ", "https://www.freelancer.com/projects/php/Caf%C3%A9-menu")]
    public void ASlugCanNeverLeaveTheSiteOrAddAQuery(string seoUrl, string expected)
    {
        var project = Project($$""","seo_url":"{{seoUrl}}" """).Replace("\"seo_url\":\"logo-design/Logo\",", string.Empty, StringComparison.Ordinal);
        var gig = Assert.Single(FreelancerResponseParser.Parse(Page(project), Settings()).Gigs);

        Assert.Equal(expected, gig.Url.AbsoluteUri);
        Assert.Equal("www.freelancer.com", gig.Url.Host);
    }

    [Theory]
    [InlineData(""","type":null,"hourly_project_info":{"commitment":null}""", BudgetType.Hourly)]
    [InlineData(""","type":"HOURLY" """, BudgetType.Hourly)]
    [InlineData(""","type":"Fixed" """, BudgetType.Fixed)]
    public void TheBudgetTypeComesFromTypeOrTheHourlyInformation(string extra, BudgetType expected)
    {
        var json = Project(extra).Replace("\"type\":\"fixed\",", string.Empty, StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(FreelancerResponseParser.Parse(Page(json), Settings()).Gigs).Budget?.Type);
    }

    [Theory]
    [InlineData(""","type":"contest" """, "'contest'")]
    [InlineData(""","budget":{"minimum":900,"maximum":100}""", "minimum above its maximum")]
    [InlineData(""","budget":{"minimum":-1,"maximum":100}""", "negative")]
    public void ABudgetThatMakesNoSenseIsLeftOutWithAWarning(string extra, string named)
    {
        var json = Project(extra);
        json = extra.Contains("type", StringComparison.Ordinal) ? json.Replace("\"type\":\"fixed\",", string.Empty, StringComparison.Ordinal) : json.Replace("\"budget\":{\"minimum\":250,\"maximum\":750}", "\"x\":0", StringComparison.Ordinal);
        var page = FreelancerResponseParser.Parse(Page(json), Settings());

        Assert.Null(Assert.Single(page.Gigs).Budget);
        var warning = Assert.Single(page.Warnings);
        Assert.Equal(GigWarning.ForListing(GigWarningKind.ValueUnreadable, "31556945", "budget", warning.Message), warning);
        Assert.Contains(named, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"id":1411374,"public_name":"Justin G.","status":{"payment_verified":true},"employer_reputation":{"overall":4.2,"reviews":3}}]""", 4.2, 3)]
    [InlineData("""{"1411374":{"username":"monetise","employer_reputation":{"entire_history":{"overall":7,"reviews":3}}}}""", null, 3)]
    [InlineData("""{"1411374":{"username":"monetise","reputation":{"entire_history":{"overall":4.9,"reviews":12},"role":"employer"}}}""", 4.9, 12)]
    [InlineData("""{"1411374":{"username":"monetise","reputation":{"entire_history":{"overall":4.9,"reviews":12},"role":"freelancer"}}}""", null, null)]
    public void TheBuyersRatingIsTheirEmployerReputationInAnyOfItsShapes(string users, double? rating, int? reviews)
    {
        var client = Assert.Single(FreelancerResponseParser.Parse(Page(Project(), users), Settings()).Gigs).Client;

        Assert.NotNull(client);
        Assert.Equal(rating is { } r ? (decimal)r : null, client.Rating);
        Assert.Equal(reviews, client.Reviews);
    }

    [Theory]
    [InlineData("""{"status":"success","result":{"projects":[PROJECT],"total_count":1},"request_id":"ab"}""")]
    [InlineData("""{"status":"success","result":{"projects":[PROJECT],"total_count":1,"users":null}}""")]
    [InlineData("""{"status":"success","result":{"projects":[PROJECT],"total_count":1,"users":[]}}""")]
    [InlineData("""{"status":"success","result":{"projects":[PROJECT],"total_count":1,"users":{"99":{"id":99,"username":"someone"}}}}""")]
    [InlineData("""{"status":"success","result":{"projects":[PROJECT],"total_count":1,"users":"none"}}""")]
    public void UsersMissingEmptyOrWithoutTheOwnerGiveAProjectWithoutBuyer(string body)
    {
        var page = FreelancerResponseParser.Parse(body.Replace("PROJECT", Project(), StringComparison.Ordinal), Settings());

        var gig = Assert.Single(page.Gigs);
        Assert.Null(gig.Client);
        Assert.Equal(Budget.Fixed(new Money(250m, Currency.USD), new Money(750m, Currency.USD)), gig.Budget);
        Assert.Empty(page.Warnings);
    }

    [Theory]
    [InlineData(""","time_submitted":99999999999999""")]
    [InlineData(""","time_submitted":-5""")]
    [InlineData(""","time_submitted":"yesterday" """)]
    [InlineData(""","time_submitted":1e300""")]
    [InlineData(""","time_submitted":86400""")]
    public void AnImpossiblePostingTimeIsMissingNotACrash(string extra)
    {
        Assert.Null(Assert.Single(FreelancerResponseParser.Parse(Page(Project(extra)), Settings()).Gigs).PostedAt);
    }

    [Fact]
    public void TheNewerNestedErrorShapeIsReadToo()
    {
        const string body = """{"status":"error","request_id":"ab","error":{"code":"RestExceptionCodes.NOT_AUTHENTICATED","detail":"The access token has expired","http_code":401,"source":"auth"}}""";
        var error = Assert.Throws<GigProviderException>(() => FreelancerResponseParser.ThrowIfSiteError(body, Settings(HttpStatusCode.Unauthorized, tokenSent: true)));

        Assert.Equal(GigProviderFailure.Unauthorized, error.Failure);
        Assert.Equal("RestExceptionCodes.NOT_AUTHENTICATED", error.SiteErrorCode);
        Assert.Contains("\"The access token has expired\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("the OAuthToken was refused", error.Message, StringComparison.Ordinal);
        Assert.Contains(Api.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorWithoutStatusAndALongMessageIsCutToSize()
    {
        var body = $$"""{"message":"{{new string('x', 5000)}}","error_code":"ProjectExceptionCodes.SOMETHING"}""";
        var error = Assert.Throws<GigProviderException>(() => FreelancerResponseParser.Parse(body, Settings()));

        Assert.Equal(GigProviderFailure.SiteError, error.Failure);
        Assert.True(error.Message.Length < 600, error.Message);
    }

    [Fact]
    public void A429EnvelopeIsRateLimited()
    {
        const string body = """{"status":"error","message":"Too many requests","error_code":"RestExceptionCodes.RATE_LIMITED"}""";
        var error = Assert.Throws<GigProviderException>(() => FreelancerResponseParser.ThrowIfSiteError(body, Settings(HttpStatusCode.TooManyRequests)));

        Assert.Equal(GigProviderFailure.RateLimited, error.Failure);
    }

    [Theory]
    [InlineData("Internal Server Error")]
    [InlineData("")]
    [InlineData("{\"status\":\"success\",\"result\":{\"projects\":[]}}")]
    public void ANonErrorBodyLeavesTheStatusToSpeak(string body) =>
        FreelancerResponseParser.ThrowIfSiteError(body, Settings(HttpStatusCode.BadGateway));

    [Fact]
    public void MangledAnswersGiveOnlyGigProviderExceptions()
    {
        // A small, deterministic cousin of the fuzzing the benchmarks issue runs: cut, flip, delete and repeat.
        var random = new Random(20261123);
        string[] fixtures = ["projects-page1.json", "projects-page2.json", "projects-id.json", "projects-nulls.json", "error-envelope.json"];
        foreach (var name in fixtures)
        {
            var original = Fixtures.Read(name);
            for (var i = 0; i < 200; i++)
            {
                var mutated = Mutate(original, random);
                try
                {
                    FreelancerResponseParser.ThrowIfSiteError(mutated, Settings(HttpStatusCode.BadRequest));
                    var page = FreelancerResponseParser.Parse(mutated, Settings());
                    Assert.All(page.Gigs, g => Assert.Equal("www.freelancer.com", g.Url.Host));
                }
                catch (GigProviderException)
                {
                }
            }
        }
    }

    private const string Noise = "{}[]\":,0-9eE.nulltrfs\\ ";

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && builder.Length > 1; e++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Length = at;
                    break;
                case 1:
                    builder[at] = Noise[random.Next(Noise.Length)];
                    break;
                case 2:
                    builder.Remove(at, Math.Min(random.Next(1, 40), builder.Length - at));
                    break;
                case 3:
                    builder.Insert(at, builder.ToString(at, Math.Min(random.Next(1, 200), builder.Length - at)));
                    break;
                default:
                    builder.Insert(at, random.Next(3) switch { 0 => "null", 1 => "1e999", _ => "\"\"" });
                    break;
            }
        }

        return builder.ToString();
    }
}

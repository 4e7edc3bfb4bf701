using FreelanceAggregator.Testing;

namespace FreelanceAggregator.Providers.Microworkers.Tests;

/// <summary>What the job list's rows become: exact values of jobs of each group, the older table rows, odd rows, and the empty list.</summary>
public sealed class MicroworkersListingTests : MicroworkersServerTests
{
    private static readonly Uri PageUri = new("https://www.microworkers.com/jobs.php?page=1");

    [Fact]
    public async Task ABasicJobHasItsTitleLinkPaymentAndFigures()
    {
        Site.StubResults(Server.Server);

        var (result, _) = await SearchAsync();

        var job = Assert.Single(result.Gigs, g => g.Id == "3f9a1c27b0de");
        Assert.Equal("microworkers", job.Provider);
        Assert.Equal(GigKind.Job, job.Kind);
        Assert.Equal("Sign up + Verify email + Screenshot", job.Title);
        Assert.Equal(new Uri("https://www.microworkers.com/jobs_details.php?Id=c93f5a1q8k2e7d4b6a0f31"), job.Url);
        Assert.Null(job.Description);
        Assert.Equal(Budget.Fixed(new Money(0.30m, Currency.USD), new Money(0.30m, Currency.USD)), job.Budget);
        Assert.Equal(BudgetType.Fixed, job.Budget!.Type);
        AssertExtra(job, group: "basic", successRate: 90, ttrDays: 7, ttfMinutes: 10, done: 2980, total: 3000, remaining: 20);
    }

    [Fact]
    public async Task ATtvJobLinksToItsTaskPageOnTtvMicroworkers()
    {
        Site.StubResults(Server.Server);

        var (result, _) = await SearchAsync();

        var job = Assert.Single(result.Gigs, g => g.Id == "7b21e04c9a13");
        Assert.Equal("TTV - Search + Vote + Honest Review", job.Title);
        Assert.Equal(new Uri("https://ttv.microworkers.com/dotask/info/7b21e04c9a13_B"), job.Url);
        Assert.Equal(0.15m, job.Budget!.Min!.Value.Amount);
        Assert.Equal(Currency.USD, job.Budget.Currency);
        AssertExtra(job, group: "ttv", successRate: 85, ttrDays: 5, ttfMinutes: 15, done: 412, total: 1500, remaining: 1088);
    }

    [Fact]
    public async Task AHireGroupJobLinksToItsHireGroupPage()
    {
        Site.StubResults(Server.Server);

        var (result, _) = await SearchAsync();

        var job = Assert.Single(result.Gigs, g => g.Id == "22d8586c4f01");
        Assert.Equal("Hire Group: Indonesian product description (50 words)", job.Title);
        Assert.Equal(new Uri("https://www.microworkers.com/hm_jobs_details.php?Id=22d8586c4f01"), job.Url);
        Assert.Equal(new Money(1.20m, Currency.USD), job.Budget!.Max);
        AssertExtra(job, group: "hireGroup", successRate: 95, ttrDays: 3, ttfMinutes: 60, done: 37, total: 40, remaining: 3);
    }

    [Fact]
    public async Task BudgetsConvertFromUsdAndTheListCarriesNothingItDoesNotShow()
    {
        Site.StubResults(Server.Server);

        var (result, outcome) = await SearchAsync(new GigQuery { Limit = GigQuery.MaxLimit, TargetCurrency = Currency.IDR });

        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.DoesNotContain(outcome.Warnings, w => w.Kind != GigWarningKind.Notice);
        Assert.All(result.Gigs, g =>
        {
            Assert.Equal(Currency.IDR, g.ConvertedBudget!.Min!.Value.Currency);
            Assert.Null(g.PostedAt);
            Assert.Null(g.Client);
            Assert.Null(g.Proposals);
            Assert.Empty(g.Skills);
        });
    }

    [Fact]
    public void TheOlderTableRowsGiveIdTitleLinkAndPayment()
    {
        var page = MicroworkersParser.Parse(Fixtures.Read("jobs-old-rows.html"), PageUri, "microworkers", new MicroworkersPageOptions());

        Assert.Equal(3, page.Rows);
        Assert.Empty(page.Warnings);
        Assert.Equal(["88123", "88140", "88152"], page.Gigs.Select(g => g.Id));
        var review = page.Gigs[2];
        Assert.Equal("Write a 150 words review on your blog", review.Title);
        Assert.Equal(new Uri("https://www.microworkers.com/jobs_details.php?Id=88152"), review.Url);
        Assert.Equal(new Money(1.50m, Currency.USD), review.Budget!.Min);
        Assert.Equal("basic", review.Extra["group"]);
        Assert.False(review.Extra.ContainsKey("successRate"));
    }

    [Fact]
    public async Task TheOlderTableRowsAreReadThroughTheProviderToo()
    {
        Server.Server.Given(Site.SearchRequest()).RespondWith(Site.Answer("jobs-old-rows.html"));

        var page = await FetchPageAsync();

        Assert.Equal(["88123", "88140", "88152"], page.Listings.Select(g => g.Id));
        Assert.Null(page.NextCursor);
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public void OddRowsAreSkippedOrKeptWithAWarningNamingTheJobAndTheValue()
    {
        var page = MicroworkersParser.Parse(Fixtures.Read("jobs-odd-rows.html"), PageUri, "microworkers", new MicroworkersPageOptions());

        Assert.Equal(8, page.Rows);
        Assert.Equal(["k3m9x2q7", "6a1f0e9d3b24", "4f5a6b7c8d9e", "5a6b7c8d9e0f"], page.Gigs.Select(g => g.Id));

        // No id on the row: the link's Id; three decimals are cents and a tenth, not thousands.
        var retweet = page.Gigs[0];
        Assert.Equal(new Money(0.105m, Currency.USD), retweet.Budget!.Min);
        Assert.Equal(95.5m, retweet.Extra["successRate"]);
        Assert.Equal(2, retweet.Extra["ttrDays"]);
        Assert.Equal(60, retweet.Extra["ttfMinutes"]);
        Assert.Equal(1250, retweet.Extra["done"]);
        Assert.Equal(750, retweet.Extra["remaining"]);

        // Unreadable values are warnings; the job is kept, and the script inside the title is not text.
        var survey = page.Gigs[1];
        Assert.Equal("Survey about online shopping (10 questions)", survey.Title);
        Assert.Null(survey.Budget);
        Assert.Equal(["group"], survey.Extra.Keys);
        var unreadable = page.Warnings.Where(w => w.Kind == GigWarningKind.ValueUnreadable).ToList();
        Assert.All(unreadable, w => Assert.Equal("6a1f0e9d3b24", w.ListingId));
        Assert.Equal(["budget", "successRate", "ttrDays", "ttfMinutes", "done"], unreadable.Select(w => w.Field));
        Assert.Contains("'€0.30' is not an amount in US dollars", unreadable[0].Message, StringComparison.Ordinal);

        // Rows that cannot be a job are skipped, each named.
        var skipped = page.Warnings.Where(w => w.Kind == GigWarningKind.ListingSkipped).ToList();
        Assert.Equal([("0b2c3d4e5f60", "url"), ("1c2d3e4f5a6b", "url"), ("2d3e4f5a6b7c", "url"), ("3e4f5a6b7c8d", "title")], skipped.Select(w => (w.ListingId, w.Field)));
        Assert.All(page.Gigs, g => Assert.True(GigUrls.IsOnHost(g.Url, "microworkers.com"), g.Url.AbsoluteUri));

        // A large payment with thousands separators, minutes that are two days, and a TTV row with nothing but a link.
        Assert.Equal(1250.00m, page.Gigs[2].Budget!.Min!.Value.Amount);
        Assert.Equal(2880, page.Gigs[2].Extra["ttfMinutes"]);
        Assert.Equal(1, page.Gigs[2].Extra["remaining"]);
        Assert.Equal("ttv", page.Gigs[3].Extra["group"]);
        Assert.Null(page.Gigs[3].Budget);
    }

    [Fact]
    public async Task TheEmptyListIsZeroJobsAndASuccess()
    {
        Site.StubEmpty(Server.Server);

        var (result, outcome) = await SearchAsync();

        Assert.Empty(result.Gigs);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(1, outcome.PageCount);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void ADifferentNoJobsTextCanBeSetInTheOptions()
    {
        var html = Fixtures.Read("jobs-empty.html").Replace("There are no jobs available for you at the moment.", "Tidak ada pekerjaan saat ini.", StringComparison.Ordinal);

        var refused = Assert.Throws<GigProviderException>(() => MicroworkersParser.Parse(html, PageUri, "microworkers", new MicroworkersPageOptions()));
        var read = MicroworkersParser.Parse(html, PageUri, "microworkers", new MicroworkersPageOptions { NoJobsText = "tidak ada pekerjaan" });

        Assert.Equal(GigProviderFailure.InvalidResponse, refused.Failure);
        Assert.Empty(read.Gigs);
    }

    private static void AssertExtra(Gig job, string group, int successRate, int ttrDays, int ttfMinutes, int done, int total, int remaining)
    {
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["group"] = group,
                ["successRate"] = successRate,
                ["ttrDays"] = ttrDays,
                ["ttfMinutes"] = ttfMinutes,
                ["done"] = done,
                ["total"] = total,
                ["remaining"] = remaining,
            }.OrderBy(e => e.Key),
            job.Extra.OrderBy(e => e.Key));
    }
}

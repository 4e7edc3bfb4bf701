using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>What a user of Freelancer.com sees in each project: exact values, the buyer, what is left out and why.</summary>
public sealed class FreelancerListingTests : IDisposable
{
    private readonly WireMockTestServer _server = WireMockTestServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task AUsdFixedProjectKeepsEveryValueTheSiteGave()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var gig = Assert.Single(result.Gigs, g => g.Id == "31556945");
        Assert.Equal("freelancer", gig.Provider);
        Assert.Equal(GigKind.Job, gig.Kind);
        Assert.Equal("Magento 2 Infinite Scroll on Category pages", gig.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/magento/Magento-Infinite-Scroll-Category-pages"), gig.Url);
        Assert.Equal("Magento 2 Infinite Scroll on Category pages", gig.Description);
        Assert.Equal(Budget.Fixed(new Money(250m, Currency.USD), new Money(750m, Currency.USD)), gig.Budget);
        Assert.Equal(new DateTimeOffset(2021, 9, 20, 8, 48, 8, TimeSpan.Zero), gig.PostedAt);
        Assert.Equal(35, gig.Proposals);
        Assert.Equal(["PHP", "JavaScript", "Magento", "HTML"], gig.Skills);
        Assert.Equal("Websites, IT & Software", gig.Category);

        // The owner's employer reputation is all zeros: not rated yet, which is not a rating of 0.
        Assert.Equal(new GigClient { Name = "Justin G.", Country = "ZA", PaymentVerified = true, Rating = null, Reviews = 0 }, gig.Client);
        Assert.Equal(new Money(422.42857142857144m, Currency.USD), gig.Extra["bidAverage"]);
        Assert.Equal(false, gig.Extra["featured"]);
        Assert.Equal(false, gig.Extra["nda"]);
        Assert.Equal(7, gig.Extra["bidPeriodDays"]);
        Assert.Equal("en", gig.Extra["language"]);
        Assert.Equal(1411374L, gig.Extra["ownerId"]);
        Assert.Equal(new DateTimeOffset(2021, 9, 20, 8, 48, 8, TimeSpan.Zero), gig.Extra["updatedAt"]);
        Assert.Null(gig.ConvertedBudget?.Rate);
    }

    [Fact]
    public async Task AnInrFixedProjectKeepsRupeesAndIgnoresTheOwnersFreelancerReputation()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var gig = Assert.Single(result.Gigs, g => g.Id == "31555987");
        Assert.Equal("Dynamic Game Development", gig.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/javascript/Dynamic-Game-Development"), gig.Url);
        Assert.Equal(Budget.Fixed(new Money(37_500m, Currency.INR), new Money(75_000m, Currency.INR)), gig.Budget);
        Assert.Equal(new DateTimeOffset(2021, 9, 20, 8, 47, 17, TimeSpan.Zero), gig.PostedAt);
        Assert.Equal(4, gig.Proposals);
        Assert.Equal(["JavaScript", "CSS", "HTML5", "Game Development", "AngularJS"], gig.Skills);
        Assert.StartsWith("We are looking for an expert web-based game developer to develop the front-end of our game.\n\nTechnology preference: AngularJS,", gig.Description, StringComparison.Ordinal);
        Assert.EndsWith("configurable colors, images, etc.", gig.Description, StringComparison.Ordinal);

        // The capture holds only the user's reputation as a freelancer ("role": "freelancer"): no buyer rating.
        Assert.Equal(new GigClient { Name = "MuktaSadana", Country = "IN", PaymentVerified = true }, gig.Client);
        Assert.Equal(new Money(53_812.5m, Currency.INR), gig.Extra["bidAverage"]);
    }

    [Fact]
    public async Task HourlyProjectsCarryTheRatePerHourUpgradesAndTheBuyersRating()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var django = Assert.Single(result.Gigs, g => g.Id == "31556868");
        Assert.Equal("python django backend apis work", django.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/python/python-django-backend-apis-work"), django.Url);
        Assert.Equal(Budget.Hourly(new Money(2m, Currency.USD), new Money(8m, Currency.USD)), django.Budget);
        Assert.Equal("I have flutter app which has its backend apis already completed but there are some fixes required in some apis. I will provide you project details in pm.", django.Description);
        Assert.Equal(new DateTimeOffset(2021, 9, 20, 8, 37, 1, TimeSpan.Zero), django.PostedAt);
        Assert.Equal(5, django.Proposals);
        Assert.Equal(new GigClient { Name = "stepinnsolution", Country = "PK", PaymentVerified = true, Rating = 4.855098225828568m, Reviews = 69 }, django.Client);
        Assert.Equal(true, django.Extra["sealed"]);
        Assert.Equal(true, django.Extra["nda"]);
        Assert.Equal(true, django.Extra["bidsHidden"]);
        Assert.Equal(40, django.Extra["hourlyCommitmentHours"]);
        Assert.Equal("week", django.Extra["hourlyCommitmentInterval"]);
        Assert.Equal(new Money(6.6m, Currency.USD), django.Extra["bidAverage"]);

        var meteor = Assert.Single(result.Gigs, g => g.Id == "31556918");
        Assert.Equal("Radio Meteor Detection", meteor.Title);
        Assert.Equal(Budget.Hourly(new Money(10m, Currency.GBP), new Money(15m, Currency.GBP)), meteor.Budget);
        Assert.Equal(new GigClient { Name = "Jberman44", Country = "GB", PaymentVerified = false }, meteor.Client);
        Assert.Equal(["PHP", "JavaScript", "MySQL", "Web Hosting"], meteor.Skills);
    }

    [Fact]
    public async Task AnIdrProjectAndAProjectWhoseOwnerIsMissingFromUsersAreRead()
    {
        FreelancerTestAggregators.Site.StubResults(_server.Server);
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var logo = Assert.Single(result.Gigs, g => g.Id == "38412577");
        Assert.Equal("Desain logo untuk kedai kopi", logo.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/logo-design/Desain-logo-untuk-kedai-kopi"), logo.Url);
        Assert.Equal(Budget.Fixed(new Money(750_000m, Currency.IDR), new Money(1_500_000m, Currency.IDR)), logo.Budget);
        Assert.Equal("Kami butuh logo baru untuk kedai kopi di Bandung.\nFile akhir: AI dan PNG transparan.", logo.Description);
        Assert.Equal(new GigClient { Name = "Rina S.", Country = "ID", PaymentVerified = true, Rating = 4.8m, Reviews = 5 }, logo.Client);
        Assert.Equal("id", logo.Extra["language"]);
        Assert.Equal("Design, Media & Architecture", logo.Category);

        // The recorded 2019 body: floats for amounts, no bid_avg at zero bids, and an owner the users map lacks.
        var aud = Assert.Single(result.Gigs, g => g.Id == "15663823");
        Assert.Equal(Budget.Fixed(new Money(250m, Currency.AUD), new Money(750m, Currency.AUD)), aud.Budget);
        Assert.Equal(0, aud.Proposals);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 1, 15, 29, TimeSpan.Zero), aud.PostedAt);
        Assert.Null(aud.Client);
        Assert.Empty(aud.Skills);
        Assert.False(aud.Extra.ContainsKey("bidAverage"));
        Assert.Equal(25832131L, aud.Extra["ownerId"]);
    }

    [Fact]
    public async Task ProjectsWithNullsAndEmptyObjectsKeepWhatTheyHaveAndSkipOnlyWhatLacksAPage()
    {
        _server.Serve("projects-nulls.json");
        await using var aggregator = FreelancerTestAggregators.CreateFreelancer(_server);
        var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
        Assert.Equal(["40100001", "40100002"], result.Gigs.Select(g => g.Id));

        // owner_id, location, description and most flags null; budget without maximum; empty bid_stats and upgrades.
        var woo = result.Gigs[0];
        Assert.Equal("Fix WooCommerce checkout", woo.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/wordpress/Fix-WooCommerce-checkout"), woo.Url);
        Assert.Equal("Checkout page shows a blank screen after the last plugin update.", woo.Description);
        Assert.Equal(Budget.Fixed(new Money(30m, Currency.USD)), woo.Budget);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), woo.PostedAt);
        Assert.Null(woo.Proposals);
        Assert.Null(woo.Client);
        Assert.Null(woo.Category);
        Assert.Empty(woo.Skills);
        Assert.Empty(woo.Extra);

        // Strings where numbers are usual, an empty currency object, a users map without the owner, odd white space.
        var translate = result.Gigs[1];
        Assert.Equal("Translate product sheets EN to ID", translate.Title);
        Assert.Equal(new Uri("https://www.freelancer.com/projects/translation/Translate-product-sheets-EN-to-ID"), translate.Url);
        Assert.Null(translate.Budget);
        Assert.Equal(3, translate.Proposals);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero), translate.PostedAt);
        Assert.Equal(["Translation"], translate.Skills);
        Assert.Null(translate.Client);
        Assert.Equal(true, translate.Extra["featured"]);
        Assert.Equal(70000001L, translate.Extra["ownerId"]);

        Assert.Contains(outcome.Warnings, w => w is { Kind: GigWarningKind.ValueUnreadable, ListingId: "40100002", Field: "budget" });
        Assert.Contains(outcome.Warnings, w => w is { Kind: GigWarningKind.ListingSkipped, ListingId: "40100003", Field: "url" });
        Assert.Equal(2, outcome.Warnings.Count);
    }

    [Fact]
    public async Task TheRegistrationsShareOneMarketplaceAndDifferInSiteLanguageAndDisplayCurrency()
    {
        await using var aggregator = GigAggregator.Create(b => b.AddFreelancer().AddFreelancerIndonesia().AddFreelancer());

        Assert.Equal(["freelancer", "freelancer.co.id"], aggregator.Providers.Select(p => p.Name));
        var com = Assert.IsType<FreelancerProvider>(aggregator.Providers[0]);
        var id = Assert.IsType<FreelancerProvider>(aggregator.Providers[1]);
        Assert.Equal("freelancer", com.Capabilities.Marketplace);
        Assert.Equal("freelancer", id.Capabilities.Marketplace);
        Assert.Equal(["freelancer.com", "freelancer.co.id"], com.Capabilities.SiteHosts);
        Assert.Equal(com.Capabilities.SiteHosts, id.Capabilities.SiteHosts);
        Assert.Equal(GigFilters.All, id.Capabilities.FilterableFields);
        Assert.Null(com.Capabilities.DisplayCurrency);
        Assert.Equal(Currency.IDR, id.Capabilities.DisplayCurrency);
        Assert.Equal([GigKind.Job], com.Capabilities.Kinds);
    }
}

using System.Net;
using System.Text;
using FreelanceAggregator.Providers.Fiverr.Internal;
using FreelanceAggregator.Testing;
using Xunit;

namespace FreelanceAggregator.Providers.Fiverr.Tests;

/// <summary>The parser on its own: tolerance of the shapes real pages vary in, fallbacks, and the failures it reports.</summary>
public sealed class FiverrSearchPageParserTests
{
    private static readonly Uri PageUri = new("https://www.fiverr.com/search/gigs?query=custom%20website%20development");

    private static string Page(string json) =>
        "<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"utf-8\"><title>Fiverr / Search Results for 'q'</title></head><body>"
        + "<div id=\"perseus-app\"></div><script type=\"application/json\" id=\"perseus-initial-props\">" + json + "</script></body></html>";

    private static FiverrSearchPage Parse(string json) => FiverrSearchPageParser.Parse(Page(json), PageUri);

    private static GigProviderException Fails(string html, HttpStatusCode? status = null) =>
        Assert.Throws<GigProviderException>(() => FiverrSearchPageParser.Parse(html, PageUri, "fiverr", status));

    private const string CurrencyJson = "\"currency\":{\"name\":\"USD\",\"rate\":1,\"symbol\":\"$\"}";

    [Fact]
    public void TheFixturePageGivesItsGigsAndPagingFacts()
    {
        var page = FiverrSearchPageParser.Parse(Fixtures.Read("search-page1.html"), PageUri);

        Assert.Equal(7, page.EntryCount);
        Assert.Equal(6, page.Gigs.Count);
        Assert.Equal(60, page.Total);
        Assert.Equal(48, page.PageSize);
        Assert.True(page.HasMore);
        Assert.Empty(page.Warnings);
        Assert.True(page.HasPageAfter(1));
        Assert.False(page.HasPageAfter(2)); // 2 × 48 covers the 60 Fiverr counts
    }

    [Theory]
    [InlineData(7, 60L, 48, true, 1, true)]
    [InlineData(7, 60L, 48, true, 2, false)]
    [InlineData(7, null, null, true, 5, true)] // no total: Fiverr's has_more alone decides
    [InlineData(7, null, null, false, 1, false)]
    [InlineData(7, 100L, null, null, 2, true)] // no page size: Fiverr's 48
    [InlineData(7, 96L, null, null, 2, false)]
    [InlineData(7, 100L, 20, null, 5, false)]
    [InlineData(0, 100L, 48, true, 1, false)] // an empty page is the last, whatever it says
    public void ThePagingFactsSayWhetherAnotherPageFollows(int entries, long? total, int? pageSize, bool? hasMore, int page, bool expected) =>
        Assert.Equal(expected, new FiverrSearchPage([], [], entries, total, pageSize, hasMore).HasPageAfter(page));

    [Fact]
    public void NumbersAreReadWhateverTheirForm()
    {
        var page = Parse("{" + CurrencyJson + ",\"listings\":[{\"gigs\":[{\"gigId\":\"431643922\",\"title\":\"design a logo\",\"gig_url\":\"/ayaz/design-a-logo\","
            + "\"price_i\":\"110\",\"buying_review_rating\":\"4.7\",\"buying_review_rating_count\":51.0,\"seller_level\":\"level_three_seller\","
            + "\"packages\":{\"recommended\":{\"duration\":\"3\"}},\"seller_rating\":{\"count\":\"60\",\"score\":4.75},\"is_pro\":\"true\",\"extra\":{\"unknown\":[1,2]}}]}]}");

        var gig = Assert.Single(page.Gigs);
        Assert.Equal("431643922", gig.Id);
        Assert.Equal(Budget.Fixed(new Money(110m, Currency.USD)), gig.Budget);
        Assert.Equal(4.7m, gig.Seller?.Rating);
        Assert.Equal(51, gig.Seller?.Reviews);
        Assert.Equal("level_three_seller", gig.Seller?.Level);
        Assert.Equal(3, gig.Extra["deliveryDays"]);
        Assert.Equal(4.75m, gig.Extra["sellerRating"]);
        Assert.Equal(60, gig.Extra["sellerReviews"]);
        Assert.Equal(true, gig.Extra["pro"]);
    }

    [Theory]
    [InlineData("top_rated_seller", "Top Rated")]
    [InlineData("level_two_seller", "Level 2")]
    [InlineData("level_one_seller", "Level 1")]
    [InlineData("na", "New")]
    public void SellerLevelsAreInWords(string level, string words) => Assert.Equal(words, FiverrGigReader.LevelInWords(level));

    [Fact]
    public void ThePriceFallsBackToTheRecommendedPackage()
    {
        var page = Parse("{" + CurrencyJson + ",\"listings\":[{\"gigs\":[{\"gigId\":1,\"title\":\"t\",\"gig_url\":\"/s/t\",\"packages\":{\"recommended\":{\"price\":25}}}]}]}");

        Assert.Equal(new Money(25m, Currency.USD), Assert.Single(page.Gigs).Budget?.Min);
    }

    [Fact]
    public void TheCurrencyIsThePagesOwn()
    {
        var page = Parse("{\"currency\":{\"name\":\"EUR\",\"rate\":0.92,\"symbol\":\"€\"},\"listings\":[{\"gigs\":[{\"gigId\":1,\"title\":\"t\",\"gig_url\":\"/s/t\",\"price_i\":92}]}]}");

        Assert.Equal(new Money(92m, Currency.EUR), Assert.Single(page.Gigs).Budget?.Min);
    }

    [Fact]
    public void TheCurrencyMetaTagIsTheLastFallback()
    {
        var html = Page("{\"listings\":[{\"gigs\":[{\"gigId\":1,\"title\":\"t\",\"gig_url\":\"/s/t\",\"price_i\":5}]}]}")
            .Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta name=\"fiverrmeta:currency\" content=\"GBP\">", StringComparison.Ordinal);

        Assert.Equal(new Money(5m, Currency.GBP), Assert.Single(FiverrSearchPageParser.Parse(html, PageUri).Gigs).Budget?.Min);
    }

    [Fact]
    public void AnUnknownCurrencyLeavesPricesOutWithAWarning()
    {
        var page = Parse("{\"currency\":{\"name\":\"XXQ\"},\"listings\":[{\"gigs\":[{\"gigId\":1,\"title\":\"t\",\"gig_url\":\"/s/t\",\"price_i\":5}]}]}");

        Assert.Null(Assert.Single(page.Gigs).Budget);
        var warning = Assert.Single(page.Warnings);
        Assert.Equal(GigWarningKind.ValueUnreadable, warning.Kind);
        Assert.Equal("budget", warning.Field);
        Assert.Null(warning.ListingId); // every price of the page, not one gig's
    }

    [Fact]
    public void TheTitlePrefixFollowsThePage()
    {
        var shown = Parse("{\"listings\":[{\"hidePrefix\":false,\"gigs\":[{\"gigId\":1,\"title\":\"  design\\n your   logo \",\"gig_url\":\"/s/a\"},{\"gigId\":2,\"title\":\"I will fix it\",\"gig_url\":\"/s/b\"}]}]}");
        var hidden = Parse("{\"listings\":[{\"hidePrefix\":true,\"gigs\":[{\"gigId\":1,\"title\":\"design your logo\",\"gig_url\":\"/s/a\"}]}]}");

        Assert.Equal(["I will design your logo", "I will fix it"], shown.Gigs.Select(g => g.Title));
        Assert.Equal("design your logo", Assert.Single(hidden.Gigs).Title);
    }

    [Fact]
    public void ItemsAreReadWhenListingsAreMissing()
    {
        var page = Parse("{" + CurrencyJson + ",\"items\":[{\"gigId\":7,\"title\":\"t\",\"gig_url\":\"/s/t\",\"price_i\":10}],\"appData\":{\"pagination\":{\"total\":1}}}");

        Assert.Equal("7", Assert.Single(page.Gigs).Id);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public void TheThinListAloneIsNotEnoughAndSaysWhy()
    {
        var error = Fails(Page("{\"rawListingData\":{\"gigs\":[{\"pk_i\":384419107,\"position\":0,\"packages\":{\"recommended\":{\"price\":100}}}],\"num_found\":215759}}"));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
        Assert.Contains("none of the 1 gigs in rawListingData.gigs could be read (the first has no title)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingGigListWithATotalOfZeroIsNoResults()
    {
        var page = Parse("{\"appData\":{\"pagination\":{\"page\":1,\"page_size\":48,\"total\":0}}}");

        Assert.Empty(page.Gigs);
        Assert.Equal(0, page.Total);
    }

    [Theory]
    [InlineData("[]", "not a JSON object but an array")]
    [InlineData("{\"listings\":[{\"gigs\":[{\"gigId\":1,\"title\":\"t\"", "is not valid JSON")]
    [InlineData("  ", "<script id=\"perseus-initial-props\"> is empty")]
    [InlineData("{\"listings\":{\"gigs\":[]}}", "has no gig list")]
    public void BadSearchDataIsAnInvalidResponseThatSaysWhat(string json, string problem)
    {
        var error = Fails(Page(json));

        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(PageUri, error.RequestUri);
    }

    [Fact]
    public void HtmlEscapedSearchDataIsRead()
    {
        var page = Parse("{&quot;listings&quot;:[{&quot;gigs&quot;:[{&quot;gigId&quot;:1,&quot;title&quot;:&quot;t&quot;,&quot;gig_url&quot;:&quot;/s/t&quot;}]}]}");

        Assert.Equal("1", Assert.Single(page.Gigs).Id);
    }

    [Fact]
    public void TheScriptIsFoundWhateverTheAttributeOrder()
    {
        var html = Page("{\"listings\":[{\"gigs\":[]}]}").Replace("<script type=\"application/json\" id=\"perseus-initial-props\">", "<script id=\"perseus-initial-props\" type=\"application/json\" nonce=\"abc\">", StringComparison.Ordinal);

        Assert.Empty(FiverrSearchPageParser.Parse(html, PageUri).Gigs);
    }

    [Theory]
    [InlineData("<div id=\"px-captcha\"></div>")]
    [InlineData("<script>window._pxAppId = 'PXK3bezZfO';</script>")]
    [InlineData("<h1 data-identifier=\"title\">It needs a human touch</h1>")]
    [InlineData("<p>Press &amp; Hold</p>")]
    [InlineData("<p>Press & Hold</p>")]
    [InlineData("<a href=\"https://www.perimeterx.com/whywasiblocked\">PerimeterX</a>")]
    [InlineData("<h1>One Small Step</h1>")]
    public void APageWithABotWallMarkIsBlocked(string mark)
    {
        var error = Fails("<!DOCTYPE html><html><head><title>Access to this page has been denied</title></head><body>" + mark + "</body></html>", HttpStatusCode.OK);

        Assert.Equal(GigProviderFailure.Blocked, error.Failure);
        Assert.Contains("blocked by Fiverr's bot protection", error.Message, StringComparison.Ordinal);
        Assert.Contains(PageUri.AbsoluteUri, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABotWallMarkBesideTheSearchDataIsNotABlock()
    {
        // Fiverr's normal pages load PerimeterX's sensor as well.
        var html = Page("{\"listings\":[{\"gigs\":[]}]}").Replace("</body>", "<script>window._pxAppId = 'PXK3bezZfO';</script></body>", StringComparison.Ordinal);

        Assert.Empty(FiverrSearchPageParser.Parse(html, PageUri).Gigs);
    }

    [Theory]
    [InlineData("search-page1.html")]
    [InlineData("search-page2.html")]
    [InlineData("search-no-results.html")]
    [InlineData("search-malformed-gigs.html")]
    public void MutatedPagesFailOnlyWithGigProviderException(string fixture)
    {
        // A small deterministic smoke of what the fuzzing issue does at scale: cut, repeat and replace pieces of a
        // real-format page; whatever comes out, the parser either reads it or throws GigProviderException.
        var original = Fixtures.Read(fixture);
        var random = new Random(fixture.Length);
        string[] pieces = ["null", "\"\"", "{}", "[]", "-1", "1e400", "4.5", "\"x\"", "true", "{", "]", ",", "</script>", "&quot;"];
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder(original);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                var length = Math.Min(random.Next(1, 40), text.Length - at);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, length);
                        break;
                    case 1:
                        text.Insert(at, text.ToString(at, length));
                        break;
                    default:
                        text.Remove(at, length).Insert(at, pieces[random.Next(pieces.Length)]);
                        break;
                }
            }

            try
            {
                FiverrSearchPageParser.Parse(text.ToString(), PageUri);
            }
            catch (GigProviderException)
            {
            }
        }
    }
}

namespace FreelanceAggregator.Watch.Tests;

/// <summary>The watch index finds exactly the watches that checking every watch against every listing finds, and looks at few pairs to do it.</summary>
public sealed class WatchIndexTests
{
    [Fact]
    public void ItFindsExactlyWhatCheckingEveryPairFinds()
    {
        var corpus = new SyntheticWatches(seed: 14);
        var watches = corpus.Watches(400);
        var listings = corpus.Listings(1500);
        var index = new WatchIndex(watches);

        var found = index.Match(listings);

        var matches = 0;
        for (var i = 0; i < listings.Count; i++)
        {
            var expected = watches.Where(w => PassesCheckedFilters(w.Query, listings[i])).ToList();
            Assert.True(expected.SequenceEqual(found[i]), $"listing {i} \"{listings[i].Title}\": expected {string.Join(", ", expected.Select(w => w.Query))}; found {string.Join(", ", found[i].Select(w => w.Query))}");
            matches += expected.Count;
        }

        // Not a vacuous agreement: the corpus has plenty of matches.
        Assert.InRange(matches, listings.Count, listings.Count * 100);
    }

    [Theory]
    [InlineData("c#", "Senior C# developer", true)]
    [InlineData(".net", "ASP.NET Core API", false)]
    [InlineData(".net", "Backend in .NET 8", true)]
    [InlineData("node.js", "Node.js and Express", true)]
    [InlineData("react native", "Build a React Native app", true)]
    [InlineData("react native", "React developer for a native app", false)]
    [InlineData("design", "Redesign our site", false)]
    [InlineData("design", "Web-design for a cafe", true)]
    [InlineData("development", "Web developer wanted", true)]
    [InlineData("logos", "LOGO for a bakery", true)]
    [InlineData("ui", "UI/UX for a dashboard", true)]
    [InlineData("ui", "Build a quick site", false)]
    [InlineData("café", "Menu for a CAFÉ in Bali", true)]
    [InlineData("desain", "Jasa Desain logo", true)]
    [InlineData("apps", "Two app screens", false)]
    [InlineData("seo", "SEO audit", true)]
    [InlineData("seo", "Seoul office", true)]
    [InlineData("seo", "Whose audit", false)]
    [InlineData("sale", "\u017Fale page", false)]
    public void ItMatchesAKeywordExactlyAsTheAggregatorDoes(string keyword, string title, bool expected)
    {
        var watch = new GigWatch { Name = "w", Query = new GigQuery { Keywords = [keyword] }, Subscriber = "alice" };
        var listing = Listings.Gig("1", title);
        Assert.Equal(expected, GigMatcher.MentionsEveryKeyword(listing, watch.Query.Keywords));

        Assert.Equal(expected, new WatchIndex([watch]).Match(listing).Count == 1);
    }

    [Fact]
    public void SitesAndKindNarrowWatchesWithoutKeywords()
    {
        var fiverrServices = new GigWatch { Name = "a", Query = GigQuery.Parse("site:fiverr kind:service"), Subscriber = "alice" };
        var anyHourly = new GigWatch { Name = "b", Query = GigQuery.Parse("type:hourly"), Subscriber = "alice" };
        var index = new WatchIndex([fiverrServices, anyHourly]);

        Assert.Equal([fiverrServices], index.Match(Listings.Gig("1", provider: "fiverr") with { Kind = GigKind.Service }));
        Assert.Empty(index.Match(Listings.Gig("1", provider: "fiverr")));
        Assert.Empty(index.Match(Listings.Gig("1", provider: "upwork") with { Kind = GigKind.Service }));
        Assert.Equal([anyHourly], index.Match(Listings.Gig("1", provider: "upwork", budget: Budget.Hourly(new Money(20m, Currency.USD)))));
    }

    [Fact]
    public void ConfirmIsAskedOnlyAboutWatchesUsingFiltersTheIndexDoesNotCheck()
    {
        var plain = new GigWatch { Name = "plain", Query = GigQuery.Parse("logo"), Subscriber = "alice" };
        var rich = new GigWatch { Name = "rich", Query = GigQuery.Parse("logo budget:>=100USD"), Subscriber = "alice" };
        var index = new WatchIndex([plain, rich]);
        var listing = Listings.Gig("1", "Logo design", budget: Budget.Fixed(new Money(50m, Currency.USD)));
        var asked = new List<string>();

        var matched = index.Match(listing, (watch, gig) =>
        {
            asked.Add(watch.Name);
            return false;
        });

        Assert.Equal(["rich"], asked);
        Assert.Equal([plain], matched);
        Assert.Equal([plain, rich], index.Match(listing));
    }

    [Fact]
    public void PausedWatchesAreLeftOut()
    {
        var paused = new GigWatch { Name = "paused", Query = GigQuery.Parse("logo"), Subscriber = "alice", Paused = true };
        var index = new WatchIndex([paused]);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Match(Listings.Gig("1", "Logo")));
    }

    [Fact]
    public void TenThousandWatchesMeetOnlyTheListingsThatMentionTheirWords()
    {
        var corpus = new SyntheticWatches(seed: 8);
        var watches = corpus.Watches(10_000);
        var listings = corpus.Listings(1_000);
        var index = new WatchIndex(watches);

        var found = index.Match(listings);

        // Checking every pair would run the keyword test 10,000,000 times; the index runs it on the pairs whose
        // every keyword's first letters start a word in the listing, and most of those are matches.
        var matches = found.Sum(f => f.Count);
        var pairs = (long)watches.Count * listings.Count;
        Assert.True(index.Evaluations < pairs / 20, $"{index.Evaluations:N0} of {pairs:N0} pairs examined, {matches:N0} matches");
        Assert.True(matches >= index.Evaluations * 0.7, $"{matches:N0} matches of {index.Evaluations:N0} pairs examined");

        // And it is right on a sample, against checking every watch.
        foreach (var i in Enumerable.Range(0, 25).Select(k => k * 40))
        {
            Assert.Equal(watches.Where(w => PassesCheckedFilters(w.Query, listings[i])), found[i]);
        }
    }

    [Fact]
    public void FoldingIsOrdinalIgnoreCaseForEveryUtf16CodeUnitAgainstEveryAsciiCharacter()
    {
        // The index compares listings' text with keywords' first characters by this folding; the aggregator's keyword
        // test by OrdinalIgnoreCase. They must agree both ways: one way so no watch is missed, the other so a short
        // keyword found by its anchor alone is really there (ToUpperInvariant would not do: it turns U+017F into 'S').
        Span<char> one = stackalloc char[1];
        Span<char> ascii = stackalloc char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            for (var a = 0; a < 0x80; a++)
            {
                ascii[0] = (char)a;
                var equal = MemoryExtensions.Equals(one, ascii, StringComparison.OrdinalIgnoreCase);
                if (equal != (WatchIndex.Fold((char)c) == WatchIndex.Fold((char)a)))
                {
                    Assert.Fail($"U+{c:X4} and '{(char)a}': OrdinalIgnoreCase says {equal}, the index's folding says {!equal}");
                }
            }
        }
    }

    private static bool PassesCheckedFilters(GigQuery query, Gig listing) =>
        (query.Providers is null || query.Providers.Contains(listing.Provider))
        && (query.Kind is not { } kind || listing.Kind == kind)
        && (query.BudgetType is not { } type || listing.Budget?.Type == type)
        && GigMatcher.MentionsEveryKeyword(listing, query.Keywords);
}

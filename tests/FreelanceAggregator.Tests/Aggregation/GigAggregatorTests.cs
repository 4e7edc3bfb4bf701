using System.Diagnostics;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Providers;
using Microsoft.Extensions.Time.Testing;
using static FreelanceAggregator.Tests.Aggregation.TestProviders;

namespace FreelanceAggregator.Tests.Aggregation;

public sealed class GigAggregatorTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    public sealed class OneProviderFailingNeverCostsTheOthers
    {
        [Fact]
        public async Task EveryGoodGigArrivesAndEveryOutcomeIsRight()
        {
            var timeout = TimeSpan.FromMilliseconds(800);
            var slow = new ScriptedProvider("slow", [Job("slow", "s1"), Job("slow", "s2")]) { DelayBeforeEach = TimeSpan.FromMilliseconds(150) };
            var failsAtOnce = new ScriptedProvider("broken", [Job("broken", "b1")]) { FailAfter = 0 };
            var failsAfterTwo = new ScriptedProvider("flaky", [Job("flaky", "f1"), Job("flaky", "f2"), Job("flaky", "f3")]) { FailAfter = 2 };
            var silent = new NeverAnsweringProvider("silent");
            var healthy = new ScriptedProvider("healthy", [Job("healthy", "h1"), Job("healthy", "h2"), Job("healthy", "h3")]);
            var aggregator = new GigAggregator([slow, failsAtOnce, failsAfterTwo, silent, healthy], new GigAggregatorOptions { ProviderTimeout = timeout });

            var clock = Stopwatch.StartNew();
            var result = await aggregator.SearchAllAsync(new GigQuery(), Ct);
            clock.Stop();

            Assert.Equal(["f1", "f2", "h1", "h2", "h3", "s1", "s2"], result.Gigs.Select(g => g.Id).Order(StringComparer.Ordinal));
            var outcomes = result.Outcomes.ToDictionary(o => o.Provider);
            Assert.Equal(["slow", "broken", "flaky", "silent", "healthy"], result.Outcomes.Select(o => o.Provider));
            Assert.Equal(ProviderStatus.Succeeded, outcomes["slow"].Status);
            Assert.Equal(2, outcomes["slow"].GigCount);
            Assert.Equal(ProviderStatus.Failed, outcomes["broken"].Status);
            Assert.Equal(0, outcomes["broken"].GigCount);
            Assert.Equal(ProviderStatus.Failed, outcomes["flaky"].Status);
            Assert.Equal(2, outcomes["flaky"].GigCount);
            Assert.Contains("https://flaky.example.com/search?page=2", outcomes["flaky"].Message, StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.BadGateway, outcomes["flaky"].StatusCode);
            Assert.Equal(ProviderStatus.TimedOut, outcomes["silent"].Status);
            Assert.Contains("silent", outcomes["silent"].Message, StringComparison.Ordinal);
            Assert.Equal(ProviderStatus.Succeeded, outcomes["healthy"].Status);
            Assert.Equal(3, outcomes["healthy"].GigCount);

            // The search waits for the provider that never answers only as long as its timeout.
            Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(1.5), $"the search took {clock.Elapsed.TotalMilliseconds:0} ms");
        }

        [Fact]
        public async Task AProviderThatThrowsAnUnexpectedExceptionIsAFailedOutcome()
        {
            var buggy = new ScriptedProvider("buggy", [Job("buggy", "x")]) { FailAfter = 0, Failure = new InvalidOperationException("bug") };
            var good = new ScriptedProvider("good", [Job("good", "g1")]);
            var result = await new GigAggregator([buggy, good]).SearchAllAsync(new GigQuery(), Ct);

            Assert.Equal(["g1"], result.Gigs.Select(g => g.Id));
            var outcome = result.Outcomes.Single(o => o.Provider == "buggy");
            Assert.Equal(ProviderStatus.Failed, outcome.Status);
            Assert.Contains("InvalidOperationException", outcome.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ThrowOnAnyProviderFailureTurnsFailuresIntoAnException()
        {
            var broken = new ScriptedProvider("broken", []) { FailAfter = 0 };
            var aggregator = new GigAggregator([broken], new GigAggregatorOptions { ThrowOnAnyProviderFailure = true });

            var ex = await Assert.ThrowsAsync<AggregateException>(() => aggregator.SearchAllAsync(new GigQuery(), Ct));
            Assert.IsType<GigProviderException>(Assert.Single(ex.InnerExceptions));
        }
    }

    public sealed class TheSearchAsyncMethod
    {
        [Fact]
        public async Task StreamsGigsAndReportsEachOutcomeAfterItsProvidersLastGig()
        {
            var fast = new ScriptedProvider("fast", [Job("fast", "a"), Job("fast", "b")]);
            var slow = new ScriptedProvider("slow", [Job("slow", "c")]) { DelayBeforeEach = TimeSpan.FromMilliseconds(300) };
            var events = new List<string>();
            var progress = new SynchronousProgress(o => events.Add($"outcome {o.Provider} {o.Status} {o.GigCount}"));

            await foreach (var gig in new GigAggregator([fast, slow]).SearchAsync(new GigQuery(), progress, Ct))
            {
                events.Add($"gig {gig.Id}");
            }

            Assert.Equal(["gig a", "gig b", "outcome fast Succeeded 2", "gig c", "outcome slow Succeeded 1"], events);
        }

        [Fact]
        public async Task StoppingEarlyStopsTheProviders()
        {
            var endless = new ScriptedProvider("endless", Enumerable.Range(1, 1000).Select(i => Job("endless", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))) { DelayBeforeEach = TimeSpan.FromMilliseconds(5) };
            var taken = 0;
            await foreach (var _ in new GigAggregator([endless]).SearchAsync(new GigQuery(), Ct))
            {
                if (++taken == 3)
                {
                    break;
                }
            }

            Assert.Equal(3, taken);
        }

        [Fact]
        public async Task AReaderFarBehindHoldsTheProvidersBackWithoutLosingListingsOrTimingThemOut()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
            var provider = new CountingProvider("fast", 2_000);
            var aggregator = new GigAggregator([provider], new GigAggregatorOptions { ProviderTimeout = TimeSpan.FromSeconds(1) }, timeProvider: time);
            var outcomes = new List<ProviderOutcome>();
            var read = 0;
            await using (var gigs = aggregator.SearchAsync(new GigQuery { Limit = 2_000 }, new SynchronousProgress(outcomes.Add), Ct).GetAsyncEnumerator(Ct))
            {
                Assert.True(await gigs.MoveNextAsync());
                read++;
                await provider.WaitUntilHeldBackAsync(Ct);

                // The provider waits for the reader, not for its site: that wait must not count against its timeout.
                Assert.True(provider.Yielded < 2_000, $"the provider handed over {provider.Yielded} listings to a reader that took one");
                time.Advance(TimeSpan.FromSeconds(10));
                while (await gigs.MoveNextAsync())
                {
                    read++;
                }
            }

            Assert.Equal(2_000, read);
            var outcome = Assert.Single(outcomes);
            Assert.Equal(ProviderStatus.Succeeded, outcome.Status);
            Assert.Equal(2_000, outcome.GigCount);
        }

        [Fact]
        public async Task StoppingEarlyWhileTheProvidersWaitForTheReaderEndsTheSearch()
        {
            var providers = new[] { new CountingProvider("a", 2_000), new CountingProvider("b", 2_000) };
            var taken = 0;
            var search = Task.Run(
                async () =>
                {
                    await foreach (var _ in new GigAggregator(providers).SearchAsync(new GigQuery { Limit = 2_000 }, Ct))
                    {
                        if (++taken == 1)
                        {
                            await providers[0].WaitUntilHeldBackAsync(Ct);
                            await providers[1].WaitUntilHeldBackAsync(Ct);
                            break;
                        }
                    }
                },
                Ct);

            // A hang guard, not a speed limit: the search must end once its reader has gone.
            await search.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            Assert.Equal(1, taken);
            Assert.True(providers.Sum(p => p.Yielded) < 4_000);
        }

        [Fact]
        public async Task CancellationByTheCallerEndsTheSearchPromptlyEvenWhenAProviderIgnoresIt()
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var aggregator = new GigAggregator([new NeverAnsweringProvider("silent")], new GigAggregatorOptions { ProviderTimeout = TimeSpan.FromMinutes(5) });
            var search = aggregator.SearchAllAsync(new GigQuery(), cancel.Token);
            await Task.Delay(200, Ct);
            var clock = Stopwatch.StartNew();
            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"cancellation took {clock.Elapsed.TotalMilliseconds:0} ms");
        }
    }

    public sealed class LimitsAndDuplicates
    {
        [Fact]
        public async Task AtMostTheLimitArrivesFromEachProvider()
        {
            var many = new ScriptedProvider("many", Enumerable.Range(1, 20).Select(i => Job("many", $"m{i}")));
            var few = new ScriptedProvider("few", [Job("few", "f1")]);
            var result = await new GigAggregator([many, few]).SearchAllAsync(new GigQuery { Limit = 5 }, Ct);

            Assert.Equal(5, result.Gigs.Count(g => g.Provider == "many"));
            Assert.Single(result.Gigs, g => g.Provider == "few");
        }

        [Fact]
        public async Task AListingTwoProvidersOfOneMarketplaceReturnIsKeptOnce()
        {
            var marketplace = new GigProviderCapabilities { Marketplace = "freelancer" };
            var com = new ScriptedProvider("freelancer", [Job("freelancer", "100"), Job("freelancer", "101")]) { CapabilitiesOverride = marketplace };
            var coId = new ScriptedProvider("freelancer.co.id", [Job("freelancer.co.id", "100"), Job("freelancer.co.id", "102")]) { CapabilitiesOverride = marketplace };
            var result = await new GigAggregator([com, coId]).SearchAllAsync(new GigQuery(), Ct);

            Assert.Equal(["100", "101", "102"], result.Gigs.Select(g => g.Id).Order(StringComparer.Ordinal));
            Assert.Equal(1, result.Outcomes.Sum(o => o.DuplicateCount));
        }

        [Fact]
        public async Task AListingWithTheSamePageUrlIsKeptOnce()
        {
            var a = new ScriptedProvider("a", [Job("a", "1") with { Url = new Uri("https://www.example.com/jobs/42?ref=a") }]);
            var b = new ScriptedProvider("b", [Job("b", "xyz") with { Url = new Uri("https://example.com/jobs/42/") }]);
            var result = await new GigAggregator([a, b]).SearchAllAsync(new GigQuery(), Ct);

            Assert.Single(result.Gigs);
        }

        [Fact]
        public async Task ListingsOfOneSiteThatShareAPageAddressButNotAnIdAreAllKept()
        {
            // Microworkers' jobs are all jobs_details.php?Id=...: one path, told apart by the query the canonical URL drops.
            var site = new ScriptedProvider("site", [Job("site", "1") with { Url = new Uri("https://site.example.com/jobs_details.php?Id=1") }, Job("site", "2") with { Url = new Uri("https://site.example.com/jobs_details.php?Id=2") }]);
            var result = await new GigAggregator([site]).SearchAllAsync(new GigQuery(), Ct);

            Assert.Equal(["1", "2"], result.Gigs.Select(g => g.Id));
            Assert.Equal(0, Assert.Single(result.Outcomes).DuplicateCount);
        }

        [Fact]
        public async Task ListingsWithoutRequiredValuesOrWithUnsafeUrlsAreDroppedWithAWarning()
        {
            var capabilities = new GigProviderCapabilities { SiteHosts = ["site.example.com"] };
            var provider = new ScriptedProvider("site",
            [
                Job("site", "ok") with { Url = new Uri("https://site.example.com/ok") },
                Job("site", "off-site") with { Url = new Uri("https://evil.example.net/phish") },
                Job("site", "js") with { Url = new Uri("javascript:alert(1)") },
                Job("site", "untitled") with { Title = " ", Url = new Uri("https://site.example.com/u") },
            ]) { CapabilitiesOverride = capabilities };

            var result = await new GigAggregator([provider]).SearchAllAsync(new GigQuery(), Ct);

            Assert.Equal(["ok"], result.Gigs.Select(g => g.Id));
            var outcome = Assert.Single(result.Outcomes);
            Assert.Equal(3, outcome.InvalidCount);
            Assert.All(outcome.Warnings, w => Assert.Equal(GigWarningKind.ListingSkipped, w.Kind));
            Assert.Equal(["off-site", "js", "untitled"], outcome.Warnings.Select(w => w.ListingId));
            Assert.Contains("site.example.com", outcome.Warnings[0].Message, StringComparison.Ordinal);
            Assert.Equal("url", outcome.Warnings[1].Field);
        }
    }

    public sealed class Skipping
    {
        [Fact]
        public async Task AProviderWhoseListingsCannotCarryAFilterIsSkippedWithTheReason()
        {
            var services = new ScriptedProvider("fiverrish", [Job("fiverrish", "1")])
            {
                CapabilitiesOverride = new() { Kinds = [GigKind.Service], FilterableFields = GigFilters.All & ~GigFilters.PaymentVerified & ~GigFilters.ClientCountry },
            };
            var jobs = new ScriptedProvider("jobs", [Job("jobs", "j") with { Client = new GigClient { PaymentVerified = true } }]);
            var result = await new GigAggregator([services, jobs]).SearchAllAsync(new GigQuery { PaymentVerifiedOnly = true }, Ct);

            var skipped = result.Outcomes.Single(o => o.Provider == "fiverrish");
            Assert.Equal(ProviderStatus.Skipped, skipped.Status);
            Assert.Contains("payment verified", skipped.Message, StringComparison.Ordinal);
            Assert.Equal(0, services.Started);
            Assert.Equal(["j"], result.Gigs.Select(g => g.Id));
        }

        [Fact]
        public async Task AProviderThatCannotSearchNowIsSkippedWithItsReasonAndAskedNothing()
        {
            var provider = new UnavailableProvider();
            var result = await new GigAggregator([provider]).SearchAllAsync(new GigQuery(), Ct);

            var outcome = Assert.Single(result.Outcomes);
            Assert.Equal(ProviderStatus.Skipped, outcome.Status);
            Assert.Equal("set a session first", outcome.Message);
            Assert.Equal(0, provider.Fetched);
        }

        [Fact]
        public async Task AProviderWithoutTheWantedKindIsSkipped()
        {
            var jobsOnly = new ScriptedProvider("jobs", [Job("jobs", "1")]);
            var result = await new GigAggregator([jobsOnly]).SearchAllAsync(new GigQuery { Kind = GigKind.Service }, Ct);

            var outcome = Assert.Single(result.Outcomes);
            Assert.Equal(ProviderStatus.Skipped, outcome.Status);
            Assert.Contains("services", outcome.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task OnlyTheProvidersTheQueryNamesAreAsked()
        {
            var a = new ScriptedProvider("a", [Job("a", "1")]);
            var b = new ScriptedProvider("b", [Job("b", "2")]);
            var result = await new GigAggregator([a, b]).SearchAllAsync(GigQuery.Parse("site:b"), Ct);

            Assert.Equal(["b"], result.Outcomes.Select(o => o.Provider));
            Assert.Equal(0, a.Started);
        }

        [Fact]
        public async Task AnUnknownProviderNameIsAnErrorThatListsTheRegisteredOnes()
        {
            var aggregator = new GigAggregator([new ScriptedProvider("fiverr", []), new ScriptedProvider("upwork", [])]);
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => aggregator.SearchAllAsync(GigQuery.Parse("site:fivver"), Ct));

            Assert.Contains("'fivver'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("fiverr, upwork", ex.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Conversion
    {
        [Fact]
        public async Task BudgetsAreConvertedToTheTargetCurrencyWithTheRateUsed()
        {
            var rates = new FixedExchangeRateProvider(FixedExchangeRateProvider.Rate("USD", "IDR", 14_400m, new DateOnly(2026, 11, 1)));
            var provider = new ScriptedProvider("p", [Job("p", "1", budget: 5m, currency: "USD"), Job("p", "2", budget: 72_000m, currency: "IDR")]);
            var result = await new GigAggregator([provider], new GigAggregatorOptions { Currency = "IDR" }, rates).SearchAllAsync(new GigQuery(), Ct);

            var usd = result.Gigs.Single(g => g.Id == "1").ConvertedBudget!;
            Assert.Equal(new Money(72_000m, Currency.IDR), usd.Min);
            Assert.Equal(14_400m, usd.Rate!.Rate);
            Assert.Equal(new DateOnly(2026, 11, 1), usd.Rate.AsOf);
            Assert.Equal("fixed by the caller", usd.Rate.Source);

            var idr = result.Gigs.Single(g => g.Id == "2").ConvertedBudget!;
            Assert.Equal(new Money(72_000m, Currency.IDR), idr.Min);
            Assert.Null(idr.Rate);
        }

        [Fact]
        public async Task ARateTheSitePublishedIsUsedOnlyForACurrencyTheRateSourceDoesNotKnow()
        {
            var vnd = Currency.FromCode("VND");
            var siteRate = new ExchangeRate(vnd, Currency.USD, 0.00004m, new DateOnly(2026, 11, 20), "Freelancer.com currency.exchange_rate");
            var provider = new ScriptedProvider("p", [Job("p", "vnd", budget: 2_500_000m, currency: "VND"), Job("p", "eur", budget: 100m, currency: "EUR")]) { SiteRates = [siteRate, new ExchangeRate(Currency.EUR, Currency.USD, 2m, null, "a wrong site rate")] };
            var result = await new GigAggregator([provider]).SearchAllAsync(new GigQuery(), Ct);

            var converted = result.Gigs.Single(g => g.Id == "vnd").ConvertedBudget!;
            Assert.Equal(new Money(100m, Currency.USD), converted.Min);
            Assert.Equal("Freelancer.com currency.exchange_rate", converted.Rate!.Source);

            // EUR is known to the ECB snapshot, so the site's (here deliberately wrong) rate is not used.
            var eur = result.Gigs.Single(g => g.Id == "eur").ConvertedBudget!;
            Assert.StartsWith("ECB", eur.Rate!.Source, StringComparison.Ordinal);
            Assert.Equal(new Money(113.67m, Currency.USD), eur.Min);
        }

        [Fact]
        public async Task ABudgetInACurrencyNoSourceKnowsStaysUnconvertedWithAWarning()
        {
            var provider = new ScriptedProvider("p", [Job("p", "1", budget: 1_000_000m, currency: "VND")]);
            var result = await new GigAggregator([provider]).SearchAllAsync(new GigQuery(), Ct);

            var gig = Assert.Single(result.Gigs);
            Assert.Null(gig.ConvertedBudget);
            Assert.Equal(new Money(1_000_000m, "VND"), gig.Budget!.Min);
            var warning = Assert.Single(Assert.Single(result.Outcomes).Warnings);
            Assert.Equal(GigWarningKind.ExchangeRateMissing, warning.Kind);
            Assert.Equal("1", warning.ListingId);
            Assert.Contains("VND", warning.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(new[] { "IDR", "IDR" }, null, null, "IDR")]
        [InlineData(new[] { "IDR", null }, null, null, "USD")]
        [InlineData(new[] { "IDR", "EUR" }, null, null, "USD")]
        [InlineData(new[] { "IDR", "IDR" }, "EUR", null, "EUR")]
        [InlineData(new[] { "IDR", "IDR" }, "EUR", "GBP", "GBP")]
        [InlineData(new string?[] { null }, null, null, "USD")]
        public async Task TheTargetIsTheQuerysThenTheOptionsThenTheCurrencyEverySiteDisplaysThenUsd(string?[] displayed, string? configured, string? queried, string expected)
        {
            var providers = displayed.Select((code, i) => new ScriptedProvider($"p{i}", [Job($"p{i}", "1", 10m, "USD")])
            {
                CapabilitiesOverride = new GigProviderCapabilities { DisplayCurrency = code is null ? null : Currency.FromCode(code) },
            });
            var aggregator = new GigAggregator(providers, new GigAggregatorOptions { Currency = configured });
            var query = queried is null ? new GigQuery() : new GigQuery { TargetCurrency = Currency.FromCode(queried) };

            var result = await aggregator.SearchAllAsync(query, Ct);

            Assert.Equal(expected, result.Currency.Code);
            Assert.All(result.Gigs, g => Assert.Equal(expected, g.ConvertedBudget!.Currency.Code));
        }

        [Fact]
        public async Task ABudgetBoundInACurrencyNoSourceKnowsIsAnErrorNamingIt()
        {
            var aggregator = new GigAggregator([new ScriptedProvider("p", [])]);
            var ex = await Assert.ThrowsAsync<ExchangeRateNotFoundException>(() => aggregator.SearchAllAsync(GigQuery.Parse("budget:>=1000000VND"), Ct));

            Assert.Contains("VND", ex.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Sorting
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        private static GigAggregator Aggregator() => new(
        [
            new ScriptedProvider("a", [Job("a", "a1", 100m, posted: Now.AddHours(-5), proposals: 10), Job("a", "a2", 20m, posted: Now.AddHours(-1), proposals: 2), Job("a", "a3")]),
            new ScriptedProvider("b", [Job("b", "b1", 50m, posted: Now.AddHours(-3), proposals: 0), Job("b", "b2", 500m, "EUR", posted: Now.AddDays(-2))]),
        ]);

        [Theory]
        [InlineData(GigSort.Relevance, "a1 b1 a2 b2 a3")]
        [InlineData(GigSort.Newest, "a2 b1 a1 b2 a3")]
        [InlineData(GigSort.BudgetHighest, "b2 a1 b1 a2 a3")]
        [InlineData(GigSort.BudgetLowest, "a2 b1 a1 b2 a3")]
        [InlineData(GigSort.FewestProposals, "b1 a2 a1 b2 a3")]
        public async Task SearchAllSortsAsTheQueryAsks(GigSort sort, string expected)
        {
            var result = await Aggregator().SearchAllAsync(new GigQuery { Sort = sort }, Ct);

            Assert.Equal(expected, string.Join(' ', result.Gigs.Select(g => g.Id)));
        }
    }

    public sealed class Warnings
    {
        [Fact]
        public async Task WarningsAProviderReportsReachItsOutcome()
        {
            var refused = new GigWarning(GigWarningKind.PagingStopped, "p: paging was refused; only the first page was read.");
            var provider = new ScriptedProvider("p", [Job("p", "1")]) { Warnings = [refused] };
            var result = await new GigAggregator([provider]).SearchAllAsync(new GigQuery(), Ct);

            Assert.Equal([refused], Assert.Single(result.Outcomes).Warnings);
        }

        [Fact]
        public async Task ElapsedTimeComesFromTheInjectedClock()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
            var result = await new GigAggregator([new ScriptedProvider("p", [Job("p", "1")])], timeProvider: time).SearchAllAsync(new GigQuery(), Ct);

            Assert.Equal(TimeSpan.Zero, Assert.Single(result.Outcomes).Elapsed);
        }
    }

    // Passes on each provider's outcome, leaving out the progress reported while it runs.
    private sealed class SynchronousProgress(Action<ProviderOutcome> report) : IProgress<GigSearchProgress>
    {
        public void Report(GigSearchProgress value)
        {
            if (value.Outcome is { } outcome)
            {
                report(outcome);
            }
        }
    }
}

public sealed class SearchAllProgressTests
{
    [Fact]
    public async Task ProgressReportsStartEveryGigAndTheOutcomeInOrder()
    {
        var events = new List<string>();
        var progress = new SynchronousProgress<GigSearchProgress>(p => events.Add($"{p.Provider} {p.GigCount} {p.Outcome?.Status.ToString() ?? "running"}"));
        var a = new ScriptedProvider("a", [TestProviders.Job("a", "1"), TestProviders.Job("a", "2")]);
        var skipped = new ScriptedProvider("s", []) { CapabilitiesOverride = new GigProviderCapabilities { FilterableFields = GigFilters.None } };

        var result = await new GigAggregator([a, skipped]).SearchAllAsync(GigQuery.Parse("job"), progress, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Gigs.Count);
        Assert.Equal(["a 0 running", "s 0 Skipped", "a 1 running", "a 2 running", "a 2 Succeeded"], events);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

public sealed class RequiredFilterTests
{
    [Fact]
    public async Task AProviderThatNeedsWordsIsSkippedForAQueryWithoutAny()
    {
        var needsWords = new ScriptedProvider("words", [TestProviders.Job("words", "1")])
        {
            CapabilitiesOverride = new GigProviderCapabilities { RequiresAnyOf = GigFilters.Keywords | GigFilters.Skills },
        };
        var aggregator = new GigAggregator([needsWords]);

        var skipped = Assert.Single((await aggregator.SearchAllAsync(GigQuery.Parse("type:fixed"), TestContext.Current.CancellationToken)).Outcomes);
        var asked = Assert.Single((await aggregator.SearchAllAsync(GigQuery.Parse("skill:job"), TestContext.Current.CancellationToken)).Outcomes);

        Assert.Equal(ProviderStatus.Skipped, skipped.Status);
        Assert.Equal("words cannot search without keywords or skills; add some to include words.", skipped.Message);
        Assert.Equal(ProviderStatus.Succeeded, asked.Status);
    }
}

/// <summary>A provider that has no credential: it must never be asked for a page.</summary>
internal sealed class UnavailableProvider : GigProvider
{
    public override string Name => "locked";

    public override string? UnavailableReason => "set a session first";

    public int Fetched { get; private set; }

    public override ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        Fetched++;
        return ValueTask.FromResult(GigPage.Empty);
    }
}

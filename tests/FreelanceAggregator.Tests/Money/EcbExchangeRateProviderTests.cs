using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FreelanceAggregator.Tests;

public sealed class EcbExchangeRateProviderTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly WireMockTestServer _server = WireMockTestServer.Start();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _server.Dispose();

    private EcbExchangeRateProvider Provider(EcbExchangeRateOptions? options = null) =>
        new(new HttpClient(), options ?? new EcbExchangeRateOptions { FeedUri = new Uri(_server.BaseAddress, "stats/eurofxref/eurofxref-daily.xml") }, _time);

    private void Serve(string fixture, int status = 200) =>
        _server.Server.Given(Request.Create().WithPath("/stats/eurofxref/eurofxref-daily.xml"))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/xml").WithBody(fixture.EndsWith(".xml", StringComparison.Ordinal) ? Fixtures.Read(fixture) : fixture));

    [Fact]
    public async Task ReadsTheLiveFileAndSaysSo()
    {
        Serve("ecb-eurofxref-daily-2024-04-19.xml");
        var ecb = Provider();

        var rate = await ecb.GetRateAsync(Currency.EUR, Currency.IDR, Ct);

        Assert.Equal(17325.08m, rate.Rate);
        Assert.Equal(new DateOnly(2024, 4, 19), rate.AsOf);
        Assert.Equal("ECB reference rate (live feed)", rate.Source);
        Assert.Equal("ECB reference rates of 2024-04-19 (live feed)", ecb.Name);

        // BGN is in the file but no longer an ISO 4217 currency: skipped, not fatal.
        Assert.DoesNotContain(await ecb.GetCurrenciesAsync(Ct), c => c.Code == "BGN");
        Assert.Equal(30, (await ecb.GetCurrenciesAsync(Ct)).Count);
    }

    [Fact]
    public async Task CachesForTheConfiguredTimeThenReadsAgain()
    {
        Serve("ecb-eurofxref-daily-2024-04-19.xml");
        var ecb = Provider(new EcbExchangeRateOptions { FeedUri = new Uri(_server.BaseAddress, "stats/eurofxref/eurofxref-daily.xml"), CacheDuration = TimeSpan.FromHours(2) });

        await ecb.GetRateAsync(Currency.USD, Currency.IDR, Ct);
        _time.Advance(TimeSpan.FromMinutes(119));
        await ecb.GetRateAsync(Currency.GBP, Currency.IDR, Ct);
        Assert.Single(_server.Requests());

        _time.Advance(TimeSpan.FromMinutes(2));
        await ecb.GetRateAsync(Currency.GBP, Currency.IDR, Ct);
        Assert.Equal(2, _server.Requests().Count);
    }

    [Fact]
    public async Task FallsBackToTheSnapshotWhenTheFeedFailsAndSaysWhy()
    {
        Serve("Service Unavailable", status: 503);
        var ecb = Provider();

        var rate = await ecb.GetRateAsync(Currency.EUR, Currency.IDR, Ct);

        Assert.Equal(20384.10m, rate.Rate);
        Assert.Equal(new DateOnly(2026, 9, 24), rate.AsOf);
        Assert.Contains("embedded snapshot", rate.Source, StringComparison.Ordinal);
        Assert.Contains("the live feed failed", rate.Source, StringComparison.Ordinal);
        Assert.Contains("503", rate.Source, StringComparison.Ordinal);
        Assert.Contains(_server.BaseAddress.Authority, rate.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAFailureTheFeedIsAskedAgainOnlyAfterTheRetryWait()
    {
        Serve("Service Unavailable", status: 503);
        var ecb = Provider(new EcbExchangeRateOptions { FeedUri = new Uri(_server.BaseAddress, "stats/eurofxref/eurofxref-daily.xml"), RetryAfterFailure = TimeSpan.FromMinutes(5) });

        await ecb.GetRateAsync(Currency.USD, Currency.IDR, Ct);
        await ecb.GetRateAsync(Currency.USD, Currency.IDR, Ct);
        Assert.Single(_server.Requests());

        _server.Server.Reset();
        Serve("ecb-eurofxref-daily-2024-04-19.xml");
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal("ECB reference rate (live feed)", (await ecb.GetRateAsync(Currency.USD, Currency.IDR, Ct)).Source);
    }

    [Theory]
    [InlineData("<html><body>Maintenance</body></html>", "no dated Cube")]
    [InlineData("<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\"><Cube><Cube time='2024-04-19'><Cube currency='USD' rate='1.06", "not well-formed")]
    [InlineData("{\"rates\":{}}", "not well-formed")]
    public async Task AFileThatIsNotTheEcbsFallsBackToTheSnapshot(string body, string reason)
    {
        Serve(body);
        var rate = await Provider().GetRateAsync(Currency.EUR, Currency.USD, Ct);

        Assert.Equal(1.1367m, rate.Rate);
        Assert.Contains(reason, rate.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADocumentWithADtdIsRejectedSoNoEntityIsEverExpanded()
    {
        Serve("ecb-with-dtd-xxe.xml");
        var rate = await Provider().GetRateAsync(Currency.EUR, Currency.IDR, Ct);

        // The file's own IDR rate (17325.08) is never used: the DTD makes the whole file unreadable.
        Assert.Equal(20384.10m, rate.Rate);
        Assert.Contains("DTD", rate.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", rate.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedAnswerIsRefused()
    {
        Serve(new string(' ', 300_000));
        var rate = await Provider().GetRateAsync(Currency.EUR, Currency.IDR, Ct);

        Assert.Contains("cap", rate.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseLiveEcbExchangeRatesWiresTheFeedIntoTheAggregator()
    {
        Serve("ecb-eurofxref-daily-2024-04-19.xml");
        var services = new ServiceCollection();
        services.AddFreelanceAggregator().UseLiveEcbExchangeRates(o => o.FeedUri = new Uri(_server.BaseAddress, "stats/eurofxref/eurofxref-daily.xml"));
        await using var provider = services.BuildServiceProvider();

        var rates = provider.GetRequiredService<ExchangeRateProvider>();
        Assert.IsType<EcbExchangeRateProvider>(rates);
        Assert.Equal(17325.08m, (await rates.GetRateAsync(Currency.EUR, Currency.IDR, Ct)).Rate);
    }
}

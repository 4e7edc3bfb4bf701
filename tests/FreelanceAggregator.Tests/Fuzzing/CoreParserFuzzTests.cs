using System.Globalization;
using System.Text;
using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;
using FreelanceAggregator.Text;

namespace FreelanceAggregator.Tests.Fuzzing;

/// <summary>
/// The core's text parsers under mutated input. Their contracts: price and date patterns return a
/// <see cref="TextParseResult{T}"/> and never throw; <see cref="GigQuery.Parse"/> throws only <see cref="FormatException"/>;
/// the ECB parser throws only <see cref="FormatException"/>, which the live provider turns into its documented fallback
/// to the embedded snapshot; <see cref="HtmlText.ToPlainText"/> never throws and never lets script content through.
/// </summary>
public sealed class CoreParserFuzzTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly PriceTextPattern[] Prices =
    [
        PriceTextPattern.Create(CultureInfo.GetCultureInfo("id-ID"), Currency.IDR),
        PriceTextPattern.Create(CultureInfo.GetCultureInfo("en-US"), Currency.USD),
        PriceTextPattern.CreateWithInvariantCulture(),
    ];

    private static readonly DateTextPattern[] Dates =
    [
        DateTextPattern.Indonesian,
        DateTextPattern.Create(CultureInfo.GetCultureInfo("en-US"), TimeZoneInfo.Utc),
        DateTextPattern.CreateWithInvariantCulture(TimeZoneInfo.Utc),
    ];

    [Theory]
    [InlineData("$5")]
    [InlineData("USD 5")]
    [InlineData("Rp 72.000")]
    [InlineData("Rp72.000")]
    [InlineData("IDR 1,500,000")]
    [InlineData("Rp3Jt")]
    [InlineData("Rp 3 juta")]
    [InlineData("Rp 500rb")]
    [InlineData("Rp 150.000,-")]
    [InlineData("1.234,56 €")]
    [InlineData("Rp 1.000.000 - Rp 2.500.000")]
    [InlineData("$10.00-$20.00")]
    [InlineData("Rp 1-2 juta")]
    [InlineData("Rp 1.000.000 s/d Rp 2.000.000")]
    [InlineData("up to $500")]
    [InlineData("mulai Rp 50rb")]
    public void PricesGiveAResultAndNeverThrow(string text) =>
        ParserFuzzing.AssertContract(
            FixtureMutator.Text(text, ParserFuzzing.Iterations, ParserFuzzing.Seed),
            mutated =>
            {
                foreach (var pattern in Prices)
                {
                    _ = pattern.Parse(mutated);
                    _ = pattern.ParseRange(mutated);
                }
            });

    [Theory]
    [InlineData("12 Januari 2025")]
    [InlineData("12 Jan 2025")]
    [InlineData("January 12, 2025")]
    [InlineData("24/04/2022 16:41:06 WIB")]
    [InlineData("2026-09-18 08:00:00")]
    [InlineData("2024-04-24T16:41:06.123456789+07:00")]
    [InlineData("2 hari yang lalu")]
    [InlineData("3 jam lalu")]
    [InlineData("3 hours ago")]
    [InlineData("kemarin 14:30")]
    [InlineData("Published Date: 12 Januari 2025 10:15 WITA")]
    [InlineData("baru saja")]
    public void DatesGiveAResultAndNeverThrow(string text) =>
        ParserFuzzing.AssertContract(
            FixtureMutator.Text(text, ParserFuzzing.Iterations, ParserFuzzing.Seed),
            mutated =>
            {
                foreach (var pattern in Dates)
                {
                    _ = pattern.Parse(mutated, Now);
                }
            });

    [Theory]
    [InlineData("logo design -wordpress budget:>=500000IDR type:fixed posted:<3d site:fiverr,upwork kind:service sort:newest limit:100")]
    [InlineData("\"logo design\" budget:100..500USD skill:python,react country:\"United States\" payment:verified rating:>=4.5 proposals:<=10 currency:IDR")]
    [InlineData("budget:<=100USD posted:<2w sort:budget-high")]
    public void QueriesParseOrThrowFormatException(string text) =>
        ParserFuzzing.AssertContract(
            FixtureMutator.Text(text, ParserFuzzing.Iterations, ParserFuzzing.Seed),
            mutated =>
            {
                var text = GigQuery.Parse(mutated).ToString();

                // What a query prints is a query that parses back to itself.
                Assert.Equal(text, GigQuery.Parse(text).ToString());
            },
            typeof(FormatException));

    [Fact]
    public void TheEcbFileParsesOrThrowsFormatException()
    {
        var report = ParserFuzzing.AssertContract(
            FixtureMutator.Html(Fixtures.Read("ecb-eurofxref-daily-2024-04-19.xml"), ParserFuzzing.Iterations, ParserFuzzing.Seed),
            mutated =>
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(mutated));
                var table = EcbReferenceRates.Parse(stream, 1024 * 1024);
                Assert.True(table.Count > 0);
            },
            typeof(FormatException));
        Assert.True(report.Parsed > 0, report.ToString());
    }

    [Theory]
    [InlineData("<p>We need a <b>logo</b> &amp; a banner.</p><ul><li>AI file</li><li>PNG</li></ul><script>document.write('<h2>x</h2>')</script><p>Budget: $50</p>")]
    [InlineData("Line one<br />Line two<br>Line three<!-- note --><style>.x{color:red}</style><div title=\"a > b\">cut off <a href=\"javascript:alert(1)\">here</a>")]
    public void PlainTextNeverThrows(string html) =>

        // Whether script content stays out is checked on exact cases in HtmlTextTests: a mutation can make a script
        // tag into text (a browser would show it too), so the fuzz checks only that every input gives an answer.
        ParserFuzzing.AssertContract(
            FixtureMutator.Html(html, ParserFuzzing.Iterations, ParserFuzzing.Seed).Concat(FixtureMutator.Text(html, ParserFuzzing.Iterations, ParserFuzzing.Seed)),
            mutated => _ = HtmlText.ToPlainText(mutated));
}

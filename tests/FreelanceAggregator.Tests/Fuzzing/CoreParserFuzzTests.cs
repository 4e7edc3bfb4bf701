using System.Text;
using FreelanceAggregator.ExchangeRates;
using FreelanceAggregator.Testing;
using FreelanceAggregator.Testing.Fuzzing;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Tests.Fuzzing;

/// <summary>
/// The core's other text parsers under mutated input (prices and dates have their own classes, so the three run side by
/// side). Their contracts: <see cref="GigQuery.Parse"/> throws only <see cref="FormatException"/>;
/// the ECB parser throws only <see cref="FormatException"/>, which the live provider turns into its documented fallback
/// to the embedded snapshot; <see cref="HtmlText.ToPlainText"/> never throws.
/// </summary>
public sealed class CoreParserFuzzTests
{
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

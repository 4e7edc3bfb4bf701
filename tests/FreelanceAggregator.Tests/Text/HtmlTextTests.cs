using FreelanceAggregator.Text;

namespace FreelanceAggregator.Tests;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>Hello <b>world</b></p><script>alert('x')</script>", "Hello world")]
    [InlineData("Line one<br />Line two<br>Line three", "Line one\nLine two\nLine three")]
    [InlineData("Fish &amp; chips &lt;3 &quot;yes&quot;", "Fish & chips <3 \"yes\"")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("<style>.x{color:red}</style><div>Budget</div>", "Budget")]
    [InlineData("<!-- hidden --><p>Shown</p>", "Shown")]
    [InlineData("  spaced   out\t\ttext  ", "spaced out text")]
    [InlineData("<p>Para one</p>\n\n\n\n<p>Para two</p>", "Para one\n\nPara two")]
    [InlineData("<div>cut off <a href=", "cut off")]
    [InlineData("<SCRIPT type=text/javascript>document.write(1)</SCRIPT>Safe", "Safe")]
    public void ToPlainTextKeepsTheTextAndNothingElse(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<script>only()</script>")]
    public void NothingReadableIsNull(string? html) => Assert.Null(HtmlText.ToPlainText(html));
}

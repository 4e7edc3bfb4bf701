using FreelanceAggregator.Providers;

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

    // Found by fuzzing: a script ends only at "</script" followed by white space, '/' or '>', as a browser reads it, so
    // the rest of a script holding "</script<" is not shown as text.
    [InlineData("<script>a('1')</script<script>document.write('x')</script><p>Budget</p>", "Budget")]

    // Found by fuzzing: a '>' inside a quoted attribute value does not end the tag, so the value is not shown as text.
    [InlineData("<a href=\"javascript:a<script>document.write(1)</script>\" title='x > y'>here</a>", "here")]
    [InlineData("<div title=\"a > b\">text</div>", "text")]

    // Plain text without tags or entities takes a shorter way, with the same tidying.
    [InlineData("  plain\r\n\r\n\r\ntext\u200B here ", "plain\n\ntext here")]
    [InlineData("Already tidy text", "Already tidy text")]
    public void ToPlainTextKeepsTheTextAndNothingElse(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<script>only()</script>")]
    public void NothingReadableIsNull(string? html) => Assert.Null(HtmlText.ToPlainText(html));
}

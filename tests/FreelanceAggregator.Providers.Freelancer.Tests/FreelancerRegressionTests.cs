using System.Net;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>Bugs the fuzzing found in the Freelancer parser, each pinned by the input that showed it.</summary>
public sealed class FreelancerRegressionTests
{
    private static readonly Uri Api = new("https://www.freelancer.com/api/projects/0.1/projects/active/?limit=100&offset=0");

    private static FreelancerParseSettings Settings(HttpStatusCode status) =>
        new("freelancer", new Uri("https://www.freelancer.com/"), Api, status, new DateOnly(2026, 11, 23));

    // "\ud800" is valid JSON syntax, but JsonElement.GetString() throws InvalidOperationException for it; the envelope's
    // status, message and error_code were read outside the per-project safety net, so the exception escaped.
    [Theory]
    [InlineData("""{"status":"\ud800","result":{"projects":[]}}""")]
    [InlineData("""{"status":"error","message":"\udc00","error_code":"\ud800"}""")]
    [InlineData("""{"status":"success","result":{"projects":[{"id":"\ud800","title":"\ud800","seo_url":"a/b"}],"total_count":"\ud800"}}""")]
    public void AnInvalidUtf16EscapeIsUnreadableNotAnInvalidOperationException(string body)
    {
        var exception = Record.Exception(() =>
        {
            FreelancerResponseParser.ThrowIfSiteError(body, Settings(HttpStatusCode.BadRequest));
            FreelancerResponseParser.Parse(body, Settings(HttpStatusCode.OK));
        });

        Assert.True(exception is null or GigProviderException, exception?.ToString());
    }

    [Fact]
    public void TextWithALoneSurrogateIsAnInvalidResponseNotAnArgumentException()
    {
        // JsonDocument.Parse(string) throws ArgumentException for text that cannot be transcoded to UTF-8.
        const string Body = "{\"status\":\"success\",\"result\":{\"projects\":[],\"x\":\"\ud83d\"}}";

        FreelancerResponseParser.ThrowIfSiteError(Body, Settings(HttpStatusCode.BadRequest));
        var error = Assert.Throws<GigProviderException>(() => FreelancerResponseParser.Parse(Body, Settings(HttpStatusCode.OK)));
        Assert.Equal(GigProviderFailure.InvalidResponse, error.Failure);
    }
}

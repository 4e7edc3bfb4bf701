using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FreelanceAggregator.Providers.Freelancer;

/// <summary>
/// Options of the Freelancer.com provider (<c>AddFreelancer()</c>): where the API is, which public site a project links
/// to, which project languages to ask for, and an optional OAuth token. Freelancer.co.id uses
/// <see cref="FreelancerIndonesiaOptions"/>, which only changes the defaults.
/// </summary>
public class FreelancerOptions : GigProviderOptions
{
    /// <summary>The most projects Freelancer's API returns per request; a larger <c>limit</c> is cut to this.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Initializes a new instance with the defaults of Freelancer.com.</summary>
    public FreelancerOptions()
    {
        // The REST API lives on www.freelancer.com for every regional site; no public code calls another host.
        BaseAddress = new Uri("https://www.freelancer.com/");

        // The API allows 200 requests a minute per client (its ratelimit-limit header); half a second between pages
        // keeps a long search well inside that.
        PageDelay = TimeSpan.FromMilliseconds(500);
        UserAgent = "FreelanceAggregator/0.1 (+https://github.com/FreelanceAggregator/FreelanceAggregator)";
    }

    /// <summary>
    /// Gets or sets the public site a project's <see cref="Gig.Url"/> points at: <c>{PublicSite}projects/{seo_url}</c>.
    /// It does not change where requests go (<see cref="GigProviderOptions.BaseAddress"/> does).
    /// </summary>
    /// <value>The default value is <c>https://www.freelancer.com/</c> (<c>https://www.freelancer.co.id/</c> in <see cref="FreelancerIndonesiaOptions"/>).</value>
    [Required]
    public Uri? PublicSite { get; set; } = new("https://www.freelancer.com/");

    /// <summary>
    /// Gets or sets the project languages to ask for (ISO 639-1 codes such as <c>en</c> or <c>id</c>), sent as
    /// <c>languages[]</c>; empty asks for every language.
    /// </summary>
    /// <value>The default value is empty, every language (<c>["id"]</c> in <see cref="FreelancerIndonesiaOptions"/>).</value>
    public IList<string> Languages { get; set; } = [];

    /// <summary>
    /// Gets or sets the currency this site shows budgets in (an ISO 4217 code), or <see langword="null"/> for each
    /// project's own. It becomes the provider's <see cref="GigProviderCapabilities.DisplayCurrency"/>: when neither the
    /// query nor <see cref="GigAggregatorOptions.Currency"/> names a target currency and every provider asked displays
    /// this one (e.g. <c>site:freelancer.co.id</c>), budgets are converted to it.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (<c>IDR</c> in <see cref="FreelancerIndonesiaOptions"/>).</value>
    public string? DisplayCurrency { get; set; }

    /// <summary>
    /// Gets or sets an OAuth access token, sent as the <c>freelancer-oauth-v1</c> header; <see langword="null"/> sends
    /// none. Active-project search needs no token; set one only to search as a user. The token never appears in logs,
    /// exception messages or <see cref="ToString"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? OAuthToken { get; set; }

    /// <summary>
    /// Gets or sets the most projects to ask for per request (Freelancer's <c>limit</c>); fewer are asked when the page
    /// request wants fewer (<see cref="GigPageRequest.PageSize"/>: the aggregator asks for the query's limit when the site
    /// applies every filter of the query).
    /// </summary>
    /// <value>The default value is 100, the most the API returns per request.</value>
    [Range(1, MaxPageSize)]
    public int PageSize { get; set; } = MaxPageSize;

    /// <summary>Describes the options without the token (only whether one is set).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{GetType().Name} {{ BaseAddress = {BaseAddress}, PublicSite = {PublicSite}, Languages = [{string.Join(", ", Languages ?? [])}], DisplayCurrency = {DisplayCurrency ?? "(none)"}, PageSize = {PageSize}, OAuthToken = {(string.IsNullOrEmpty(OAuthToken) ? "(none)" : "(set)")} }}");
}

/// <summary>
/// Options of the Freelancer.co.id provider (<c>AddFreelancerIndonesia()</c>): the same marketplace and API as
/// Freelancer.com, seen from its Indonesian site. Only the defaults differ from <see cref="FreelancerOptions"/>:
/// <see cref="FreelancerOptions.PublicSite"/> is <c>https://www.freelancer.co.id/</c>, <see cref="FreelancerOptions.Languages"/>
/// is <c>["id"]</c> (projects written in Indonesian) and <see cref="FreelancerOptions.DisplayCurrency"/> is <c>IDR</c>.
/// Requests still go to <c>https://www.freelancer.com/</c>, where the API is served for every regional site.
/// </summary>
public class FreelancerIndonesiaOptions : FreelancerOptions
{
    /// <summary>Initializes a new instance with the defaults of Freelancer.co.id.</summary>
    public FreelancerIndonesiaOptions()
    {
        PublicSite = new Uri("https://www.freelancer.co.id/");
        Languages = ["id"];
        DisplayCurrency = "IDR";
    }
}

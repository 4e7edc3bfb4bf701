using System.ComponentModel.DataAnnotations;

namespace FreelanceAggregator.Providers.Fiverr;

/// <summary>Options of the Fiverr provider: the shared <see cref="GigProviderOptions"/> with Fiverr's defaults, and what is Fiverr's own.</summary>
/// <remarks>
/// Fiverr answers scripted clients with a PerimeterX "Press &amp; Hold" challenge quickly, so the defaults are those of a
/// careful browser user: a desktop browser's headers and a pause of a few seconds between pages.
/// </remarks>
public class FiverrOptions : GigProviderOptions
{
    /// <summary>The User-Agent sent when <see cref="GigProviderOptions.UserAgent"/> is not set: desktop Firefox, as in a real capture of the search page.</summary>
    public const string DefaultUserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:135.0) Gecko/20100101 Firefox/135.0";

    /// <summary>The Accept header a browser sends for a page.</summary>
    internal const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /// <summary>Initializes the options with Fiverr's defaults.</summary>
    /// <remarks>
    /// The defaults that differ from <see cref="GigProviderOptions"/>: <see cref="GigProviderOptions.BaseAddress"/> is
    /// <c>https://www.fiverr.com/</c>; <see cref="GigProviderOptions.UserAgent"/> is <see cref="DefaultUserAgent"/>;
    /// <see cref="GigProviderOptions.PageDelay"/> is 3 seconds; <see cref="GigProviderOptions.MaxPages"/> is 10 (480 listing
    /// slots at 48 a page, and 27 seconds of pauses, well inside the aggregator's default 60-second provider timeout).
    /// </remarks>
    public FiverrOptions()
    {
        BaseAddress = new Uri("https://www.fiverr.com/");
        UserAgent = DefaultUserAgent;
        PageDelay = TimeSpan.FromSeconds(3);
        MaxPages = 10;
    }

    /// <summary>
    /// Gets or sets the Accept-Language header. Fiverr answers in the language it names (titles stay as sellers wrote them);
    /// a request without one looks less like a browser.
    /// </summary>
    /// <value>The default value is <c>en-US,en;q=0.5</c>.</value>
    [Required]
    public string AcceptLanguage { get; set; } = "en-US,en;q=0.5";

    /// <summary>
    /// Gets or sets a value indicating whether promoted gigs (Fiverr's paid placements, <c>type: "promoted_gigs"</c>) are
    /// returned. Either way each gig says whether it is promoted in <c>Extra["promoted"]</c>. A gig that is also listed
    /// without promotion on the same page is returned once, as not promoted, also when this is <see langword="false"/>.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludePromotedGigs { get; set; } = true;
}

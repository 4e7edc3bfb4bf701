using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace FreelanceAggregator.Providers.Microworkers;

/// <summary>
/// Options of the Microworkers provider. The job list is a logged-in page, so the provider needs the worker's own
/// session: set <see cref="SessionCookie"/> (the <c>PHPSESSID</c> cookie of a browser logged in to microworkers.com), or
/// <see cref="SessionCookieProvider"/> for an app that keeps and renews the session itself. Without either, the provider
/// sends no request and fails with <see cref="GigProviderFailure.Configuration"/>, saying how to get one. The shared
/// options (timeouts, retries, proxy, paging) are on <see cref="GigProviderOptions"/>.
/// </summary>
/// <remarks>
/// The session is a secret: it goes only into the <c>Cookie</c> header of requests to <see cref="GigProviderOptions.BaseAddress"/>
/// (which must be https, except for a loopback test server), and never into <see cref="ToString"/>, logs, exceptions or
/// outcomes.
/// </remarks>
public sealed class MicroworkersOptions : GigProviderOptions
{
    /// <summary>The User-Agent sent unless <see cref="GigProviderOptions.UserAgent"/> is set otherwise.</summary>
    public const string DefaultUserAgent = "FreelanceAggregator/0.1 (+https://github.com/FreelanceAggregator/FreelanceAggregator)";

    /// <summary>The name of Microworkers' session cookie (a PHP session).</summary>
    public const string DefaultSessionCookieName = "PHPSESSID";

    /// <summary>How many rows the job list shows per page (100, seen in September 2026).</summary>
    public const int DefaultRowsPerPage = 100;

    /// <summary>The last page number the job list offers (25 pages of 100 rows, seen in September 2026).</summary>
    public const int DefaultLastPage = 25;

    /// <summary>
    /// Initializes a new instance with Microworkers' address and a pace its bot detection tolerates:
    /// <see cref="GigProviderOptions.BaseAddress"/> <c>https://www.microworkers.com/</c>, <see cref="GigProviderOptions.PageDelay"/>
    /// 4 seconds, <see cref="GigProviderOptions.MaxPages"/> 5 (500 jobs), and <see cref="GigProviderOptions.UserAgent"/>
    /// <see cref="DefaultUserAgent"/>.
    /// </summary>
    public MicroworkersOptions()
    {
        BaseAddress = new Uri("https://www.microworkers.com/");

        // A worker tool that read the list's pages back to back earned its account a one-day "Auto-refresh / Bot" ban,
        // twice; four seconds between pages kept it clear (see the fixtures' README). 5 pages is 500 jobs.
        PageDelay = TimeSpan.FromSeconds(4);
        MaxPages = 5;
        UserAgent = DefaultUserAgent;
    }

    /// <summary>
    /// Gets or sets the worker's session: the value of the <c>PHPSESSID</c> cookie of a browser logged in to
    /// microworkers.com (e.g. <c>q3v8k1…</c>), or a whole <c>Cookie</c> header (<c>PHPSESSID=…; other=…</c>), sent as it is.
    /// It expires when the worker logs out or the site ends the session; the provider then fails with
    /// <see cref="GigProviderFailure.LoginRequired"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? SessionCookie { get; set; }

    /// <summary>
    /// Gets or sets a delegate that returns the current session (as <see cref="SessionCookie"/> takes it), or
    /// <see langword="null"/> when there is none, for apps that keep the session elsewhere and renew it. It is asked before
    /// every page. It cannot be combined with <see cref="SessionCookie"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<CancellationToken, ValueTask<string?>>? SessionCookieProvider { get; set; }

    /// <summary>Gets or sets the name of the session cookie, used when <see cref="SessionCookie"/> is a bare value.</summary>
    /// <value>The default value is <see cref="DefaultSessionCookieName"/>.</value>
    [Required]
    public string SessionCookieName { get; set; } = DefaultSessionCookieName;

    /// <summary>Gets or sets the path of the job list, relative to <see cref="GigProviderOptions.BaseAddress"/>; the provider adds the page number.</summary>
    /// <value>The default value is <c>jobs.php</c>.</value>
    [Required]
    public string JobsPath { get; set; } = "jobs.php";

    /// <summary>Gets or sets the query parameter of the page number (from 1).</summary>
    /// <value>The default value is <c>page</c>.</value>
    [Required]
    public string PageParameter { get; set; } = "page";

    /// <summary>
    /// Gets or sets how many rows a full page of the job list has. A page with this many rows, or one that links to the
    /// next page, is followed by the next page; a page with fewer rows is the last.
    /// </summary>
    /// <value>The default value is <see cref="DefaultRowsPerPage"/>.</value>
    [Range(1, 10_000)]
    public int RowsPerPage { get; set; } = DefaultRowsPerPage;

    /// <summary>Gets or sets the last page number the site offers; no page after it is asked for.</summary>
    /// <value>The default value is <see cref="DefaultLastPage"/>.</value>
    [Range(1, 10_000)]
    public int LastPage { get; set; } = DefaultLastPage;

    /// <summary>Gets the CSS selectors that read the job list, and the text of its "no jobs" message.</summary>
    public MicroworkersPageOptions Page { get; } = new();

    /// <summary>Describes the options without the session: whether one is set, never its value.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("MicroworkersOptions { ");
        text.Append(CultureInfo.InvariantCulture, $"BaseAddress = {BaseAddress}, JobsPath = {JobsPath}, ");
        text.Append(CultureInfo.InvariantCulture, $"SessionCookie = {(string.IsNullOrWhiteSpace(SessionCookie) ? "not set" : "set")}, ");
        text.Append(CultureInfo.InvariantCulture, $"SessionCookieProvider = {(SessionCookieProvider is null ? "not set" : "set")}, SessionCookieName = {SessionCookieName}, ");
        text.Append(CultureInfo.InvariantCulture, $"RowsPerPage = {RowsPerPage}, LastPage = {LastPage}, MaxPages = {MaxPages}, PageDelay = {PageDelay.TotalSeconds}s }}");
        return text.ToString();
    }
}

/// <summary>
/// The CSS selectors that read Microworkers' job list, and the text that says the list is empty. The defaults read both
/// markups seen in public tools: the current rows (<c>div.jobslist</c> with <c>id="campaign&lt;hex&gt;"</c>, validated
/// against the live site in September 2026) and the older table rows (<c>tr[id^="job_"]</c>, title in the third cell,
/// payment in the fourth). Change them here when the site changes, without waiting for a release; an empty selector
/// leaves that value out. Selectors are checked when the aggregator is created.
/// </summary>
public sealed class MicroworkersPageOptions
{
    /// <summary>Gets or sets the selector of a job row. The row's <c>id</c> (<c>campaign&lt;hex&gt;</c> or <c>job_&lt;id&gt;</c>) is the job's id.</summary>
    /// <value>The default value is <c>div.jobslist, tr[id^="job_"]</c>.</value>
    [Required]
    public string Row { get; set; } = """div.jobslist, tr[id^="job_"]""";

    /// <summary>Gets or sets the selector of the job's link inside a row (<c>jobs_details.php?Id=…</c>, <c>hm_jobs_details.php?Id=…</c> or a TTV task page).</summary>
    /// <value>The default value is <c>.jobname a[href], td:nth-child(3) a[href]</c>.</value>
    [Required]
    public string Link { get; set; } = ".jobname a[href], td:nth-child(3) a[href]";

    /// <summary>Gets or sets the selector of the job's title inside a row.</summary>
    /// <value>The default value is <c>.jobname a, td:nth-child(3)</c>.</value>
    [Required]
    public string Title { get; set; } = ".jobname a, td:nth-child(3)";

    /// <summary>Gets or sets the selector of the payment per task (<c>$0.30</c>), in US dollars.</summary>
    /// <value>The default value is <c>.jobpayment, td:nth-child(4)</c>.</value>
    public string Payment { get; set; } = ".jobpayment, td:nth-child(4)";

    /// <summary>Gets or sets the selector of the success rate a worker needs (<c>90%</c>), <c>successRate</c> in <see cref="Gig.Extra"/>.</summary>
    /// <value>The default value is <c>.jobsuccess</c>.</value>
    public string SuccessRate { get; set; } = ".jobsuccess";

    /// <summary>Gets or sets the selector of the time to rate (<c>7 days</c>), <c>ttrDays</c> in <see cref="Gig.Extra"/>.</summary>
    /// <value>The default value is <c>.jobttr</c>.</value>
    public string TimeToRate { get; set; } = ".jobttr";

    /// <summary>Gets or sets the selector of the time to finish (<c>10 minutes</c>), <c>ttfMinutes</c> in <see cref="Gig.Extra"/>.</summary>
    /// <value>The default value is <c>.jobstatus</c>, the class the site gives it.</value>
    public string TimeToFinish { get; set; } = ".jobstatus";

    /// <summary>Gets or sets the selector of the positions done of the total (<c>2980/3000</c>), <c>done</c>, <c>total</c> and <c>remaining</c> in <see cref="Gig.Extra"/>.</summary>
    /// <value>The default value is <c>.jobdone</c>.</value>
    public string Done { get; set; } = ".jobdone";

    /// <summary>
    /// Gets or sets a regular expression (case-insensitive) for the page's own "no jobs" message. A page without rows is an
    /// empty list only when its text matches; otherwise it is a failure, because the markup may have changed.
    /// </summary>
    /// <value>The default value is <c>\bno (?:more |available |new )?(?:jobs|tasks)\b</c>.</value>
    [Required]
    public string NoJobsText { get; set; } = @"\bno (?:more |available |new )?(?:jobs|tasks)\b";
}

using System.ComponentModel.DataAnnotations;

namespace FreelanceAggregator.Providers.Sribulancer;

/// <summary>Where the Sribulancer provider reads the job list from.</summary>
public enum SribulancerSource
{
    /// <summary>
    /// Sribu's public GraphQL API (<c>POST https://api.sribu.com/public</c>, query <c>jobsListPublic</c>): the list the
    /// Sribu web app itself reads since Sribulancer was folded into Sribu. Structured data: budget and currency,
    /// applicants, category, closing date, client.
    /// </summary>
    SribuApi,

    /// <summary>
    /// The browse-jobs page (<c>/id/browse-jobs</c>), read with the CSS selectors in <see cref="SribulancerOptions.Page"/>.
    /// The page is a single-page app: unless something renders it server-side (a mirror, a prerendering proxy), it
    /// comes back as an empty shell, which is reported as <see cref="GigProviderFailure.JavaScriptRequired"/>.
    /// </summary>
    BrowsePage,
}

/// <summary>Options of the Sribulancer provider. The shared ones (timeouts, retries, proxy, paging) are on <see cref="GigProviderOptions"/>.</summary>
public sealed class SribulancerOptions : GigProviderOptions
{
    /// <summary>The User-Agent sent unless <see cref="GigProviderOptions.UserAgent"/> is set otherwise.</summary>
    public const string DefaultUserAgent = "FreelanceAggregator/0.1 (+https://github.com/FreelanceAggregator/FreelanceAggregator)";

    /// <summary>
    /// Initializes a new instance that reads Sribu's public API politely: <see cref="GigProviderOptions.BaseAddress"/>
    /// <c>https://api.sribu.com/</c>, <see cref="GigProviderOptions.PageDelay"/> one second, and
    /// <see cref="GigProviderOptions.UserAgent"/> <see cref="DefaultUserAgent"/>.
    /// </summary>
    public SribulancerOptions()
    {
        BaseAddress = new Uri("https://api.sribu.com/");
        PageDelay = TimeSpan.FromSeconds(1);
        UserAgent = DefaultUserAgent;
    }

    /// <summary>
    /// Gets or sets where the job list is read from. With <see cref="SribulancerSource.BrowsePage"/>, also set
    /// <see cref="GigProviderOptions.BaseAddress"/> to the site whose page to read (e.g. <c>https://www.sribu.com/</c>).
    /// </summary>
    /// <value>The default value is <see cref="SribulancerSource.SribuApi"/>.</value>
    public SribulancerSource Source { get; set; } = SribulancerSource.SribuApi;

    /// <summary>
    /// Gets or sets the public site that listings link to; job and client links are made absolute against it, and
    /// links to other hosts are dropped. It is also sent as the API request's <c>Origin</c> and <c>Referer</c>.
    /// </summary>
    /// <value>The default value is <c>https://www.sribu.com/</c>.</value>
    [Required]
    public Uri? SiteAddress { get; set; } = new("https://www.sribu.com/");

    /// <summary>Gets or sets the path of a job's page on <see cref="SiteAddress"/>; <c>{id}</c> is the job's id.</summary>
    /// <value>The default value is <c>id/jobs/{id}</c>.</value>
    [Required]
    public string JobPath { get; set; } = "id/jobs/{id}";

    /// <summary>Gets or sets the path of a client's profile on <see cref="SiteAddress"/>; <c>{user}</c> is the client's user name.</summary>
    /// <value>The default value is <c>id/users/{user}</c>.</value>
    [Required]
    public string ClientPath { get; set; } = "id/users/{user}";

    /// <summary>Gets the request and the JSON paths used with <see cref="SribulancerSource.SribuApi"/>.</summary>
    public SribuApiOptions Api { get; } = new();

    /// <summary>Gets the address and the CSS selectors used with <see cref="SribulancerSource.BrowsePage"/>.</summary>
    public SribulancerPageOptions Page { get; } = new();
}

/// <summary>
/// The GraphQL request sent to Sribu's public API and the JSON paths read from its answer. A path is a dotted list of
/// property names (<c>mmember.name</c>; a number indexes an array); an empty path leaves that field out. Change these
/// when Sribu changes its schema, without waiting for a release.
/// </summary>
public sealed class SribuApiOptions
{
    /// <summary>The default GraphQL query: the public job list as the Sribu web app requested it (2023), limited to the list itself.</summary>
    public const string DefaultQuery = """
        {
          jobsList: jobsListPublic(page: {page}, job_type: 0, per_page: {perPage}, status: 1, posting_time_limit_start: "{openAfter}", language: "{language}", order_by: [{name: "created_at", order: -1}]) {
            status count message error
            data {
              id title created_at applied_number hired_number status flow_status amount freelancer_budget
              mmember { id name user_id }
              is_no_hired budget currency_code deadline posting_time_limit
              msubcategory { id name name_en mcategory { id name name_en } }
            }
          }
        }
        """;

    /// <summary>Gets or sets the path of the GraphQL endpoint, relative to <see cref="GigProviderOptions.BaseAddress"/>.</summary>
    /// <value>The default value is <c>public</c>.</value>
    [Required]
    public string Path { get; set; } = "public";

    /// <summary>
    /// Gets or sets the GraphQL query. <c>{page}</c> (1-based), <c>{perPage}</c>, <c>{language}</c> and <c>{openAfter}</c>
    /// (now, in Jakarta time, ISO 8601, so that only jobs still open come back) are filled in for each page.
    /// </summary>
    /// <value>The default value is <see cref="DefaultQuery"/>.</value>
    [Required]
    public string Query { get; set; } = DefaultQuery;

    /// <summary>
    /// Gets or sets how many jobs to ask for per page: the most, since the aggregator asks for fewer when its query's
    /// limit is smaller and has no filter the API would have to apply (<see cref="GigPageRequest.PageSize"/>).
    /// </summary>
    /// <value>The default value is 10, as the Sribu web app asks.</value>
    [Range(1, 100)]
    public int PageSize { get; set; } = 10;

    /// <summary>Gets or sets the language of the job list (<c>id</c> or <c>en</c>).</summary>
    /// <value>The default value is <c>id</c>.</value>
    [Required]
    public string Language { get; set; } = "id";

    /// <summary>Gets or sets the path of the array of jobs.</summary>
    /// <value>The default value is <c>data.jobsList.data</c>.</value>
    [Required]
    public string JobsPath { get; set; } = "data.jobsList.data";

    /// <summary>Gets or sets the path of the total number of jobs, for paging.</summary>
    /// <value>The default value is <c>data.jobsList.count</c>.</value>
    public string TotalPath { get; set; } = "data.jobsList.count";

    /// <summary>Gets or sets the path of the list's own error, reported as a <see cref="GigProviderFailure.SiteError"/> when it is set.</summary>
    /// <value>The default value is <c>data.jobsList.error</c>.</value>
    public string ErrorPath { get; set; } = "data.jobsList.error";

    /// <summary>Gets or sets the path of a job's id (mandatory).</summary>
    /// <value>The default value is <c>id</c>.</value>
    [Required]
    public string IdPath { get; set; } = "id";

    /// <summary>Gets or sets the path of a job's title (mandatory).</summary>
    /// <value>The default value is <c>title</c>.</value>
    [Required]
    public string TitlePath { get; set; } = "title";

    /// <summary>Gets or sets the path of a job's description (HTML or text); the default query does not ask for it.</summary>
    /// <value>The default value is <c>description</c>.</value>
    public string DescriptionPath { get; set; } = "description";

    /// <summary>Gets or sets the path of when a job was posted.</summary>
    /// <value>The default value is <c>created_at</c>.</value>
    public string PostedAtPath { get; set; } = "created_at";

    /// <summary>Gets or sets the path of a job's budget (a number or a price text).</summary>
    /// <value>The default value is <c>budget</c>.</value>
    public string BudgetPath { get; set; } = "budget";

    /// <summary>Gets or sets the path of the budget's ISO 4217 currency code; without one the budget is left out, never guessed.</summary>
    /// <value>The default value is <c>currency_code</c>.</value>
    public string CurrencyPath { get; set; } = "currency_code";

    /// <summary>Gets or sets the path of the number of applicants so far.</summary>
    /// <value>The default value is <c>applied_number</c>.</value>
    public string ProposalsPath { get; set; } = "applied_number";

    /// <summary>Gets or sets the path of the number of freelancers hired so far (<c>hired</c> in <see cref="Gig.Extra"/>).</summary>
    /// <value>The default value is <c>hired_number</c>.</value>
    public string HiredPath { get; set; } = "hired_number";

    /// <summary>Gets or sets the path of the client's display name.</summary>
    /// <value>The default value is <c>mmember.name</c>.</value>
    public string ClientNamePath { get; set; } = "mmember.name";

    /// <summary>Gets or sets the path of the client's user name, for the profile link (<c>clientUrl</c> in <see cref="Gig.Extra"/>).</summary>
    /// <value>The default value is <c>mmember.user_id</c>.</value>
    public string ClientUserPath { get; set; } = "mmember.user_id";

    /// <summary>Gets or sets the path of the job's category.</summary>
    /// <value>The default value is <c>msubcategory.mcategory.name</c>.</value>
    public string CategoryPath { get; set; } = "msubcategory.mcategory.name";

    /// <summary>Gets or sets the path of the job's sub-category, which becomes its skill.</summary>
    /// <value>The default value is <c>msubcategory.name</c>.</value>
    public string SubcategoryPath { get; set; } = "msubcategory.name";

    /// <summary>Gets or sets the path of when the job posting closes (<c>closesAt</c> in <see cref="Gig.Extra"/>).</summary>
    /// <value>The default value is <c>posting_time_limit</c>.</value>
    public string ClosesAtPath { get; set; } = "posting_time_limit";

    /// <summary>Gets or sets the path of the work's deadline (<c>deadline</c> in <see cref="Gig.Extra"/>).</summary>
    /// <value>The default value is <c>deadline</c>.</value>
    public string DeadlinePath { get; set; } = "deadline";

    /// <summary>Gets or sets the path of the job's workflow status (<c>status</c> in <see cref="Gig.Extra"/>).</summary>
    /// <value>The default value is <c>flow_status</c>.</value>
    public string StatusPath { get; set; } = "flow_status";
}

/// <summary>
/// The browse-jobs page's address and the CSS selectors that read it. The defaults follow the class-name convention of
/// the Sribulancer app recorded in 2022 (CSS-module names such as <c>title__yKKzE</c>, matched on their prefix, never on
/// the hash); no public job card was ever recorded, so check them against the live page and change them here. An empty
/// selector leaves that field out.
/// </summary>
public sealed class SribulancerPageOptions
{
    /// <summary>Gets or sets the page's path, relative to <see cref="GigProviderOptions.BaseAddress"/>; a category and sub-category may follow.</summary>
    /// <value>The default value is <c>id/browse-jobs</c>.</value>
    [Required]
    public string Path { get; set; } = "id/browse-jobs";

    /// <summary>Gets or sets the query parameter for keywords, or an empty string to send none.</summary>
    /// <value>The default value is <c>search</c>, as Sribu's browse-freelancer page uses.</value>
    public string KeywordParameter { get; set; } = "search";

    /// <summary>Gets or sets the query parameter for the page number.</summary>
    /// <value>The default value is <c>page</c>.</value>
    [Required]
    public string PageParameter { get; set; } = "page";

    /// <summary>Gets or sets the selector of a job card; the card is the job's link, or holds it (<see cref="Link"/>).</summary>
    /// <value>The default value is <c>a[id^="a_open_job_detail_"]</c>, the recorded card anchor whose id ends in the job's UUID.</value>
    [Required]
    public string JobCard { get; set; } = """a[id^="a_open_job_detail_"]""";

    /// <summary>Gets or sets the selector of the job's link inside a card that is not itself a link.</summary>
    /// <value>The default value is <c>a[href]</c>.</value>
    public string Link { get; set; } = "a[href]";

    /// <summary>Gets or sets the selector of the title inside a card (mandatory).</summary>
    /// <value>The default value is <c>[class^="title__"], [class*=" title__"]</c>.</value>
    [Required]
    public string Title { get; set; } = """[class^="title__"], [class*=" title__"]""";

    /// <summary>Gets or sets the selector of the description inside a card.</summary>
    /// <value>The default value is <c>[class^="description__"], [class*=" description__"]</c>.</value>
    public string Description { get; set; } = """[class^="description__"], [class*=" description__"]""";

    /// <summary>Gets or sets the selector of the budget inside a card (<c>IDR 750,000</c>, <c>Rp3Jt</c>, a range).</summary>
    /// <value>The default value is <c>[class^="budget__"], [class*=" budget__"]</c>.</value>
    public string Budget { get; set; } = """[class^="budget__"], [class*=" budget__"]""";

    /// <summary>Gets or sets the selector of the client's name inside a card; a leading <c>Oleh :</c> ("by") is dropped.</summary>
    /// <value>The default value is <c>[class^="owner__"], [class*=" owner__"]</c>.</value>
    public string Client { get; set; } = """[class^="owner__"], [class*=" owner__"]""";

    /// <summary>Gets or sets the selector of the category inside a card.</summary>
    /// <value>The default value is <c>[class^="category__"], [class*=" category__"]</c>.</value>
    public string Category { get; set; } = """[class^="category__"], [class*=" category__"]""";

    /// <summary>Gets or sets the selector of the skills (or sub-category) inside a card; every match is one skill.</summary>
    /// <value>The default value is <c>[class^="skill__"], [class*=" skill__"]</c>.</value>
    public string Skills { get; set; } = """[class^="skill__"], [class*=" skill__"]""";

    /// <summary>Gets or sets the selector of when the job was posted (<c>2 hari yang lalu</c>, <c>12 Januari 2025</c>).</summary>
    /// <value>The default value is <c>[class^="posted__"], [class*=" posted__"]</c>.</value>
    public string PostedAt { get; set; } = """[class^="posted__"], [class*=" posted__"]""";

    /// <summary>Gets or sets the selector of when the job posting closes (<c>Ditutup: 13 April 2022</c>).</summary>
    /// <value>The default value is <c>[class^="deadline__"], [class*=" deadline__"]</c>.</value>
    public string ClosesAt { get; set; } = """[class^="deadline__"], [class*=" deadline__"]""";

    /// <summary>Gets or sets the selector of the number of applicants (<c>12 Pelamar</c>).</summary>
    /// <value>The default value is <c>[class^="applicants__"], [class*=" applicants__"]</c>.</value>
    public string Proposals { get; set; } = """[class^="applicants__"], [class*=" applicants__"]""";

    /// <summary>Gets or sets the selector of a link to the next page; when nothing matches, the page is the last.</summary>
    /// <value>The default value is <c>a[rel="next"], [class*="pagination__"] a[class*="next__"]</c>.</value>
    public string NextPage { get; set; } = """a[rel="next"], [class*="pagination__"] a[class*="next__"]""";

    /// <summary>
    /// Gets or sets the selector of the page's own "no jobs found" message. A page without job cards is zero results only
    /// when this matches; otherwise it is a failure, because the markup may have changed.
    /// </summary>
    /// <value>The default value is <c>[class^="empty__"], [class*=" empty__"]</c>.</value>
    public string NoResults { get; set; } = """[class^="empty__"], [class*=" empty__"]""";
}

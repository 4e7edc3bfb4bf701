using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.ProjectsCoId;

/// <summary>
/// Reads Projects.co.id, the Indonesian project marketplace, from its server-rendered listing
/// (<c>https://projects.co.id/public/browse_projects/listing?page=N&amp;search=…</c>): owner, title, excerpt, tags,
/// published budget (a rupiah range), published date, deadline, finish days, status and bid count.
/// </summary>
/// <remarks>
/// Keywords go to the site's own search; every other filter is applied by the aggregator. The listing has no client
/// country, rating or payment verification, so queries that need them skip this provider with a reason.
/// </remarks>
public sealed class ProjectsCoIdProvider : HttpGigProvider<ProjectsCoIdOptions>
{
    /// <summary>The provider's default name.</summary>
    public const string DefaultName = "projects.co.id";

    private static readonly GigProviderCapabilities SiteCapabilities = new()
    {
        Kinds = [GigKind.Job],
        ServerSideFilters = GigFilters.Keywords,
        FilterableFields = GigFilters.Keywords | GigFilters.ExcludedWords | GigFilters.Kind | GigFilters.Budget | GigFilters.BudgetType
            | GigFilters.PostedWithin | GigFilters.Skills | GigFilters.MaxProposals,
        SiteHosts = ["projects.co.id"],
        DisplayCurrency = Currency.IDR,
    };

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name (<see cref="DefaultName"/> unless registered under another).</param>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The provider's named options.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>.</param>
    public ProjectsCoIdProvider(string name, IHttpClientFactory httpClientFactory, IOptionsMonitor<ProjectsCoIdOptions> options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(name, httpClientFactory, options, timeProvider, loggerFactory)
    {
    }

    /// <inheritdoc/>
    public override GigProviderCapabilities Capabilities => SiteCapabilities;

    /// <inheritdoc/>
    public override async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var client = CreateHttpClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var yielded = 0;
        var pages = Options.MaxPages;
        for (var page = 1; page <= pages && yielded < query.Limit; page++)
        {
            await PauseBeforePageAsync(page - 1, cancellationToken).ConfigureAwait(false);
            var path = ListingAddress(query, page);

            // The same address answers JSON to the company's app when it asks for application/json; ask for the page.
            var response = (await client.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, client.Resolve(path));
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
                    return request;
                },
                cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            var result = ProjectsCoIdParser.Parse(response.Text, response.RequestUri, Name, TimeProvider.GetUtcNow());
            foreach (var warning in result.Warnings)
            {
                ReportWarning(warning);
            }

            if (page == 1 && result.Gigs.Count > 0)
            {
                // The page size is the site's; the first page shows it.
                pages = PagesFor(query, result.Gigs.Count);
            }

            foreach (var gig in result.Gigs)
            {
                if (yielded < query.Limit && seen.Add(gig.Id))
                {
                    yielded++;
                    yield return gig;
                }
            }

            // The list is ordered by activity, so a later page can repeat a row; an empty page or the last page ends it.
            if (result.Gigs.Count == 0 || page >= (result.LastPage ?? page))
            {
                yield break;
            }
        }
    }

    private string ListingAddress(GigQuery query, int page)
    {
        var path = Options.ListingPath.TrimStart('/');
        var address = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}";
        return query.Keywords.Count == 0 ? address : address + "&search=" + Uri.EscapeDataString(string.Join(' ', query.Keywords));
    }
}

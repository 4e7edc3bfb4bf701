using System.Globalization;
using System.Net.Http.Headers;
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
    /// <remarks>
    /// The cursor is the page number (<c>page=N</c>, from 1). The site chooses its page size, so
    /// <see cref="GigPageRequest.PageSize"/> is not used. The next page is the one after this, while the pagination offers
    /// it and this page held projects.
    /// </remarks>
    /// <exception cref="ArgumentException">The request's cursor is not a page number this provider gave.</exception>
    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = ReadPageNumber(request.Cursor);
        var client = CreateHttpClient();
        var path = ListingAddress(request.Query, page);

        // The same address answers JSON to the company's app when it asks for application/json; ask for the page.
        var response = (await client.SendAsync(
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Get, client.Resolve(path));
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
                return message;
            },
            cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        var read = ProjectsCoIdParser.Parse(response.Text, response.RequestUri, Name, TimeProvider.GetUtcNow());

        // The list is ordered by activity, so a later page can repeat a row (the aggregator drops it); an empty page or
        // the last page the pagination offers ends it.
        var more = read.Gigs.Count > 0 && page < (read.LastPage ?? page);
        return new GigPage(read.Gigs, more ? (page + 1).ToString(CultureInfo.InvariantCulture) : null)
        {
            Warnings = read.Warnings,
            RequestUri = response.RequestUri,
        };
    }

    private static int ReadPageNumber(string? cursor)
    {
        if (cursor is null)
        {
            return 1;
        }

        return int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? page
            : throw new ArgumentException($"The cursor '{cursor}' is not a Projects.co.id page cursor (a page number such as '2').", nameof(cursor));
    }

    private string ListingAddress(GigQuery query, int page)
    {
        var path = Options.ListingPath.TrimStart('/');
        var address = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}";
        return query.Keywords.Count == 0 ? address : address + "&search=" + Uri.EscapeDataString(string.Join(' ', query.Keywords));
    }
}

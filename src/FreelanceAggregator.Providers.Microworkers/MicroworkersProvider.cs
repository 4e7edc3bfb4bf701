using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Microworkers;

/// <summary>
/// Reads Microworkers, the micro-task marketplace, from the job list a logged-in worker sees
/// (<c>https://www.microworkers.com/jobs.php?page=N</c>), with the worker's own session (see
/// <see cref="MicroworkersOptions.SessionCookie"/>): each job's title and link (basic, Hire Group or TTV), the payment per
/// task as a fixed USD budget, and in <see cref="Gig.Extra"/> <c>successRate</c>, <c>ttrDays</c>, <c>ttfMinutes</c>,
/// <c>done</c>, <c>total</c>, <c>remaining</c> and <c>group</c>.
/// </summary>
/// <remarks>
/// <para>
/// Microworkers has no worker-side API (its API is for employers' campaigns), so the page is read with the CSS selectors
/// of <see cref="MicroworkersOptions.Page"/>. The site applies none of the query's filters: keywords, excluded words and
/// the budget are applied by the aggregator to the titles and payments the list shows. The list has no descriptions,
/// dates, skills, clients or proposals, so queries that need them skip this provider with a reason.
/// </para>
/// <para>
/// Without a session no request is sent and the search fails with <see cref="GigProviderFailure.Configuration"/>; an
/// expired one (the login page answers, or a redirect to it) is <see cref="GigProviderFailure.LoginRequired"/>. The session
/// never appears in logs, messages, outcomes or <see cref="object.ToString"/>.
/// </para>
/// </remarks>
public sealed class MicroworkersProvider : HttpGigProvider<MicroworkersOptions>
{
    /// <summary>The provider's default name.</summary>
    public const string DefaultName = "microworkers";

    private static readonly GigProviderCapabilities SiteCapabilities = new()
    {
        Kinds = [GigKind.Job],
        ServerSideFilters = GigFilters.None,
        FilterableFields = GigFilters.Keywords | GigFilters.ExcludedWords | GigFilters.Kind | GigFilters.Budget | GigFilters.BudgetType,
        SiteHosts = ["microworkers.com"],
        DisplayCurrency = Currency.USD,
    };

    private readonly MicroworkersSession _session;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name (<see cref="DefaultName"/> unless registered under another).</param>
    /// <param name="httpClientFactory">Creates the provider's named HTTP client.</param>
    /// <param name="options">The provider's named options.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/>. Every record has the session removed.</param>
    public MicroworkersProvider(string name, IHttpClientFactory httpClientFactory, IOptionsMonitor<MicroworkersOptions> options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(name, httpClientFactory, options, timeProvider, loggerFactory, new MicroworkersSession(name))
    {
    }

    private MicroworkersProvider(string name, IHttpClientFactory httpClientFactory, IOptionsMonitor<MicroworkersOptions> options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, MicroworkersSession session)
        : base(name, httpClientFactory, options, timeProvider, new RedactingLoggerFactory(loggerFactory ?? NullLoggerFactory.Instance, text => session.Redact(text, Current(options, name))))
    {
        _session = session;
    }

    /// <inheritdoc/>
    public override GigProviderCapabilities Capabilities => SiteCapabilities;

    /// <inheritdoc/>
    /// <remarks>Without <see cref="MicroworkersOptions.SessionCookie"/> or <see cref="MicroworkersOptions.SessionCookieProvider"/> the job list cannot be read: the provider is skipped, saying how to get a session.</remarks>
    public override string? UnavailableReason =>
        string.IsNullOrWhiteSpace(Options.SessionCookie) && Options.SessionCookieProvider is null ? $"{Name}: {MicroworkersSession.NoSessionProblem}" : null;

    /// <inheritdoc/>
    /// <remarks>
    /// The cursor is the page number (<c>page=N</c>, from 1). The site chooses its page size (100 rows), so
    /// <see cref="GigPageRequest.PageSize"/> is not used. A page is followed by the next while it is full
    /// (<see cref="MicroworkersOptions.RowsPerPage"/>) or links to it, up to <see cref="MicroworkersOptions.LastPage"/>. The
    /// site's pages overlap when jobs are posted while they are read; the aggregator drops a job it has already read.
    /// </remarks>
    /// <exception cref="ArgumentException">The request's cursor is not a page number this provider gave.</exception>
    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = ReadPageNumber(request.Cursor);
        var options = Options;
        try
        {
            var session = await _session.GetAsync(options, cancellationToken).ConfigureAwait(false);
            return await FetchAsync(options, session, page, cancellationToken).ConfigureAwait(false);
        }
        catch (GigProviderException ex) when (_session.Leaks(ex.ToString(), options) || Leaks(ex.RequestUri, options))
        {
            // A site that puts the session in an address (a redirect to "?PHPSESSID=…") or echoes it in a page's title
            // must not carry it into the outcome.
            throw new GigProviderException(
                ex.Provider,
                _session.Redact(ex.Problem, options)!,
                ex.RequestUri is { } uri ? WithoutSession(uri, options) : null,
                ex.StatusCode,
                ex.Failure,
                _session.Redact(ex.SiteErrorCode, options),
                ex.InnerException is { } inner && !_session.Leaks(inner.ToString(), options) ? inner : null);
        }
    }

    // Logging must not throw: options that no longer validate (a bad reload) leave only the sessions already seen to remove.
    private static MicroworkersOptions? Current(IOptionsMonitor<MicroworkersOptions> options, string name)
    {
        try
        {
            return options.Get(name);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    private static int ReadPageNumber(string? cursor)
    {
        if (cursor is null)
        {
            return 1;
        }

        return int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? page
            : throw new ArgumentException($"The cursor '{cursor}' is not a Microworkers page cursor (a page number such as '2').", nameof(cursor));
    }

    private async Task<GigPage> FetchAsync(MicroworkersOptions options, SessionCookie session, int page, CancellationToken cancellationToken)
    {
        var client = CreateHttpClient();
        var path = options.JobsPath.TrimStart('/');
        var address = client.Resolve($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Uri.EscapeDataString(options.PageParameter)}={page.ToString(CultureInfo.InvariantCulture)}");

        // The session goes in the Cookie header only, rebuilt for each same-site redirect; the HTTP client follows no
        // redirect off the site, so it never reaches another host.
        var response = await client.SendAsync(
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Get, address);
                message.Headers.TryAddWithoutValidation("Cookie", session.Header);
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
                return message;
            },
            cancellationToken).ConfigureAwait(false);
        CheckStatus(response, session);
        var read = MicroworkersParser.Parse(response.Text, response.RequestUri, Name, options.Page, page, options.PageParameter);

        var more = read.Rows > 0 && page < options.LastPage && (read.Rows >= options.RowsPerPage || read.LinksToNextPage);
        return new GigPage([.. read.Gigs.Select(g => WithoutSession(g, options))], more ? (page + 1).ToString(CultureInfo.InvariantCulture) : null)
        {
            Warnings = [.. read.Warnings.Select(w => _session.Leaks(w.Message, options) ? w with { Message = _session.Redact(w.Message, options)! } : w)],
            RequestUri = WithoutSession(response.RequestUri, options),
        };
    }

    // An expired session is usually a redirect to the login page (read as a page); a 401 says the same, and a 403 with a
    // bot wall's marks is the wall, not a refused session.
    private static void CheckStatus(GigHttpResponse response, SessionCookie session)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw response.Fail(
                $"Microworkers refused {session.Origin} (unauthorized): the session has expired or was logged out. Log in to microworkers.com in a browser and copy "
                + "its PHPSESSID cookie again (README: 'Getting a Microworkers session')",
                GigProviderFailure.LoginRequired);
        }

        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.ServiceUnavailable && BotWall(response) is { } wall)
        {
            throw response.Fail($"{wall} bot protection answered instead of Microworkers (HTTP {(int)response.StatusCode}); try later, from another network, or raise PageDelay", GigProviderFailure.Blocked);
        }

        response.EnsureSuccess();
    }

    private static string? BotWall(GigHttpResponse response)
    {
        try
        {
            return PageChecks.FindBotWall(response.Text);
        }
        catch (GigProviderException)
        {
            // A body that is not text is no bot wall; the status says what happened.
            return null;
        }
    }

    private bool Leaks(Uri? address, MicroworkersOptions options) =>
        address is not null && (_session.Leaks(address.OriginalString, options) || HasSessionParameter(address, options.SessionCookieName));

    private static bool HasSessionParameter(Uri address, string cookieName) =>
        address.IsAbsoluteUri && address.Query.Length > 1 && address.Query[1..].Split('&').Any(p => string.Equals(p.Split('=', 2)[0], cookieName, StringComparison.OrdinalIgnoreCase));

    // A listing as the site gave it, unless the site echoed the session into its link or title.
    private Gig WithoutSession(Gig gig, MicroworkersOptions options)
    {
        if (Leaks(gig.Url, options))
        {
            gig = gig with { Url = WithoutSession(gig.Url, options) };
        }

        return _session.Leaks(gig.Title, options) ? gig with { Title = _session.Redact(gig.Title, options)! } : gig;
    }

    // The address without the parameters that carry the session (PHP can append it as ?PHPSESSID=…).
    private Uri WithoutSession(Uri address, MicroworkersOptions options)
    {
        if (!Leaks(address, options) || !address.IsAbsoluteUri)
        {
            return address;
        }

        var kept = address.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(p.Split('=', 2)[0], options.SessionCookieName, StringComparison.OrdinalIgnoreCase) && !_session.Leaks(p, options));
        var builder = new UriBuilder(address) { Query = string.Join('&', kept) };
        var clean = builder.Uri;
        return _session.Leaks(clean.OriginalString, options) ? new UriBuilder(clean) { Path = "/" }.Uri : clean;
    }
}

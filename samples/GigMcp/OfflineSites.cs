using System.Text.Json;
using FreelanceAggregator.Providers.Microworkers;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GigMcp;

/// <summary>
/// The recorded pages of every site (GigSearch's Offline folder, copied into this build's output), served from one
/// in-process WireMock.Net server per site the way the site pages, with the clock set to the day they stand for.
/// The stubs match what each provider sends to page, not the keywords: the bundle is one recorded search for
/// <c>logo design</c>, and the aggregator filters it for whatever the assistant asked.
/// </summary>
internal sealed class OfflineSites : IDisposable
{
    private const string Html = "text/html; charset=utf-8";
    private const string Json = "application/json";

    private readonly Dictionary<string, WireMockServer> _servers = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _root;

    private OfflineSites(string root, DateTimeOffset recordedAt)
    {
        _root = root;
        RecordedAt = recordedAt;
    }

    /// <summary>Gets the moment the bundle stands for (<c>recordedAt</c> in Offline/bundle.json).</summary>
    public DateTimeOffset RecordedAt { get; }

    /// <summary>Reads the bundle beside the program and starts a server for each site.</summary>
    /// <exception cref="InvalidOperationException">The bundle is missing or a file of it cannot be read; the message names the file.</exception>
    public static OfflineSites Start()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Offline");
        var manifest = Path.Combine(root, "bundle.json");
        DateTimeOffset recordedAt;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            recordedAt = json.RootElement.GetProperty("recordedAt").GetDateTimeOffset();
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The offline bundle's manifest '{manifest}' cannot be read ({e.Message}); rebuild GigMcp so the Offline folder is copied beside it.", e);
        }

        var sites = new OfflineSites(root, recordedAt);
        try
        {
            foreach (var site in Sites.All)
            {
                var server = WireMockServer.Start();
                sites._servers[site.Name] = server;
                sites.Serve(site.Name, server);

                // Anything no stub matched (a page past the recorded ones) gets a 404 that says so, not WireMock's own text.
                server.Given(Request.Create().UsingAnyMethod()).AtPriority(int.MaxValue).RespondWith(Response.Create()
                    .WithStatusCode(404)
                    .WithHeader("Content-Type", "text/plain; charset=utf-8")
                    .WithBody("GigMcp's offline bundle holds no recorded answer for this request."));
            }
        }
        catch
        {
            sites.Dispose();
            throw;
        }

        return sites;
    }

    /// <summary>Gets the address of a site's offline server.</summary>
    public Uri BaseAddressOf(string site) => new(_servers[site].Url!.TrimEnd('/') + "/");

    public void Dispose()
    {
        foreach (var server in _servers.Values)
        {
            server.Stop();
            server.Dispose();
        }

        _servers.Clear();
    }

    private void Serve(string site, WireMockServer server)
    {
        switch (site)
        {
            case "upwork":
                ServeUpwork(server);
                break;
            case "fiverr":
                // Page 1 is /search/gigs?query=…, later pages add &page=N.
                server.Given(Request.Create().WithPath("/search/gigs").UsingGet().WithParam("query").WithParam("page", MatchBehaviour.RejectOnMatch))
                    .RespondWith(Answer("fiverr", "search-page1.html", Html));
                server.Given(Request.Create().WithPath("/search/gigs").UsingGet().WithParam("query").WithParam("page", "2"))
                    .RespondWith(Answer("fiverr", "search-page2.html", Html));
                break;
            case "freelancer":
                ServeFreelancer(server, "freelancer", language: null, ("0", "projects-page1.json"), ("4", "projects-page2.json"));
                break;
            case "freelancer.co.id":
                ServeFreelancer(server, "freelancer.co.id", language: "id", ("0", "projects-id-page1.json"), ("3", "projects-id-page2.json"));
                break;
            case "sribulancer":
                // One POST to /public per page; the page number is inside the GraphQL text.
                for (var page = 1; page <= 2; page++)
                {
                    server.Given(Request.Create().WithPath("/public").UsingPost()
                            .WithBody(new RegexMatcher($@"jobsListPublic\(page: {page}, job_type: 0, per_page: 10,")))
                        .RespondWith(Answer("sribulancer", $"jobs-page{page}.json", "application/json; charset=utf-8"));
                }

                break;
            case "projects.co.id":
                foreach (var page in (ReadOnlySpan<string>)["1", "2"])
                {
                    server.Given(Request.Create().WithPath("/public/browse_projects/listing").UsingGet().WithParam("page", page))
                        .RespondWith(Answer("projects.co.id", $"listing-page{page}.html", Html));
                }

                break;
            case "microworkers":
                ServeMicroworkers(server);
                break;
            default:
                throw new InvalidOperationException($"The offline bundle has no pages for the site '{site}'.");
        }
    }

    // As Upwork answers: the search operation with the stand-in bearer token, the first page without a cursor and the
    // next for the first page's endCursor; anything without the token is refused as Upwork refuses it.
    private void ServeUpwork(WireMockServer server)
    {
        foreach (var (after, file) in (ReadOnlySpan<(string?, string)>)[(null, "search-page1.json"), ("6", "search-page2.json")])
        {
            server.Given(Request.Create().WithPath("/graphql").UsingPost()
                    .WithHeader("Authorization", "Bearer " + Sites.UpworkStandInToken)
                    .WithBody((string? body) => IsUpworkSearch(body, after)))
                .AtPriority(1)
                .RespondWith(Answer("upwork", file, Json));
        }

        server.Given(Request.Create().WithPath("/graphql").UsingPost()).AtPriority(2).RespondWith(Response.Create()
            .WithStatusCode(401)
            .WithHeader("Content-Type", Json)
            .WithBody("""{"message":"Authentication failed"}"""));
    }

    private static bool IsUpworkSearch(string? body, string? after)
    {
        if (body is null)
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (!root.TryGetProperty("operationName", out var operation) || operation.GetString() != "marketplaceJobPostingsSearch"
                || !root.TryGetProperty("variables", out var variables) || !variables.TryGetProperty("marketPlaceJobFilter", out var filter))
            {
                return false;
            }

            var sent = filter.TryGetProperty("pagination_eq", out var paging) && paging.TryGetProperty("after", out var cursor) ? cursor.GetString() : null;
            return sent == after;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void ServeFreelancer(WireMockServer server, string site, string? language, params (string Offset, string File)[] pages)
    {
        foreach (var (offset, file) in pages)
        {
            var request = Request.Create().WithPath("/api/projects/0.1/projects/active/").UsingGet().WithParam("offset", offset);
            request = language is null ? request : request.WithParam("languages[]", language);
            server.Given(request).RespondWith(Answer(site, file, Json));
        }
    }

    // The job list only with the stand-in session, by page; without it a redirect to the login page, as the site does.
    private void ServeMicroworkers(WireMockServer server)
    {
        var cookie = $"{MicroworkersOptions.DefaultSessionCookieName}={Sites.MicroworkersStandInSession}";
        foreach (var (page, file) in (ReadOnlySpan<(string, string)>)[("1", "jobs-page1.html"), ("2", "jobs-page2.html")])
        {
            server.Given(Request.Create().WithPath("/jobs.php").UsingGet().WithParam("page", page).WithHeader("Cookie", cookie))
                .AtPriority(1)
                .RespondWith(Answer("microworkers", file, Html));
        }

        server.Given(Request.Create().WithPath("/jobs.php").UsingGet()).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/login.php"));
        server.Given(Request.Create().WithPath("/login.php").UsingGet()).RespondWith(Answer("microworkers", "login.html", Html));
    }

    private IResponseBuilder Answer(string site, string file, string contentType)
    {
        var path = Path.Combine(_root, site, file);
        string body;
        try
        {
            body = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The offline page '{path}' for {site} cannot be read ({e.Message}).", e);
        }

        return Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body);
    }
}

/// <summary>The offline clock: the bundle's moment for "now", the system's for timers and elapsed time.</summary>
internal sealed class RecordedTimeProvider(DateTimeOffset recordedAt) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => recordedAt.ToUniversalTime() + System.GetElapsedTime(_started);
}

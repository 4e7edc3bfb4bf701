using System.Text;
using System.Text.Json;

namespace FreelanceAggregator.Providers.Upwork.Parsing;

/// <summary>
/// Reads one answer of <c>marketplaceJobPostingsSearch</c>: the GraphQL envelope (its <c>errors[]</c>, the connection and
/// its paging info) here, each job with <see cref="UpworkJobReader"/>. Pure and tolerant: only a job's id, title and link
/// are needed; every other value may be missing, null, of another JSON type or unreadable, and is then simply absent. It
/// throws nothing but <see cref="GigProviderException"/> for an answer that is not a GraphQL answer at all
/// (<see cref="GigProviderFailure.InvalidResponse"/>, or <see cref="GigProviderFailure.Blocked"/> for a bot wall).
/// </summary>
internal static class UpworkSearchParser
{
    /// <summary>The public site that job links point at (never the API host or a test server).</summary>
    public static readonly Uri Site = new("https://www.upwork.com/");

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads an answer.</summary>
    /// <param name="json">The body text.</param>
    /// <param name="settings">The provider's name, the address that answered and the time.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">The text is not JSON, or not a GraphQL answer with the search's data or errors.</exception>
    public static UpworkSearchPage Parse(string json, UpworkParseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(json, default, settings);
    }

    /// <summary>Reads an answer from its UTF-8 bytes (see <see cref="GigHttpResponse.TryGetUtf8Body"/>), without decoding it into a string.</summary>
    /// <param name="utf8Json">The body, valid UTF-8.</param>
    /// <param name="settings">The provider's name, the address that answered and the time.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">As <see cref="Parse(string, UpworkParseSettings)"/>.</exception>
    public static UpworkSearchPage Parse(ReadOnlyMemory<byte> utf8Json, UpworkParseSettings settings) =>
        Parse(null, utf8Json, settings);

    // The text when there is one, else the UTF-8 bytes; the bytes are decoded only to say what is wrong with them.
    private static UpworkSearchPage Parse(string? json, ReadOnlyMemory<byte> utf8Json, UpworkParseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Provider);
        JsonDocument document;
        try
        {
            document = json is null ? JsonDocument.Parse(utf8Json, DocumentOptions) : JsonDocument.Parse(json, DocumentOptions);
        }

        // ArgumentException: text holding a lone surrogate cannot be transcoded to UTF-8 (it cannot come from decoded
        // bytes, but the parser takes any string).
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            json ??= Encoding.UTF8.GetString(utf8Json.Span);
            throw NotJson(json, ex, settings);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(settings, "Upwork's answer is not a GraphQL answer (its root is not an object)");
            }

            var errors = ReadErrors(root);
            if (JsonValues.GetObject(root, "data", "marketplaceJobPostingsSearch") is not { } connection)
            {
                return errors.Count > 0
                    ? new UpworkSearchPage { Errors = errors }
                    : throw Invalid(settings, "Upwork's answer has no data.marketplaceJobPostingsSearch and no errors: the API's answer has changed");
            }

            if (JsonValues.GetArray(connection, "edges") is not { } edges)
            {
                return errors.Count > 0
                    ? new UpworkSearchPage { Errors = errors }
                    : throw Invalid(settings, "Upwork's answer has no list of jobs (marketplaceJobPostingsSearch.edges): the API's answer has changed");
            }

            var gigs = new List<Gig>(edges.GetArrayLength());
            var jobs = new UpworkJobReader(settings);
            var index = 0;
            foreach (var edge in edges.EnumerateArray())
            {
                index++;
                if (JsonValues.GetObject(edge, "node") is not { } node)
                {
                    jobs.SkipEdgeWithoutNode(index);
                }
                else if (jobs.Read(node, index) is { } gig)
                {
                    gigs.Add(gig);
                }
            }

            return new UpworkSearchPage
            {
                Gigs = gigs,
                Warnings = jobs.Finish(),
                Errors = errors,
                HasData = true,
                EdgeCount = index,
                TotalCount = JsonValues.GetInt32(connection, "totalCount"),
                HasNextPage = JsonValues.GetBoolean(connection, "pageInfo", "hasNextPage") == true,
                EndCursor = JsonValues.GetString(connection, "pageInfo", "endCursor"),
            };
        }
    }

    private static List<UpworkGraphQLError> ReadErrors(JsonElement root)
    {
        var errors = new List<UpworkGraphQLError>();
        if (JsonValues.GetArray(root, "errors") is not { } list)
        {
            return errors;
        }

        foreach (var item in list.EnumerateArray())
        {
            var message = item.ValueKind switch
            {
                JsonValueKind.Object => HtmlText.Tidy(JsonValues.GetString(item, "message")),
                JsonValueKind.String => HtmlText.Tidy(JsonValues.ReadString(item)),
                _ => null,
            };
            var classification = JsonValues.GetString(item, "extensions", "classification") ?? JsonValues.GetString(item, "extensions", "code");
            errors.Add(new UpworkGraphQLError(message ?? "(an error without a message)", classification));
        }

        return errors;
    }

    // An HTML page where JSON was expected is a bot wall when it carries one's marks (a challenge in front of the API),
    // else some other page (a proxy's, a maintenance page); neither is ever read as zero jobs.
    private static GigProviderException NotJson(string text, Exception ex, UpworkParseSettings settings)
    {
        if (!text.AsSpan().TrimStart().StartsWith("<"))
        {
            return Invalid(settings, "Upwork's answer is not valid JSON (" + ex.Message.Split(". ", 2)[0] + ")", ex);
        }

        return PageChecks.FindBotWall(text) is { } wall
            ? new GigProviderException(settings.Provider, $"a {wall} bot wall answered instead of Upwork's GraphQL API; try later, from another network, or raise PageDelay", settings.RequestUri, null, GigProviderFailure.Blocked, innerException: ex)
            : Invalid(settings, "Upwork answered with an HTML page where the GraphQL API's JSON was expected", ex);
    }

    private static GigProviderException Invalid(UpworkParseSettings settings, string problem, Exception? inner = null) =>
        new(settings.Provider, problem, settings.RequestUri, null, GigProviderFailure.InvalidResponse, innerException: inner);
}

using System.Buffers;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using FreelanceAggregator.Html;
using FreelanceAggregator.Json;

namespace FreelanceAggregator.Providers.Fiverr.Internal;

/// <summary>
/// Reads one Fiverr search page: the JSON in <c>&lt;script id="perseus-initial-props"&gt;</c>, which the page's React
/// app renders from. The visible card markup is not read: its class names change often, while this JSON is what the
/// cards are made of (see research/FORMATS.md §3). Bad input of any kind is a <see cref="GigProviderException"/>.
/// </summary>
internal static class FiverrSearchPageParser
{
    /// <summary>The public site every gig's URL points at, whatever address the page was fetched from.</summary>
    public static readonly Uri Site = new("https://www.fiverr.com/");

    /// <summary>What a gig's <c>type</c> is when the gig is a paid placement.</summary>
    public const string PromotedType = "promoted_gigs";

    private const string DataScriptId = "perseus-initial-props";
    private const string AppMountId = "perseus-app";
    private const string TitlePrefix = "I will ";

    // Put in place of the search data when the page is parsed without it (see TryScanData): letters and dashes only, so
    // it holds no '<' or '>' and cannot join the text around it into another token.
    private const string DataMarker = "fiverr-search-data-read-by-scanning";

    // The marks of a PerimeterX block page: its default template (px-captcha, _pxAppId), Fiverr's app id and
    // first-party paths, the current "It needs a human touch" challenge and the older "One Small Step" page
    // (research notes §8). They are looked for only when the search data is missing: Fiverr's normal pages load
    // PerimeterX's sensor too, so a mark alone does not make a block page.
    private static readonly string[] BotWallMarks =
    [
        "px-captcha", "_pxAppId", "_pxhd", "_px3", "PXK3bezZfO", "perimeterx", "It needs a human touch", "Press & Hold",
        "Press &amp; Hold", "One Small Step", "block-page-web", "captcha.js",
    ];

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 256 };

    // What TryFindDataScript stops at in script data: a tag or comment may start at '<'; the others change the text.
    private static readonly SearchValues<char> ScriptDataStops = SearchValues.Create("<\r\0\uFFFF");

    /// <summary>Reads a search page.</summary>
    /// <param name="html">The page as the site sent it.</param>
    /// <param name="requestUri">The address it came from, for messages.</param>
    /// <param name="provider">The provider's name, for messages and <see cref="Gig.Provider"/>.</param>
    /// <param name="statusCode">The HTTP status it came with, if known.</param>
    /// <returns>The page's gigs and paging facts.</returns>
    /// <exception cref="GigProviderException">
    /// The page is a bot-protection page (<see cref="GigProviderFailure.Blocked"/>), an empty app shell
    /// (<see cref="GigProviderFailure.JavaScriptRequired"/>), or lacks the search data or holds it in another shape
    /// (<see cref="GigProviderFailure.InvalidResponse"/>).
    /// </exception>
    public static FiverrSearchPage Parse(string html, Uri requestUri, string provider = FiverrProvider.DefaultName, HttpStatusCode? statusCode = null) =>
        Parse(html, requestUri, provider, statusCode, scanForData: true);

    /// <summary>Reads a search page, finding the search data by scanning the text when <paramref name="scanForData"/> allows it (see <see cref="TryScanData"/>).</summary>
    internal static FiverrSearchPage Parse(string html, Uri requestUri, string provider, HttpStatusCode? statusCode, bool scanForData)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);

        HtmlDocumentParser.CheckNesting(html, provider, requestUri, statusCode);
        IDocument? outline = null;
        var data = default(ReadOnlyMemory<char>);
        var scanned = scanForData && TryScanData(html, out outline, out data);
        using var document = outline ?? HtmlDocumentParser.ParseChecked(html);
        if (!scanned)
        {
            // Matched on the id alone: parsers written against real pages disagree on the attribute order.
            var script = document.GetElementById(DataScriptId);
            if (script is null || script.LocalName != "script")
            {
                throw MissingData(html, document, requestUri, provider, statusCode);
            }

            data = script.TextContent.AsMemory();
        }

        using var json = ReadJson(data, requestUri, provider, statusCode);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(provider, $"the search data is not a JSON object but {Describe(root.ValueKind)}", requestUri, statusCode);
        }

        return Read(root, document, requestUri, provider, statusCode);
    }

    /// <summary>
    /// Finds the search data by scanning the page's text, and parses into a DOM only the rest of the page (about 2% of
    /// it), with the data replaced by a short marker. <see langword="false"/> sends the page to the full parse.
    /// </summary>
    /// <remarks>
    /// The answer is the full parse's, or none, because the short page proves it. The HTML parser reads the two pages
    /// alike up to the marker. If the first element with the data's id in the short page is an HTML
    /// <c>&lt;script&gt;</c> holding exactly the marker (which the page around the data may not hold), the parser was
    /// reading script data where the data begins, in the whole page too. Script data ends only at <c>&lt;/script</c>
    /// followed by white space, <c>/</c> or <c>&gt;</c> (ASCII, any case), and is read another way after
    /// <c>&lt;!--</c>; the data as scanned holds neither. The parser keeps script data as it is, except that it turns CR
    /// into LF and NUL into U+FFFD, and AngleSharp takes U+FFFF for the end of the input, so data holding any of them goes
    /// the full way. The rest of the page is the same in both, so the short page has the same elements (and the same
    /// currency <c>&lt;meta&gt;</c>). Tests parse every fuzz mutation of the fixtures both ways and compare.
    /// </remarks>
    /// <param name="html">The page, its nesting already checked.</param>
    /// <param name="outline">The page without the data, parsed; dispose it.</param>
    /// <param name="data">The text of <c>&lt;script id="perseus-initial-props"&gt;</c>, as the full parse gives it.</param>
    /// <returns>Whether the data was found this way.</returns>
    internal static bool TryScanData(string html, [NotNullWhen(true)] out IDocument? outline, out ReadOnlyMemory<char> data)
    {
        outline = null;
        data = default;
        if (!TryFindDataScript(html, out var start, out var end))
        {
            return false;
        }

        // The marker must be in the short page once, where the data was: the page around the data must not hold it.
        var before = html.AsSpan(0, start);
        var after = html.AsSpan(end);
        if (before.Contains(DataMarker, StringComparison.Ordinal) || after.Contains(DataMarker, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = string.Concat(before, DataMarker, after);
        if (HtmlDocumentParser.NestingDepth(rest, HtmlDocumentParser.MaxNesting) > HtmlDocumentParser.MaxNesting)
        {
            return false;
        }

        var document = HtmlDocumentParser.ParseChecked(rest);
        if (document.GetElementById(DataScriptId) is not { LocalName: "script" } script
            || script.NamespaceUri != NamespaceNames.HtmlUri
            || !string.Equals(script.TextContent, DataMarker, StringComparison.Ordinal))
        {
            document.Dispose();
            return false;
        }

        outline = document;
        data = html.AsMemory(start, end - start);
        return true;
    }

    // The first <script ...> whose start tag mentions the data's id: where its text starts (after the '>') and ends
    // (the first "</script" followed by white space, '/' or '>', in ASCII of any case). A wrong guess is harmless:
    // TryScanData then finds no marker in the script and leaves the page to the full parse.
    private static bool TryFindDataScript(string html, out int start, out int end)
    {
        start = end = -1;
        var id = html.IndexOf(DataScriptId, StringComparison.Ordinal);
        var open = id < 0 ? -1 : html.LastIndexOf('<', id);
        if (open < 0 || !IsTagName(html, open + 1, "script") || open + 7 >= html.Length || html[open + 7] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/'))
        {
            return false;
        }

        // The '>' that ends the start tag: a '>' in a quoted attribute value does not.
        var i = open + 7;
        for (; i < html.Length && html[i] != '>'; i++)
        {
            if (html[i] == '=')
            {
                var k = i + 1;
                while (k < html.Length && html[k] is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    k++;
                }

                if (k < html.Length && html[k] is '"' or '\'')
                {
                    var quote = html.IndexOf(html[k], k + 1);
                    if (quote < 0)
                    {
                        return false;
                    }

                    i = quote;
                }
            }
        }

        if (i >= html.Length || i < id)
        {
            return false;
        }

        // One pass over the data to its end tag, giving up at what the parser would change (CR, NUL), take for the end
        // of the input (U+FFFF, in AngleSharp) or read another way (a "<!--" starts escaped script data).
        for (var at = i + 1; at < html.Length; at++)
        {
            var next = html.AsSpan(at).IndexOfAny(ScriptDataStops);
            if (next < 0)
            {
                return false;
            }

            at += next;
            if (html[at] != '<' || string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
            {
                return false;
            }

            if (at + 8 < html.Length && html[at + 1] == '/' && IsTagName(html, at + 2, "script") && html[at + 8] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>')
            {
                (start, end) = (i + 1, at);
                return true;
            }
        }

        return false;
    }

    // Whether the text at `at` is `name` in ASCII of any case, as the HTML tokenizer compares tag names.
    private static bool IsTagName(string html, int at, string name)
    {
        if (at + name.Length > html.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = html[at + i];
            if ((char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c) != name[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tells whether an answer is Fiverr's bot protection rather than the site: HTTP 403, or a PerimeterX page.</summary>
    /// <param name="body">The answer's text.</param>
    /// <param name="statusCode">Its HTTP status.</param>
    /// <returns><see langword="true"/> for a block page.</returns>
    public static bool LooksBlocked(string body, HttpStatusCode? statusCode)
    {
        ArgumentNullException.ThrowIfNull(body);
        return statusCode == HttpStatusCode.Forbidden || BotWallMarks.Any(mark => body.Contains(mark, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Creates the exception for a bot-protection page.</summary>
    public static GigProviderException Blocked(string provider, Uri requestUri, HttpStatusCode? statusCode) => new(
        provider,
        "blocked by Fiverr's bot protection (a PerimeterX \"Press & Hold\" challenge answered instead of the search page); wait before searching again, raise PageDelay, or use another network or proxy",
        requestUri,
        statusCode,
        GigProviderFailure.Blocked);

    private static GigProviderException MissingData(string html, IDocument document, Uri requestUri, string provider, HttpStatusCode? statusCode)
    {
        if (LooksBlocked(html, statusCode))
        {
            return Blocked(provider, requestUri, statusCode);
        }

        // The React mount point with nothing in it and no data beside it: the page would be drawn by scripts alone.
        if (document.GetElementById(AppMountId) is { } mount && mount.ChildElementCount == 0 && string.IsNullOrWhiteSpace(mount.TextContent))
        {
            return Fail(
                provider,
                $"the page no longer holds the search data: it is an empty app shell (<div id=\"{AppMountId}\"> without <script id=\"{DataScriptId}\">) that only a browser running JavaScript fills",
                requestUri,
                statusCode,
                GigProviderFailure.JavaScriptRequired);
        }

        return Fail(provider, $"the page no longer holds the search data (no <script id=\"{DataScriptId}\">); Fiverr may have changed its search page", requestUri, statusCode);
    }

    private static JsonDocument ReadJson(ReadOnlyMemory<char> text, Uri requestUri, string provider, HttpStatusCode? statusCode)
    {
        if (text.Span.IsWhiteSpace())
        {
            throw Fail(provider, $"the page no longer holds the search data (<script id=\"{DataScriptId}\"> is empty)", requestUri, statusCode);
        }

        try
        {
            return JsonDocument.Parse(text, JsonOptions);
        }

        // ArgumentException: text holding a lone surrogate cannot be transcoded to UTF-8 (it cannot come from decoded
        // bytes, but the parser takes any string).
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // One scraper of real pages met the JSON HTML-escaped; read that form too before giving up.
            if (text.Span.Contains("&quot;", StringComparison.Ordinal))
            {
                try
                {
                    return JsonDocument.Parse(WebUtility.HtmlDecode(text.ToString()), JsonOptions);
                }
                catch (Exception again) when (again is JsonException or ArgumentException)
                {
                    // Reported below with the first error, which describes the text as it came.
                }
            }

            throw Fail(provider, $"the search data in <script id=\"{DataScriptId}\"> is not valid JSON ({ex.Message.Split(". ", 2)[0]})", requestUri, statusCode, innerException: ex);
        }
    }

    private static FiverrSearchPage Read(JsonElement root, IDocument document, Uri requestUri, string provider, HttpStatusCode? statusCode)
    {
        var total = Json.Long(root, "appData", "pagination", "total") ?? Json.Long(root, "rawListingData", "num_found");
        var pageSize = Json.Int(root, "appData", "pagination", "page_size") ?? Json.Int(root, "listingAttributes", "pageSize");
        var hasMore = Json.Bool(root, "rawListingData", "has_more");
        if (total < 0)
        {
            total = null;
        }

        if (pageSize <= 0)
        {
            pageSize = null;
        }

        // The full gig objects are in listings[0].gigs; items repeats them in older flows, and rawListingData.gigs is
        // a thin list (ids and packages, no titles or links) kept as the last resort.
        JsonElement list;
        string source;
        if (Json.TryGetArray(root, out list, "listings", 0, "gigs"))
        {
            source = "listings[0].gigs";
        }
        else if (Json.TryGetArray(root, out list, "items"))
        {
            source = "items";
        }
        else if (Json.TryGetArray(root, out list, "rawListingData", "gigs"))
        {
            source = "rawListingData.gigs";
        }
        else if (total == 0)
        {
            return new FiverrSearchPage([], [], 0, total, pageSize, hasMore);
        }
        else
        {
            throw Fail(provider, "the search data has no gig list (listings[0].gigs is missing, and so are items and rawListingData.gigs)", requestUri, statusCode);
        }

        var currencyCode = Json.String(root, "currency", "name")
            ?? Json.String(root, "listings", 0, "context", "currency", "name")
            ?? Json.String(root, "requestContext", "currency", "name")
            ?? document.QuerySelector("meta[name='fiverrmeta:currency']")?.GetAttribute("content");
        Currency? currency = Currency.TryFromCode(currencyCode, out var c) ? c : null;
        var showPrefix = Json.Bool(root, "listings", 0, "hidePrefix") != true;

        var read = new List<(Gig Gig, bool Promoted)>();
        var warnings = new List<string>();
        var entryCount = 0;
        var skipped = 0;
        string? firstProblem = null;
        var pricesDropped = false;
        foreach (var item in list.EnumerateArray())
        {
            entryCount++;
            var position = Json.Int(item, "pos") ?? Json.Int(item, "position") ?? entryCount - 1;
            var gig = ReadGig(item, provider, currency, showPrefix, out var id, out var promoted, out var problem, ref pricesDropped);
            if (gig is null)
            {
                skipped++;
                firstProblem ??= problem;
                var which = id is null ? string.Empty : $" (gig {id})";
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{provider}: the gig at position {position}{which} in {source} on {requestUri} {problem}; it was skipped."));
                continue;
            }

            read.Add((gig, promoted));
        }

        if (read.Count == 0 && skipped > 0)
        {
            throw Fail(provider, string.Create(CultureInfo.InvariantCulture, $"none of the {entryCount} gigs in {source} could be read (the first {firstProblem})"), requestUri, statusCode);
        }

        if (pricesDropped)
        {
            warnings.Add(currencyCode is null
                ? $"{provider}: the page {requestUri} names no currency (currency.name), so its gigs' prices were left out."
                : $"{provider}: the page {requestUri} names a currency that is not an ISO 4217 code ('{currencyCode}'), so its gigs' prices were left out.");
        }

        // Fiverr shows some gigs twice on a page, once as an ad and once on their own merit: keep each once, as the
        // organic entry when there is one, so that leaving ads out never loses a gig that ranks without them.
        var organic = read.Where(r => !r.Promoted).Select(r => r.Gig.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var gigs = new List<Gig>(read.Count);
        foreach (var (gig, promoted) in read)
        {
            if ((promoted && organic.Contains(gig.Id)) || !seen.Add(gig.Id))
            {
                continue;
            }

            gigs.Add(gig);
        }

        return new FiverrSearchPage(gigs, warnings, entryCount, total, pageSize, hasMore);
    }

    private static Gig? ReadGig(JsonElement item, string provider, Currency? currency, bool showPrefix, out string? id, out bool promoted, out string? problem, ref bool pricesDropped)
    {
        id = null;
        promoted = false;
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"is not an object but {Describe(item.ValueKind)}";
            return null;
        }

        if (!Json.TryGetId(item, out id, "gigId", "gig_id", "pk_i"))
        {
            problem = "has no gigId";
            return null;
        }

        var title = HtmlText.Tidy(Json.String(item, "title"))?.Replace('\n', ' ');
        if (title is null)
        {
            problem = "has no title";
            return null;
        }

        var href = Json.String(item, "gig_url");
        if (href is null)
        {
            problem = "has no gig_url";
            return null;
        }

        if (GigUrls.TryCreate(href, Site) is not { } url)
        {
            problem = $"has a gig_url that is not a page on {Site.Host} ('{Shorten(href)}')";
            return null;
        }

        problem = null;
        var type = Json.String(item, "type");
        promoted = string.Equals(type, PromotedType, StringComparison.Ordinal);

        // The card prints the seller's promise: "I will" and the title, unless the page says to hide the prefix.
        if (showPrefix && !title.StartsWith(TitlePrefix, StringComparison.OrdinalIgnoreCase))
        {
            title = TitlePrefix + title;
        }

        Budget? budget = null;
        if ((Json.Decimal(item, "price_i") ?? Json.Decimal(item, "packages", "recommended", "price")) is { } price and >= 0)
        {
            if (currency is { } site)
            {
                // price_i is the "From" price in whole units of the page's currency (100 is the card's "$100"), not cents.
                budget = Budget.Fixed(new Money(price, site));
            }
            else
            {
                pricesDropped = true;
            }
        }

        return new Gig
        {
            Provider = provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Service,
            Budget = budget,
            Skills = ReadSkills(item),
            Seller = ReadSeller(item),
            Extra = ReadExtra(item, type, promoted),
        };
    }

    private static GigSeller? ReadSeller(JsonElement item)
    {
        var name = HtmlText.Tidy(Json.String(item, "seller_display_name"))?.Replace('\n', ' ');
        var username = Json.String(item, "seller_name")?.Trim();
        var level = Json.String(item, "seller_level")?.Trim() is { Length: > 0 } slug ? LevelInWords(slug) : null;
        var reviews = Json.Int(item, "buying_review_rating_count") is { } n and >= 0 ? n : (int?)null;

        // A gig without reviews carries a rating of 0, which is no rating at all (the card shows none).
        var rating = Json.Decimal(item, "buying_review_rating") is { } r and >= 0 and <= 5 && reviews != 0 ? r : (decimal?)null;
        var country = CountryCodes.Normalize(Json.String(item, "seller_country"));
        if (name is null && username is null && level is null && rating is null && reviews is null && country is null)
        {
            return null;
        }

        return new GigSeller { Name = name, Username = username, Level = level, Rating = rating, Reviews = reviews, Country = country };
    }

    /// <summary>Fiverr's seller level ids in the words its cards and filters use; an id not known yet is kept as it came.</summary>
    internal static string LevelInWords(string level) => level switch
    {
        "top_rated_seller" => "Top Rated",
        "level_two_seller" => "Level 2",
        "level_one_seller" => "Level 1",
        "na" => "New",
        _ => level,
    };

    // The programming languages a gig names are the nearest thing a card has to skills; other metadata (website
    // features, plugins, styles) describes the offer rather than a skill.
    private static string[] ReadSkills(JsonElement item)
    {
        if (!Json.TryGetArray(item, out var metadata, "metadata"))
        {
            return [];
        }

        var skills = new List<string>();
        foreach (var entry in metadata.EnumerateArray())
        {
            // Compared in place rather than read into a string: most metadata entries are not programming languages.
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("type", out var kind) || kind.ValueKind != JsonValueKind.String
                || !kind.ValueEquals("programming_language") || !Json.TryGetArray(entry, out var values, "value"))
            {
                continue;
            }

            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.String && JsonStrings.ReadString(value)?.Trim() is { Length: > 0 } skill && !skills.Contains(skill, StringComparer.OrdinalIgnoreCase))
                {
                    skills.Add(skill);
                }
            }
        }

        return [.. skills];
    }

    private static ReadOnlyDictionary<string, object> ReadExtra(JsonElement item, string? type, bool promoted)
    {
        // Sized for the values a gig usually has, so that the dictionary is not grown three times for each gig.
        var extra = new Dictionary<string, object>(16, StringComparer.Ordinal)
        {
            ["promoted"] = promoted,
            ["pro"] = Json.Bool(item, "is_pro") == true || type == "pro",
        };

        if (Json.Bool(item, "is_fiverr_choice") is { } choice)
        {
            extra["fiverrChoice"] = choice;
        }

        if (Json.Int(item, "packages", "recommended", "duration") is { } days and > 0)
        {
            extra["deliveryDays"] = days;
        }

        if (Json.Int(item, "num_of_packages") is { } packages and > 0)
        {
            extra["packageCount"] = packages;
        }

        if (GigUrls.TryCreate(Json.String(item, "seller_url"), Site) is { } sellerUrl)
        {
            extra["sellerUrl"] = sellerUrl.AbsoluteUri;
        }

        if (Json.Bool(item, "seller_online") is { } online)
        {
            extra["sellerOnline"] = online;
        }

        // The seller's rating over all their gigs, beside the gig's own rating in Seller.Rating.
        var sellerReviews = Json.Int(item, "seller_rating", "count") is { } count and >= 0 ? count : (int?)null;
        if (sellerReviews is { } reviews)
        {
            extra["sellerReviews"] = reviews;
        }

        if (Json.Decimal(item, "seller_rating", "score") is { } score and >= 0 and <= 5 && sellerReviews != 0)
        {
            extra["sellerRating"] = score;
        }

        if (Json.String(item, "agency", "slug") is { } agency)
        {
            extra["agency"] = agency;
        }

        if (ImageUrl(item) is { } image)
        {
            extra["imageUrl"] = image;
        }

        if (Json.Int(item, "pos") is { } position and >= 0)
        {
            extra["position"] = position;
        }

        AddInt(extra, "categoryId", item, "category_id");
        AddInt(extra, "subCategoryId", item, "sub_category_id");
        AddInt(extra, "nestedSubCategoryId", item, "nested_sub_category_id");
        return new ReadOnlyDictionary<string, object>(extra);
    }

    private static void AddInt(Dictionary<string, object> extra, string key, JsonElement item, string name)
    {
        if (Json.Int(item, name) is { } value and > 0)
        {
            extra[key] = value;
        }
    }

    // The gig's main picture; it lives on Fiverr's image CDN, so only http(s) is required of it.
    private static string? ImageUrl(JsonElement item)
    {
        if (!Json.TryGetArray(item, out var assets, "assets"))
        {
            return null;
        }

        foreach (var asset in assets.EnumerateArray())
        {
            if (Json.String(asset, "cloud_img_main_gig") is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            {
                return uri.AbsoluteUri;
            }
        }

        return null;
    }

    private static GigProviderException Fail(string provider, string problem, Uri requestUri, HttpStatusCode? statusCode, GigProviderFailure failure = GigProviderFailure.InvalidResponse, Exception? innerException = null) =>
        new(provider, problem, requestUri, statusCode, failure, innerException: innerException);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

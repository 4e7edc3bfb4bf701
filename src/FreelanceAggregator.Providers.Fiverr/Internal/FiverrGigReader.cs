using System.Collections.ObjectModel;
using System.Text.Json;

namespace FreelanceAggregator.Providers.Fiverr.Internal;

/// <summary>
/// Reads one gig object of Fiverr's search data (<c>listings[0].gigs[]</c>, research/FORMATS.md §3) into a <see cref="Gig"/>:
/// its id, title and link are required, everything else is read tolerantly and left empty when it cannot be.
/// </summary>
internal static class FiverrGigReader
{
    /// <summary>The public site every gig's URL points at, whatever address the page was fetched from.</summary>
    public static readonly Uri Site = new("https://www.fiverr.com/");

    /// <summary>What a gig's <c>type</c> is when the gig is a paid placement.</summary>
    public const string PromotedType = "promoted_gigs";

    private const string TitlePrefix = "I will ";

    /// <summary>Reads a gig, or says why it cannot be read.</summary>
    /// <param name="item">The gig object.</param>
    /// <param name="provider">The provider's name, for <see cref="Gig.Provider"/>.</param>
    /// <param name="currency">The page's currency, or <see langword="null"/> when the page names none that is known.</param>
    /// <param name="showPrefix">Whether titles get the "I will" the card prints before them.</param>
    /// <param name="id">The gig's id, when it has one (also when it cannot be read otherwise).</param>
    /// <param name="promoted">Whether the gig is a paid placement.</param>
    /// <param name="problem">What the gig lacks, when it cannot be read (e.g. <c>has no title</c>).</param>
    /// <param name="field">The value it lacks (<c>id</c>, <c>title</c>, <c>url</c>), or <see langword="null"/> when it is not a gig object at all.</param>
    /// <param name="priceDropped">Set when the gig has a price that was left out because <paramref name="currency"/> is unknown.</param>
    /// <returns>The gig, or <see langword="null"/> when a required value is missing.</returns>
    public static Gig? Read(JsonElement item, string provider, Currency? currency, bool showPrefix, out string? id, out bool promoted, out string? problem, out string? field, ref bool priceDropped)
    {
        id = null;
        promoted = false;
        field = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"is not an object but {Describe(item.ValueKind)}";
            return null;
        }

        if (!JsonValues.TryGetId(item, out id, "gigId", "gig_id", "pk_i"))
        {
            (problem, field) = ("has no gigId", "id");
            return null;
        }

        var title = HtmlText.Tidy(JsonValues.GetString(item, "title"))?.Replace('\n', ' ');
        if (title is null)
        {
            (problem, field) = ("has no title", "title");
            return null;
        }

        var href = JsonValues.GetString(item, "gig_url");
        if (href is null)
        {
            (problem, field) = ("has no gig_url", "url");
            return null;
        }

        if (GigUrls.TryCreate(href, Site) is not { } url)
        {
            (problem, field) = ($"has a gig_url that is not a page on {Site.Host} ('{Shorten(href)}')", "url");
            return null;
        }

        problem = null;
        var type = JsonValues.GetString(item, "type");
        promoted = string.Equals(type, PromotedType, StringComparison.Ordinal);

        // The card prints the seller's promise: "I will" and the title, unless the page says to hide the prefix.
        if (showPrefix && !title.StartsWith(TitlePrefix, StringComparison.OrdinalIgnoreCase))
        {
            title = TitlePrefix + title;
        }

        Budget? budget = null;
        if ((JsonValues.GetDecimal(item, "price_i") ?? JsonValues.GetDecimal(item, "packages", "recommended", "price")) is { } price and >= 0)
        {
            if (currency is { } site)
            {
                // price_i is the "From" price in whole units of the page's currency (100 is the card's "$100"), not cents.
                budget = Budget.Fixed(new Money(price, site));
            }
            else
            {
                priceDropped = true;
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

    /// <summary>Fiverr's seller level ids in the words its cards and filters use; an id not known yet is kept as it came.</summary>
    /// <param name="level">The id, e.g. <c>level_two_seller</c>.</param>
    /// <returns>The words, e.g. <c>Level 2</c>.</returns>
    public static string LevelInWords(string level) => level switch
    {
        "top_rated_seller" => "Top Rated",
        "level_two_seller" => "Level 2",
        "level_one_seller" => "Level 1",
        "na" => "New",
        _ => level,
    };

    /// <summary>Names a JSON value's kind for a message: <c>an array</c>, <c>null</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The words.</returns>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static GigSeller? ReadSeller(JsonElement item)
    {
        var name = HtmlText.Tidy(JsonValues.GetString(item, "seller_display_name"))?.Replace('\n', ' ');
        var username = JsonValues.GetString(item, "seller_name")?.Trim();
        var level = JsonValues.GetString(item, "seller_level")?.Trim() is { Length: > 0 } slug ? LevelInWords(slug) : null;
        var reviews = JsonValues.GetInt32(item, "buying_review_rating_count") is { } n and >= 0 ? n : (int?)null;

        // A gig without reviews carries a rating of 0, which is no rating at all (the card shows none).
        var rating = JsonValues.GetDecimal(item, "buying_review_rating") is { } r and >= 0 and <= 5 && reviews != 0 ? r : (decimal?)null;
        var country = CountryCodes.Normalize(JsonValues.GetString(item, "seller_country"));
        if (name is null && username is null && level is null && rating is null && reviews is null && country is null)
        {
            return null;
        }

        return new GigSeller { Name = name, Username = username, Level = level, Rating = rating, Reviews = reviews, Country = country };
    }

    // The programming languages a gig names are the nearest thing a card has to skills; other metadata (website
    // features, plugins, styles) describes the offer rather than a skill.
    private static string[] ReadSkills(JsonElement item)
    {
        if (JsonValues.GetArray(item, "metadata") is not { } metadata)
        {
            return [];
        }

        var skills = new List<string>();
        foreach (var entry in metadata.EnumerateArray())
        {
            // Compared in place rather than read into a string: most metadata entries are not programming languages.
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("type", out var kind) || kind.ValueKind != JsonValueKind.String
                || !kind.ValueEquals("programming_language") || JsonValues.GetArray(entry, "value") is not { } values)
            {
                continue;
            }

            foreach (var value in values.EnumerateArray())
            {
                if (JsonValues.ReadString(value)?.Trim() is { Length: > 0 } skill && !skills.Contains(skill, StringComparer.OrdinalIgnoreCase))
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
            ["pro"] = JsonValues.GetBoolean(item, "is_pro") == true || type == "pro",
        };

        if (JsonValues.GetBoolean(item, "is_fiverr_choice") is { } choice)
        {
            extra["fiverrChoice"] = choice;
        }

        if (JsonValues.GetInt32(item, "packages", "recommended", "duration") is { } days and > 0)
        {
            extra["deliveryDays"] = days;
        }

        if (JsonValues.GetInt32(item, "num_of_packages") is { } packages and > 0)
        {
            extra["packageCount"] = packages;
        }

        if (GigUrls.TryCreate(JsonValues.GetString(item, "seller_url"), Site) is { } sellerUrl)
        {
            extra["sellerUrl"] = sellerUrl.AbsoluteUri;
        }

        if (JsonValues.GetBoolean(item, "seller_online") is { } online)
        {
            extra["sellerOnline"] = online;
        }

        // The seller's rating over all their gigs, beside the gig's own rating in Seller.Rating.
        var sellerReviews = JsonValues.GetInt32(item, "seller_rating", "count") is { } count and >= 0 ? count : (int?)null;
        if (sellerReviews is { } reviews)
        {
            extra["sellerReviews"] = reviews;
        }

        if (JsonValues.GetDecimal(item, "seller_rating", "score") is { } score and >= 0 and <= 5 && sellerReviews != 0)
        {
            extra["sellerRating"] = score;
        }

        if (JsonValues.GetString(item, "agency", "slug") is { } agency)
        {
            extra["agency"] = agency;
        }

        if (ImageUrl(item) is { } image)
        {
            extra["imageUrl"] = image;
        }

        if (JsonValues.GetInt32(item, "pos") is { } position and >= 0)
        {
            extra["position"] = position;
        }

        AddId(extra, "categoryId", item, "category_id");
        AddId(extra, "subCategoryId", item, "sub_category_id");
        AddId(extra, "nestedSubCategoryId", item, "nested_sub_category_id");
        return new ReadOnlyDictionary<string, object>(extra);
    }

    private static void AddId(Dictionary<string, object> extra, string key, JsonElement item, string name)
    {
        if (JsonValues.GetInt32(item, name) is { } value and > 0)
        {
            extra[key] = value;
        }
    }

    // The gig's main picture; it lives on Fiverr's image CDN, so only https is required of it.
    private static string? ImageUrl(JsonElement item)
    {
        if (JsonValues.GetArray(item, "assets") is not { } assets)
        {
            return null;
        }

        foreach (var asset in assets.EnumerateArray())
        {
            if (JsonValues.GetString(asset, "cloud_img_main_gig") is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            {
                return uri.AbsoluteUri;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using static FreelanceAggregator.Json.JsonStrings;

namespace FreelanceAggregator.Providers.Upwork.Parsing;

/// <summary>
/// Reads one answer of <c>marketplaceJobPostingsSearch</c> (body text) into gigs, warnings, the GraphQL errors and the
/// paging info. Pure and tolerant: only a job's id, title and link are needed; every other value may be missing, null,
/// of another JSON type or unreadable, and is then simply absent. It throws nothing but <see cref="GigProviderException"/>
/// (<see cref="GigProviderFailure.InvalidResponse"/>) for an answer that is not a GraphQL answer at all.
/// </summary>
internal static class UpworkSearchParser
{
    /// <summary>The public site that job links point at (never the API host or a test server).</summary>
    public static readonly Uri Site = new("https://www.upwork.com/");

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>Reads an answer.</summary>
    /// <param name="json">The body text.</param>
    /// <param name="provider">The provider's name, for gigs and messages.</param>
    /// <param name="requestUri">The address that answered, for messages.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">The text is not JSON, or not a GraphQL answer with the search's data or errors.</exception>
    public static UpworkSearchPage Parse(string json, string provider = UpworkOptions.DefaultName, Uri? requestUri = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(json, default, provider, requestUri);
    }

    /// <summary>Reads an answer from its UTF-8 bytes (see <see cref="GigHttpResponse.TryGetUtf8Body"/>), without decoding it into a string.</summary>
    /// <param name="utf8Json">The body, valid UTF-8.</param>
    /// <param name="provider">The provider's name, for gigs and messages.</param>
    /// <param name="requestUri">The address that answered, for messages.</param>
    /// <returns>The page.</returns>
    /// <exception cref="GigProviderException">As <see cref="Parse(string, string, Uri?)"/>.</exception>
    public static UpworkSearchPage Parse(ReadOnlyMemory<byte> utf8Json, string provider = UpworkOptions.DefaultName, Uri? requestUri = null) =>
        Parse(null, utf8Json, provider, requestUri);

    // The text when there is one, else the UTF-8 bytes; the bytes are decoded only to say what is wrong with them.
    private static UpworkSearchPage Parse(string? json, ReadOnlyMemory<byte> utf8Json, string provider, Uri? requestUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
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
            var problem = json.TrimStart().StartsWith('<')
                ? "Upwork answered with an HTML page where the GraphQL API's JSON was expected"
                : "Upwork's answer is not valid JSON (" + ex.Message.Split(". ", 2)[0] + ")";
            throw Invalid(provider, problem, requestUri, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(provider, "Upwork's answer is not a GraphQL answer (its root is not an object)", requestUri);
            }

            var errors = ReadErrors(root);
            var search = Object(Object(root, "data"), "marketplaceJobPostingsSearch");
            if (search is not { } connection)
            {
                if (errors.Count > 0)
                {
                    return new UpworkSearchPage { Errors = errors };
                }

                throw Invalid(provider, "Upwork's answer has no data.marketplaceJobPostingsSearch and no errors: the API's answer has changed", requestUri);
            }

            if (!connection.TryGetProperty("edges", out var edges) || edges.ValueKind != JsonValueKind.Array)
            {
                if (errors.Count > 0)
                {
                    return new UpworkSearchPage { Errors = errors };
                }

                throw Invalid(provider, "Upwork's answer has no list of jobs (marketplaceJobPostingsSearch.edges): the API's answer has changed", requestUri);
            }

            var gigs = new List<Gig>();
            var warnings = new List<string>();
            var unknownCountries = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var edge in edges.EnumerateArray())
            {
                index++;
                if (Object(edge, "node") is not { } node)
                {
                    warnings.Add($"{provider}: job {index} of the page was skipped: it has no data (the edge has no node).");
                    continue;
                }

                if (ReadJob(node, index, provider, warnings, unknownCountries) is { } gig)
                {
                    gigs.Add(gig);
                }
            }

            foreach (var country in unknownCountries)
            {
                warnings.Add($"{provider}: the client country '{country}' is not a known country name or code; it was left empty.");
            }

            var pageInfo = Object(connection, "pageInfo");
            return new UpworkSearchPage
            {
                Gigs = gigs,
                Warnings = warnings,
                Errors = errors,
                HasData = true,
                EdgeCount = index,
                TotalCount = Int(connection, "totalCount"),
                HasNextPage = pageInfo is { } info && Bool(info, "hasNextPage") == true,
                EndCursor = pageInfo is { } p ? String(p, "endCursor") : null,
            };
        }
    }

    /// <summary>Reads a date as Upwork writes it (<c>2025-10-16T06:06:47+0000</c>: an offset without a colon), or the ISO 8601 forms with a colon or <c>Z</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The date, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the text is such a date.</returns>
    public static bool TryParseDate(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return TryParseIsoDate(text, out value) || TryParseDateWithFormats(text, out value);
    }

    /// <summary>Reads a non-blank date with the exact formats alone, without the fast path of <see cref="TryParseIsoDate"/>.</summary>
    internal static bool TryParseDateWithFormats(string text, out DateTimeOffset value)
    {
        var s = text.Trim();

        // "+0000" → "+00:00": the exact formats below want the colon that Upwork leaves out.
        if (s.Length > 5 && s[^5] is '+' or '-' && char.IsAsciiDigit(s[^4]) && char.IsAsciiDigit(s[^3]) && char.IsAsciiDigit(s[^2]) && char.IsAsciiDigit(s[^1]))
        {
            s = string.Concat(s.AsSpan(0, s.Length - 2), ":", s.AsSpan(s.Length - 2));
        }

        return DateTimeOffset.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>
    /// The fast path of <see cref="TryParseDate"/> for a date in exactly the form Upwork writes: <c>yyyy-MM-ddTHH:mm:ss</c>,
    /// optionally <c>.f</c> (1 to 7 digits), then <c>Z</c>, <c>±HH:mm</c> or <c>±HHmm</c>, in ASCII and nothing else. It
    /// answers only for a date that exists, with an offset within ±14 hours and a moment within the range of dates, where
    /// the exact formats give the same moment; anything else is left to them (<see langword="false"/>).
    /// </summary>
    internal static bool TryParseIsoDate(string text, out DateTimeOffset value)
    {
        value = default;
        var s = text.AsSpan();
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)
            || !TryDigits(s, 11, 2, out var hour) || !TryDigits(s, 14, 2, out var minute) || !TryDigits(s, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        long ticks = 0;
        if (s[i] == '.')
        {
            var digits = 0;
            while (i + 1 + digits < s.Length && char.IsAsciiDigit(s[i + 1 + digits]))
            {
                ticks = (ticks * 10) + (s[i + 1 + digits] - '0');
                digits++;
            }

            if (digits is < 1 or > 7)
            {
                return false;
            }

            for (var pad = digits; pad < 7; pad++)
            {
                ticks *= 10;
            }

            i += 1 + digits;
        }

        int offsetMinutes;
        if (s.Length - i == 1 && s[i] == 'Z')
        {
            offsetMinutes = 0;
        }
        else if (s.Length - i is 5 or 6 && s[i] is '+' or '-' && TryDigits(s, i + 1, 2, out var offsetHours)
            && (s.Length - i == 5 ? TryDigits(s, i + 3, 2, out var zoneMinutes) : s[i + 3] == ':' && TryDigits(s, i + 4, 2, out zoneMinutes))
            && zoneMinutes < 60)
        {
            offsetMinutes = (s[i] == '-' ? -1 : 1) * ((offsetHours * 60) + zoneMinutes);
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || Math.Abs(offsetMinutes) > 14 * 60)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utcTicks = local.Ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes));
        return true;
    }

    // Reads exactly `count` ASCII digits at `start`.
    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static Gig? ReadJob(JsonElement node, int index, string provider, List<string> warnings, HashSet<string> unknownCountries)
    {
        var id = String(node, "id");
        var title = Tidy(String(node, "title"));
        var ciphertext = String(node, "ciphertext");
        var label = id is null ? $"job {index} of the page" : $"job {id}";
        if (id is null)
        {
            warnings.Add($"{provider}: {label} was skipped: it has no id.");
            return null;
        }

        if (title is null)
        {
            warnings.Add($"{provider}: {label} was skipped: it has no title.");
            return null;
        }

        // The public page is /jobs/{ciphertext}; ciphertext is "~02" + id in every answer seen, so a job without one
        // still gets its link from a numeric id.
        if (string.IsNullOrWhiteSpace(ciphertext) && id.All(char.IsAsciiDigit))
        {
            ciphertext = "~02" + id;
        }

        ciphertext = ciphertext?.Trim();
        var url = string.IsNullOrEmpty(ciphertext) || ciphertext.Length > 200 ? null : GigUrls.TryCreate("/jobs/" + Uri.EscapeDataString(ciphertext), Site);
        if (url is null || ciphertext is null)
        {
            warnings.Add($"{provider}: {label} was skipped: it has no usable link (ciphertext).");
            return null;
        }

        // Sized for the values a job usually has, so that the dictionary is not grown three times for each job.
        var extra = new Dictionary<string, object>(16, StringComparer.Ordinal);
        AddExtra(extra, "ciphertext", ciphertext);
        AddExtra(extra, "category", String(node, "category"));
        AddExtra(extra, "subcategory", String(node, "subcategory"));
        AddExtra(extra, "experienceLevel", String(node, "experienceLevel"));
        AddExtra(extra, "duration", String(node, "duration"));
        AddExtra(extra, "durationLabel", String(node, "durationLabel"));
        AddExtra(extra, "engagement", String(node, "engagement"));
        if (Int(node, "freelancersToHire") is { } toHire)
        {
            extra["freelancersToHire"] = toHire;

            // Upwork lowers freelancersToHire to 0 once the job is filled, while the posting stays searchable.
            extra["filled"] = toHire == 0;
        }

        var created = ReadDate(node, "createdDateTime", label, provider, warnings);
        var published = ReadDate(node, "publishedDateTime", label, provider, warnings);
        if (created is { } createdAt)
        {
            extra["createdAt"] = createdAt;
        }

        var occupation = Object(Object(node, "occupations"), "category");
        var category = Tidy(occupation is { } o ? String(o, "prefLabel") : null) ?? String(node, "category");

        return new Gig
        {
            Provider = provider,
            Id = id,
            Title = title,
            Url = url,
            Kind = GigKind.Job,
            Description = HtmlText.ToPlainText(String(node, "description")),
            Budget = ReadBudget(node, label, provider, warnings),
            Skills = ReadSkills(node),
            Category = category,
            PostedAt = published ?? created,
            Proposals = Int(node, "totalApplicants") is { } applicants && applicants >= 0 ? applicants : null,
            Client = ReadClient(Object(node, "client"), label, provider, warnings, unknownCountries),
            Extra = extra,
        };
    }

    // A positive amount is a fixed price; otherwise the job is hourly with hourlyBudgetMin/Max (either may be null),
    // and a job with neither is an open budget. There is no contract-type field on this query.
    private static Budget? ReadBudget(JsonElement node, string label, string provider, List<string> warnings)
    {
        var amount = ReadMoney(node, "amount", null, label, provider, warnings);
        if (amount is { Amount: > 0 } price)
        {
            // Upwork states one fixed price: both ends are that price, not a "from" amount.
            return Budget.Fixed(price, price);
        }

        var fallback = amount?.Currency;
        var min = ReadMoney(node, "hourlyBudgetMin", fallback, label, provider, warnings);
        var max = ReadMoney(node, "hourlyBudgetMax", fallback, label, provider, warnings);
        Money? lo = min is { Amount: > 0 } a ? a : null;
        Money? hi = max is { Amount: > 0 } b ? b : null;
        if (lo is null && hi is null)
        {
            return null;
        }

        if (lo is { } l && hi is { } h && (l.Currency != h.Currency || l.Amount > h.Amount))
        {
            warnings.Add($"{provider}: {label} has an hourly range that cannot be right ({l} to {h}); its budget was left empty.");
            return null;
        }

        return Budget.Hourly(lo, hi);
    }

    // Money is {rawValue: "72.11", currency: "USD", displayValue: "72.11"}; rawValue is read (displayValue may be
    // formatted for display). A plain number (other Upwork queries) takes the currency of the job's own amount, if any:
    // a currency is never guessed.
    private static Money? ReadMoney(JsonElement parent, string name, Currency? fallbackCurrency, string label, string provider, List<string> warnings)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        string? raw;
        string? code;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                raw = String(value, "rawValue");
                code = String(value, "currency");
                break;
            case JsonValueKind.Number or JsonValueKind.String:
                raw = value.ValueKind == JsonValueKind.String ? ReadString(value) : value.GetRawText();
                code = fallbackCurrency?.Code;
                break;
            default:
                return null;
        }

        if (raw is null)
        {
            return null;
        }

        if (!decimal.TryParse(raw.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var amount))
        {
            warnings.Add($"{provider}: {label} has an unreadable amount in {name} ('{Short(raw)}'); it was left out.");
            return null;
        }

        if (!Currency.TryFromCode(code, out var currency))
        {
            warnings.Add($"{provider}: {label} has {name} {Short(raw)} without a known currency ('{Short(code ?? "none")}'); it was left out.");
            return null;
        }

        return new Money(amount, currency);
    }

    private static List<string> ReadSkills(JsonElement node)
    {
        var skills = new List<string>();
        if (!node.TryGetProperty("skills", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return skills;
        }

        foreach (var skill in list.EnumerateArray())
        {
            var name = skill.ValueKind switch
            {
                JsonValueKind.Object => Tidy(String(skill, "prettyName")) ?? Tidy(String(skill, "name")),
                JsonValueKind.String => Tidy(ReadString(skill)),
                _ => null,
            };
            if (name is not null && !skills.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                skills.Add(name);
            }
        }

        return skills;
    }

    private static GigClient? ReadClient(JsonElement? element, string label, string provider, List<string> warnings, HashSet<string> unknownCountries)
    {
        if (element is not { } client)
        {
            return null;
        }

        string? country = null;
        if (Object(client, "location") is { } location && Tidy(String(location, "country")) is { } countryText)
        {
            // Upwork writes a name ("United Kingdom") for most clients and an ISO-3 code ("GBR") for some.
            country = CountryCodes.Normalize(countryText);
            if (country is null)
            {
                unknownCountries.Add(Short(countryText));
            }
        }

        bool? verified = client.TryGetProperty("verificationStatus", out var status)
            ? status.ValueKind switch
            {
                JsonValueKind.String => string.Equals(ReadString(status), "VERIFIED", StringComparison.OrdinalIgnoreCase),
                JsonValueKind.Null => false,
                _ => null,
            }
            : null;

        var reviews = Int(client, "totalReviews") is { } r && r >= 0 ? r : (int?)null;

        // totalFeedback is 0 for a client nobody has rated yet: that is no rating, not a rating of zero.
        var rating = Decimal(client, "totalFeedback") is { } f && f is >= 0 and <= 5 && !(f == 0 && reviews is null or 0) ? f : (decimal?)null;
        var spent = ReadMoney(client, "totalSpent", null, label + "'s client", provider, warnings);
        var hires = Int(client, "totalHires") is { } h && h >= 0 ? h : (int?)null;

        return new GigClient
        {
            Country = country,
            PaymentVerified = verified,
            Rating = rating,
            Reviews = reviews,
            TotalSpent = spent is { Amount: >= 0 } ? spent : null,
            Hires = hires,
        };
    }

    private static DateTimeOffset? ReadDate(JsonElement node, string name, string label, string provider, List<string> warnings)
    {
        if (!node.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = ReadString(value);
                if (TryParseDate(text, out var date))
                {
                    return date;
                }

                if (!string.IsNullOrWhiteSpace(text))
                {
                    warnings.Add($"{provider}: {label} has an unreadable {name} ('{Short(text)}'); it was left out.");
                }

                return null;
            case JsonValueKind.Number when value.TryGetInt64(out var epoch) && epoch > 0:
                // Some Upwork queries give DateTime scalars as epoch milliseconds.
                try
                {
                    return epoch > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
                }
                catch (ArgumentOutOfRangeException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    private static List<UpworkGraphQLError> ReadErrors(JsonElement root)
    {
        var errors = new List<UpworkGraphQLError>();
        if (!root.TryGetProperty("errors", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return errors;
        }

        foreach (var item in list.EnumerateArray())
        {
            var message = item.ValueKind switch
            {
                JsonValueKind.Object => Tidy(String(item, "message")),
                JsonValueKind.String => Tidy(ReadString(item)),
                _ => null,
            };
            var classification = Object(item, "extensions") is { } extensions ? String(extensions, "classification") ?? String(extensions, "code") : null;
            errors.Add(new UpworkGraphQLError(message ?? "(an error without a message)", classification));
        }

        return errors;
    }

    private static void AddExtra(Dictionary<string, object> extra, string key, string? value)
    {
        if (Tidy(value) is { } text)
        {
            extra[key] = text;
        }
    }

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => ReadString(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static decimal? Decimal(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(ReadString(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    private static int? Int(JsonElement parent, string name) =>
        Decimal(parent, name) is { } d && d >= int.MinValue && d <= int.MaxValue ? (int)decimal.Truncate(d) : null;

    private static bool? Bool(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(ReadString(value), out var b) => b,
            _ => null,
        };
    }

    private static string? Tidy(string? text) => HtmlText.Tidy(text);

    private static string Short(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private static GigProviderException Invalid(string provider, string problem, Uri? requestUri, Exception? inner = null) =>
        new(provider, problem, requestUri, null, GigProviderFailure.InvalidResponse, innerException: inner);
}

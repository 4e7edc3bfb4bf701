using System.Buffers;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FreelanceAggregator.Watch;

/// <summary>
/// Writes a <see cref="Gig"/> as compact JSON and reads it back equal, so an alert handed out after a restart carries the
/// listing as it was first seen. Money is written as text ("12.50"), never as a JSON number, so no amount passes through
/// a double; <see cref="Gig.Extra"/> values keep their type with a one-letter tag.
/// </summary>
internal static class GigJson
{
    // Bumped when the shape changes in a way old readers cannot follow; readers accept every version up to theirs.
    private const int FormatVersion = 1;

    public static string Write(Gig gig)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(gig, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the listing as UTF-8 JSON into <paramref name="buffer"/>, after what it already holds.</summary>
    public static void Write(Gig gig, IBufferWriter<byte> buffer)
    {
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("v", FormatVersion);
            w.WriteString("provider", gig.Provider);
            w.WriteString("id", gig.Id);
            w.WriteString("title", gig.Title);
            w.WriteString("url", gig.Url.OriginalString);
            w.WriteString("kind", gig.Kind == GigKind.Service ? "service" : "job");
            WriteIfNotNull(w, "description", gig.Description);
            if (gig.Budget is { } budget)
            {
                w.WriteStartObject("budget");
                WriteRange(w, budget.Min, budget.Max, budget.Type);
                w.WriteEndObject();
            }

            if (gig.ConvertedBudget is { } converted)
            {
                w.WriteStartObject("converted");
                WriteRange(w, converted.Min, converted.Max, converted.Type);
                if (converted.Rate is { } rate)
                {
                    w.WriteStartObject("rate");
                    w.WriteString("from", rate.From.Code);
                    w.WriteString("to", rate.To.Code);
                    w.WriteString("rate", Text(rate.Rate));
                    if (rate.AsOf is { } asOf)
                    {
                        w.WriteString("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }

                    w.WriteString("source", rate.Source);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            if (gig.Skills.Count > 0)
            {
                w.WriteStartArray("skills");
                foreach (var skill in gig.Skills)
                {
                    w.WriteStringValue(skill);
                }

                w.WriteEndArray();
            }

            WriteIfNotNull(w, "category", gig.Category);
            if (gig.PostedAt is { } posted)
            {
                w.WriteString("postedAt", posted.ToString("O", CultureInfo.InvariantCulture));
            }

            if (gig.Proposals is { } proposals)
            {
                w.WriteNumber("proposals", proposals);
            }

            if (gig.Client is { } client)
            {
                w.WriteStartObject("client");
                WriteIfNotNull(w, "name", client.Name);
                WriteIfNotNull(w, "country", client.Country);
                if (client.PaymentVerified is { } verified)
                {
                    w.WriteBoolean("paymentVerified", verified);
                }

                WriteIfNotNull(w, "rating", client.Rating is { } r ? Text(r) : null);
                if (client.Reviews is { } reviews)
                {
                    w.WriteNumber("reviews", reviews);
                }

                WriteIfNotNull(w, "totalSpent", client.TotalSpent is { } spent ? Text(spent) : null);
                if (client.Hires is { } hires)
                {
                    w.WriteNumber("hires", hires);
                }

                w.WriteEndObject();
            }

            if (gig.Seller is { } seller)
            {
                w.WriteStartObject("seller");
                WriteIfNotNull(w, "name", seller.Name);
                WriteIfNotNull(w, "username", seller.Username);
                WriteIfNotNull(w, "level", seller.Level);
                WriteIfNotNull(w, "rating", seller.Rating is { } r ? Text(r) : null);
                if (seller.Reviews is { } reviews)
                {
                    w.WriteNumber("reviews", reviews);
                }

                WriteIfNotNull(w, "country", seller.Country);
                w.WriteEndObject();
            }

            if (gig.Extra.Count > 0)
            {
                w.WriteStartObject("extra");
                foreach (var (key, value) in gig.Extra)
                {
                    w.WriteStartArray(key);
                    WriteExtra(w, value);
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }
    }

    public static Gig Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var version = root.GetProperty("v").GetInt32();
        if (version > FormatVersion)
        {
            throw new FormatException($"The listing was written in format {version}; this version reads up to {FormatVersion}.");
        }

        return new Gig
        {
            Provider = root.GetProperty("provider").GetString()!,
            Id = root.GetProperty("id").GetString()!,
            Title = root.GetProperty("title").GetString()!,
            Url = new Uri(root.GetProperty("url").GetString()!, UriKind.Absolute),
            Kind = root.GetProperty("kind").GetString() == "service" ? GigKind.Service : GigKind.Job,
            Description = OptionalString(root, "description"),
            Budget = root.TryGetProperty("budget", out var b) ? ReadBudget(b) : null,
            ConvertedBudget = root.TryGetProperty("converted", out var c) ? ReadConverted(c) : null,
            Skills = root.TryGetProperty("skills", out var skills) ? skills.EnumerateArray().Select(s => s.GetString()!).ToArray() : [],
            Category = OptionalString(root, "category"),
            PostedAt = OptionalString(root, "postedAt") is { } posted ? DateTimeOffset.Parse(posted, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null,
            Proposals = root.TryGetProperty("proposals", out var p) ? p.GetInt32() : null,
            Client = root.TryGetProperty("client", out var client) ? ReadClient(client) : null,
            Seller = root.TryGetProperty("seller", out var seller) ? ReadSeller(seller) : null,
            Extra = root.TryGetProperty("extra", out var extra) ? ReadExtra(extra) : ReadOnlyDictionary<string, object>.Empty,
        };
    }

    internal static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    // "12.50 USD": the amount as written (its scale kept), then the ISO code.
    internal static string Text(Money money) => Text(money.Amount) + " " + money.Currency.Code;

    internal static Money ReadMoney(string text)
    {
        var space = text.LastIndexOf(' ');
        return new Money(Decimal(text[..space]), Currency.FromCode(text[(space + 1)..]));
    }

    private static void WriteRange(Utf8JsonWriter w, Money? min, Money? max, BudgetType type)
    {
        WriteIfNotNull(w, "min", min is { } lo ? Text(lo) : null);
        WriteIfNotNull(w, "max", max is { } hi ? Text(hi) : null);
        w.WriteString("type", type == BudgetType.Hourly ? "hourly" : "fixed");
    }

    private static Budget ReadBudget(JsonElement e) => new(OptionalMoney(e, "min"), OptionalMoney(e, "max"), ReadType(e));

    private static ConvertedBudget ReadConverted(JsonElement e)
    {
        ExchangeRate? rate = null;
        if (e.TryGetProperty("rate", out var r))
        {
            rate = new ExchangeRate(
                Currency.FromCode(r.GetProperty("from").GetString()!),
                Currency.FromCode(r.GetProperty("to").GetString()!),
                Decimal(r.GetProperty("rate").GetString()!),
                OptionalString(r, "asOf") is { } asOf ? DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                r.GetProperty("source").GetString()!);
        }

        return new ConvertedBudget(OptionalMoney(e, "min"), OptionalMoney(e, "max"), ReadType(e), rate);
    }

    private static BudgetType ReadType(JsonElement e) => e.GetProperty("type").GetString() == "hourly" ? BudgetType.Hourly : BudgetType.Fixed;

    private static GigClient ReadClient(JsonElement e) => new()
    {
        Name = OptionalString(e, "name"),
        Country = OptionalString(e, "country"),
        PaymentVerified = e.TryGetProperty("paymentVerified", out var v) ? v.GetBoolean() : null,
        Rating = OptionalString(e, "rating") is { } rating ? Decimal(rating) : null,
        Reviews = e.TryGetProperty("reviews", out var reviews) ? reviews.GetInt32() : null,
        TotalSpent = OptionalMoney(e, "totalSpent"),
        Hires = e.TryGetProperty("hires", out var hires) ? hires.GetInt32() : null,
    };

    private static GigSeller ReadSeller(JsonElement e) => new()
    {
        Name = OptionalString(e, "name"),
        Username = OptionalString(e, "username"),
        Level = OptionalString(e, "level"),
        Rating = OptionalString(e, "rating") is { } rating ? Decimal(rating) : null,
        Reviews = e.TryGetProperty("reviews", out var reviews) ? reviews.GetInt32() : null,
        Country = OptionalString(e, "country"),
    };

    // Gig.Extra documents its value types; each keeps its type through a tag. Anything else a third party put there is
    // kept as its invariant text rather than dropped.
    private static void WriteExtra(Utf8JsonWriter w, object value)
    {
        switch (value)
        {
            case string s:
                w.WriteStringValue("s");
                w.WriteStringValue(s);
                break;
            case bool b:
                w.WriteStringValue("b");
                w.WriteBooleanValue(b);
                break;
            case int i:
                w.WriteStringValue("i");
                w.WriteNumberValue(i);
                break;
            case long l:
                w.WriteStringValue("l");
                w.WriteNumberValue(l);
                break;
            case decimal d:
                w.WriteStringValue("d");
                w.WriteStringValue(Text(d));
                break;
            case Money m:
                w.WriteStringValue("m");
                w.WriteStringValue(Text(m));
                break;
            case DateTimeOffset t:
                w.WriteStringValue("t");
                w.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture));
                break;
            case Uri u:
                w.WriteStringValue("u");
                w.WriteStringValue(u.OriginalString);
                break;
            default:
                w.WriteStringValue("s");
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static Dictionary<string, object> ReadExtra(JsonElement extra)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in extra.EnumerateObject())
        {
            var tag = property.Value[0].GetString();
            var v = property.Value[1];
            values[property.Name] = tag switch
            {
                "b" => v.GetBoolean(),
                "i" => v.GetInt32(),
                "l" => v.GetInt64(),
                "d" => Decimal(v.GetString()!),
                "m" => ReadMoney(v.GetString()!),
                "t" => DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "u" => new Uri(v.GetString()!, UriKind.RelativeOrAbsolute),
                _ => v.GetString()!,
            };
        }

        return values;
    }

    private static void WriteIfNotNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string? OptionalString(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static Money? OptionalMoney(JsonElement e, string name) => OptionalString(e, name) is { } text ? ReadMoney(text) : null;
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FreelanceAggregator;

namespace GigSearch;

/// <summary>Writes results to JSON (everything, for programs) or CSV (the main columns, for spreadsheets).</summary>
internal static class Exporters
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new MoneyConverter(), new CurrencyConverter() },
    };

    public static async Task WriteJsonAsync(string path, GigSearchResult result, CancellationToken cancellationToken)
    {
        var document = new
        {
            query = result.Query.ToString(),
            currency = result.Currency.Code,
            gigs = result.Gigs,
            outcomes = result.Outcomes.Select(o => new
            {
                o.Provider,
                o.Status,
                o.GigCount,
                o.ReceivedCount,
                elapsedSeconds = Math.Round(o.Elapsed.TotalSeconds, 3),
                o.Message,
                o.Failure,
                o.Warnings,
            }),
        };
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, document, Json, cancellationToken);
    }

    public static async Task WriteCsvAsync(string path, GigSearchResult result, CancellationToken cancellationToken)
    {
        // RFC 4180 ends every record with CRLF, whatever the platform's own line ending is.
        const string RecordEnd = "\r\n";
        var csv = new StringBuilder();
        csv.Append("provider,id,kind,title,url,budget_min,budget_max,budget_currency,budget_type,converted_min,converted_max,converted_currency,rate,rate_date,rate_source,posted_at,proposals,skills,client_country,payment_verified,rating").Append(RecordEnd);
        foreach (var g in result.Gigs)
        {
            var rating = g.Kind == GigKind.Service ? g.Seller?.Rating : g.Client?.Rating;
            csv.Append(string.Join(',', new[]
            {
                g.Provider, g.Id, g.Kind.ToString(), g.Title, g.Url.ToString(),
                Amount(g.Budget?.Min), Amount(g.Budget?.Max), g.Budget?.Currency.Code, g.Budget?.Type.ToString(),
                Amount(g.ConvertedBudget?.Min), Amount(g.ConvertedBudget?.Max), g.ConvertedBudget?.Currency.Code,
                g.ConvertedBudget?.Rate?.Rate.ToString(CultureInfo.InvariantCulture), g.ConvertedBudget?.Rate?.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.ConvertedBudget?.Rate?.Source,
                g.PostedAt?.ToString("O", CultureInfo.InvariantCulture), g.Proposals?.ToString(CultureInfo.InvariantCulture), string.Join("; ", g.Skills),
                g.Client?.Country, g.Client?.PaymentVerified?.ToString(), rating?.ToString(CultureInfo.InvariantCulture),
            }.Select(Quote))).Append(RecordEnd);
        }

        await File.WriteAllTextAsync(path, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);
    }

    private static string? Amount(Money? money) => money?.Amount.ToString(CultureInfo.InvariantCulture);

    // RFC 4180: quote a field that holds a comma, a quote or a line break; double the quotes inside.
    private static string Quote(string? field) =>
        field is null ? string.Empty
        : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;

    private sealed class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("amount", value.Amount);
            writer.WriteString("currency", value.Currency.Code);
            writer.WriteEndObject();
        }
    }

    private sealed class CurrencyConverter : JsonConverter<Currency>
    {
        public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Currency.FromCode(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly string[] CsvColumns =
    [
        "provider", "id", "kind", "title", "url", "budget_min", "budget_max", "budget_currency", "budget_type",
        "converted_min", "converted_max", "converted_currency", "rate", "rate_date", "rate_source", "posted_at", "proposals",
        "skills", "client_country", "payment_verified", "rating",
    ];

    // RFC 4180 (CRLF, quotes only where needed) is CsvHelper's default. Titles, ids and skills come from strangers, and a
    // spreadsheet runs a cell that starts with = + - @ (or a tab or CR, per OWASP) as a formula: such text cells get a
    // leading ' and read as text. Numbers and dates are written as values, never escaped, so they stay numbers (budgets
    // cannot be negative anyway). The byte order mark makes Excel read the file as UTF-8 instead of the ANSI code page,
    // which would garble "–" and accented names.
    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
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
        await using var csv = CsvWriter.ToFile(path, Csv);
        csv.WriteHeader(CsvColumns);
        foreach (var g in result.Gigs)
        {
            var rating = g.Kind == GigKind.Service ? g.Seller?.Rating : g.Client?.Rating;
            csv.WriteField(g.Provider);
            csv.WriteField(g.Id);
            csv.WriteField(g.Kind.ToString());
            csv.WriteField(g.Title);
            csv.WriteField(g.Url.ToString());
            csv.WriteField(g.Budget?.Min?.Amount);
            csv.WriteField(g.Budget?.Max?.Amount);
            csv.WriteField(g.Budget?.Currency.Code);
            csv.WriteField(g.Budget?.Type.ToString());
            csv.WriteField(g.ConvertedBudget?.Min?.Amount);
            csv.WriteField(g.ConvertedBudget?.Max?.Amount);
            csv.WriteField(g.ConvertedBudget?.Currency.Code);
            csv.WriteField(g.ConvertedBudget?.Rate?.Rate);
            csv.WriteField(g.ConvertedBudget?.Rate?.AsOf);
            csv.WriteField(g.ConvertedBudget?.Rate?.Source);
            csv.WriteField(g.PostedAt);
            csv.WriteField(g.Proposals);
            csv.WriteField(string.Join("; ", g.Skills));
            csv.WriteField(g.Client?.Country);
            csv.WriteField(g.Client?.PaymentVerified?.ToString());
            csv.WriteField(rating);
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}

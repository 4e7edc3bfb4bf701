using System.Text.Json;

namespace FreelanceAggregator.Providers.Upwork.Parsing;

/// <summary>Reads a job's <c>client</c>: where the buyer is, whether their payment is verified, their rating and history.</summary>
internal static class UpworkClientReader
{
    /// <summary>Reads the client of a job.</summary>
    /// <param name="client">The job's <c>client</c> object.</param>
    /// <param name="id">The job's id, for warnings.</param>
    /// <param name="job">The reader of the answer, which collects the warnings.</param>
    /// <returns>The client.</returns>
    public static GigClient Read(JsonElement client, string id, UpworkJobReader job)
    {
        string? country = null;
        if (HtmlText.Tidy(JsonValues.GetString(client, "location", "country")) is { } countryText)
        {
            // Upwork writes a name ("United Kingdom") for most clients and an ISO-3 code ("GBR") for some.
            country = CountryCodes.Normalize(countryText);
            if (country is null)
            {
                job.UnknownCountry(countryText, id);
            }
        }

        // "VERIFIED", or null for a client whose payment method is not verified; absent is unknown.
        bool? verified = client.TryGetProperty("verificationStatus", out var status)
            ? status.ValueKind switch
            {
                JsonValueKind.String => string.Equals(JsonValues.ReadString(status), "VERIFIED", StringComparison.OrdinalIgnoreCase),
                JsonValueKind.Null => false,
                _ => null,
            }
            : null;

        var reviews = JsonValues.GetInt32(client, "totalReviews") is { } r && r >= 0 ? r : (int?)null;

        // totalFeedback is 0 for a client nobody has rated yet: that is no rating, not a rating of zero.
        var rating = JsonValues.GetDecimal(client, "totalFeedback") is { } f && f is >= 0 and <= 5 && !(f == 0 && reviews is null or 0) ? f : (decimal?)null;
        var spent = job.ReadMoney(client, "totalSpent", null, id, "client.totalSpent", ofClient: true);
        var hires = JsonValues.GetInt32(client, "totalHires") is { } h && h >= 0 ? h : (int?)null;

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
}

using System.Globalization;
using System.Text.Json;

namespace FreelanceAggregator.Providers.Freelancer;

/// <summary>
/// Reads a project's buyer: from <c>result.users</c> (what <c>user_details=true</c> and the <c>user_*</c> flags ask
/// for), else from the <c>owner_info</c> the site's own search page reads. Only what the buyer is as an employer counts:
/// a rating earned as a freelancer says nothing about how they pay.
/// </summary>
internal static class FreelancerClientReader
{
    /// <summary>Reads the buyer of a project.</summary>
    /// <param name="project">The project object.</param>
    /// <param name="ownerId">Its <c>owner_id</c>, if it has one.</param>
    /// <param name="users">The page's <c>result.users</c>, or <see langword="default"/>.</param>
    /// <returns>The buyer, or <see langword="null"/> when the page says nothing about them.</returns>
    public static GigClient? Read(JsonElement project, long? ownerId, JsonElement users)
    {
        if (ownerId is { } owner && FindUser(users, owner) is { } user)
        {
            var (rating, reviews) = Reputation(JsonValues.GetObject(user, "employer_reputation") ?? EmployerRole(JsonValues.GetObject(user, "reputation")));
            return Client(
                Name(user),
                Country(user),
                JsonValues.GetBoolean(user, "status", "payment_verified"),
                rating,
                reviews);
        }

        if (JsonValues.GetObject(project, "owner_info") is { } info)
        {
            var (rating, reviews) = Reputation(JsonValues.GetObject(info, "employer_reputation") ?? JsonValues.GetObject(info, "reputation"));
            return Client(
                Name(info) ?? HtmlText.Tidy(JsonValues.GetString(project, "owner_username")),
                CountryCodes.Normalize(JsonValues.GetString(info, "country", "code")) ?? CountryCodes.Normalize(JsonValues.GetString(info, "country", "name")) ?? Country(info),
                JsonValues.GetBoolean(info, "status", "payment_verified"),
                rating,
                reviews);
        }

        return null;
    }

    private static GigClient? Client(string? name, string? country, bool? paymentVerified, decimal? rating, int? reviews) =>
        name is null && country is null && paymentVerified is null && rating is null && reviews is null
            ? null
            : new GigClient { Name = name, Country = country, PaymentVerified = paymentVerified, Rating = rating, Reviews = reviews };

    // A map keyed by the id as a string; an empty PHP array [] when there are none, tolerated as a list of user objects too.
    private static JsonElement? FindUser(JsonElement users, long ownerId)
    {
        if (users.ValueKind == JsonValueKind.Object)
        {
            return JsonValues.GetObject(users, ownerId.ToString(CultureInfo.InvariantCulture));
        }

        if (users.ValueKind == JsonValueKind.Array)
        {
            foreach (var user in users.EnumerateArray())
            {
                if (user.ValueKind == JsonValueKind.Object && JsonValues.GetInt64(user, "id") == ownerId)
                {
                    return user;
                }
            }
        }

        return null;
    }

    private static string? Name(JsonElement user) =>
        HtmlText.Tidy(JsonValues.GetString(user, "public_name")) ?? HtmlText.Tidy(JsonValues.GetString(user, "display_name")) ?? HtmlText.Tidy(JsonValues.GetString(user, "username"));

    // location.country.code is lower-case ISO alpha-2 ("za"); the name is the fallback.
    private static string? Country(JsonElement user) =>
        CountryCodes.Normalize(JsonValues.GetString(user, "location", "country", "code")) ?? CountryCodes.Normalize(JsonValues.GetString(user, "location", "country", "name"));

    // user_reputation gives the user's reputation as a freelancer ("role": "freelancer"), which says nothing about them
    // as a buyer; it counts only when it is the employer's.
    private static JsonElement? EmployerRole(JsonElement? reputation) =>
        reputation is { } r && string.Equals(JsonValues.GetString(r, "role"), "employer", StringComparison.OrdinalIgnoreCase) ? r : null;

    // {entire_history: {overall, reviews, ...}, last3months, ...}, or the same fields flat. Ratings are 1-5 stars, so an
    // overall of 0 (and any rating over no reviews) means "not rated yet".
    private static (decimal? Rating, int? Reviews) Reputation(JsonElement? reputation)
    {
        if (reputation is not { } r)
        {
            return (null, null);
        }

        var history = JsonValues.GetObject(r, "entire_history") ?? (r.TryGetProperty("overall", out _) ? r : null);
        if (history is not { } h)
        {
            return (null, null);
        }

        var reviews = JsonValues.GetInt32(h, "reviews") is >= 0 and var n ? n : (int?)null;
        var overall = JsonValues.GetDecimal(h, "overall");
        var rating = overall is > 0m and <= 5m && reviews != 0 ? overall : null;
        return (rating, reviews);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace FreelanceAggregator.Providers;

/// <summary>
/// Tolerant reads from the JSON sites send: a missing key, a <c>null</c>, or a value of another kind is "absent"
/// (<see langword="null"/>), never an exception, because one odd value must cost that value only, not the page. Numbers
/// may arrive as integers, fractions or strings (the same field is <c>5</c> in one listing and <c>"4.9"</c> in the next).
/// </summary>
/// <remarks>
/// A path is a list of steps: a property name (<see cref="string"/>) through an object, or an index (<see cref="int"/>)
/// through an array, e.g. <c>JsonValues.GetString(job, "client", "location", "country")</c>. Every provider reads with these,
/// so a value means the same on every site: <see cref="GetBoolean"/> takes <c>true</c>, <c>1</c> and <c>"true"</c>;
/// <see cref="GetInt32"/> and <see cref="GetInt64"/> take whole numbers only (<c>5</c>, <c>5.0</c>, <c>"5"</c>), and a fraction is absent, never truncated.
/// </remarks>
public static class JsonValues
{
    /// <summary>Follows a path through objects and arrays.</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="value">The value found, or <see langword="default"/>.</param>
    /// <param name="path">Property names (<see cref="string"/>) and array indexes (<see cref="int"/>).</param>
    /// <returns><see langword="true"/> when the path leads to a value that is not <c>null</c>.</returns>
    public static bool TryGet(JsonElement element, out JsonElement value, params ReadOnlySpan<object> path)
    {
        value = element;
        foreach (var step in path)
        {
            switch (step)
            {
                case string name when value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var child):
                    value = child;
                    break;
                case int index when value.ValueKind == JsonValueKind.Array && index >= 0 && index < value.GetArrayLength():
                    value = value[index];
                    break;
                default:
                    value = default;
                    return false;
            }
        }

        return value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
    }

    /// <summary>Follows a path to an object.</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="path">Property names and array indexes.</param>
    /// <returns>The object, or <see langword="null"/> when the path leads to anything else.</returns>
    public static JsonElement? GetObject(JsonElement element, params ReadOnlySpan<object> path) =>
        TryGet(element, out var value, path) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>Follows a path to an array.</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="path">Property names and array indexes.</param>
    /// <returns>The array, or <see langword="null"/> when the path leads to anything else.</returns>
    public static JsonElement? GetArray(JsonElement element, params ReadOnlySpan<object> path) =>
        TryGet(element, out var value, path) && value.ValueKind == JsonValueKind.Array ? value : null;

    /// <summary>Reads a non-blank string; a number is taken as its text.</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="path">Property names and array indexes.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? GetString(JsonElement element, params ReadOnlySpan<object> path)
    {
        if (!TryGet(element, out var value, path))
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

    /// <summary>Reads a number written as an integer, a fraction or a string of one (invariant culture).</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="path">Property names and array indexes.</param>
    /// <returns>The number, or <see langword="null"/>.</returns>
    public static decimal? GetDecimal(JsonElement element, params ReadOnlySpan<object> path)
    {
        if (!TryGet(element, out var value, path))
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

    /// <summary>Reads a whole number (<c>5</c>, <c>5.0</c> or <c>"5"</c>); a fraction or a value out of range is absent.</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="path">Property names and array indexes.</param>
    /// <returns>The number, or <see langword="null"/>.</returns>
    public static long? GetInt64(JsonElement element, params ReadOnlySpan<object> path)
    {
        if (!TryGet(element, out var value, path))
        {
            return null;
        }

        // The common case, a plain integer, without going through decimal.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole))
        {
            return whole;
        }

        return GetDecimal(value) is { } d && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
    }

    /// <summary>Reads a whole number that fits an <see cref="int"/>; a fraction or a value out of range is absent.</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="path">Property names and array indexes.</param>
    /// <returns>The number, or <see langword="null"/>.</returns>
    public static int? GetInt32(JsonElement element, params ReadOnlySpan<object> path) =>
        GetInt64(element, path) is { } l && l >= int.MinValue && l <= int.MaxValue ? (int)l : null;

    /// <summary>Reads a yes or no: <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, or those as strings (any case).</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="path">Property names and array indexes.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static bool? GetBoolean(JsonElement element, params ReadOnlySpan<object> path)
    {
        if (!TryGet(element, out var value, path))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
            JsonValueKind.String => ReadString(value)?.Trim() switch
            {
                { } s when s.Equals("true", StringComparison.OrdinalIgnoreCase) || s == "1" => true,
                { } s when s.Equals("false", StringComparison.OrdinalIgnoreCase) || s == "0" => false,
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>Reads a date written as seconds since 1970-01-01 UTC (a whole number or a string of one).</summary>
    /// <param name="element">Where to start.</param>
    /// <param name="path">Property names and array indexes.</param>
    /// <returns>The moment, or <see langword="null"/> when absent or out of range.</returns>
    public static DateTimeOffset? GetUnixSeconds(JsonElement element, params ReadOnlySpan<object> path) =>
        GetInt64(element, path) is { } seconds && seconds is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>
    /// Reads an id from the first of <paramref name="names"/> that holds one: a positive whole number, or a non-blank
    /// string of at most 100 characters without white space.
    /// </summary>
    /// <param name="element">The object.</param>
    /// <param name="id">The id as text.</param>
    /// <param name="names">The property names to try, in order.</param>
    /// <returns><see langword="true"/> when an id was found.</returns>
    public static bool TryGetId(JsonElement element, [NotNullWhen(true)] out string? id, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (GetInt64(element, name) is { } number && number > 0)
            {
                id = number.ToString(CultureInfo.InvariantCulture);
                return true;
            }

            if (TryGet(element, out var value, name) && value.ValueKind == JsonValueKind.String
                && ReadString(value) is { Length: > 0 and <= 100 } text && !text.Any(char.IsWhiteSpace))
            {
                id = text;
                return true;
            }
        }

        id = null;
        return false;
    }

    /// <summary>
    /// Reads a string value, or <see langword="null"/> for a value that is not a string or that holds an invalid UTF-16
    /// escape (a lone <c>\ud800</c>): that is valid JSON syntax, but <see cref="JsonElement.GetString"/> throws for it.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public static string? ReadString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using static FreelanceAggregator.Json.JsonStrings;

namespace FreelanceAggregator.Providers.Fiverr.Internal;

/// <summary>
/// Tolerant reads from a <see cref="JsonElement"/>: a missing key, a null, or a value of another kind is "absent", never
/// an exception. Numbers may arrive as integers, floats or strings (the same field is 5 in one gig and 4.9 in the next).
/// </summary>
internal static class Json
{
    /// <summary>Follows a path of property names (and array indexes as <see cref="int"/>) through objects and arrays.</summary>
    /// <remarks>The paths are spans, not arrays: a page reads about twenty values per gig, and each array was an allocation.</remarks>
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

    public static bool TryGetObject(JsonElement element, out JsonElement value, params ReadOnlySpan<object> path) =>
        TryGet(element, out value, path) && value.ValueKind == JsonValueKind.Object;

    public static bool TryGetArray(JsonElement element, out JsonElement value, params ReadOnlySpan<object> path) =>
        TryGet(element, out value, path) && value.ValueKind == JsonValueKind.Array;

    /// <summary>Reads a non-blank string (a number is taken as its text).</summary>
    public static string? String(JsonElement element, params ReadOnlySpan<object> path)
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

    /// <summary>Reads a number that may be written as an integer, a float or a string.</summary>
    public static decimal? Decimal(JsonElement element, params ReadOnlySpan<object> path)
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

    /// <summary>Reads a whole number (5, 5.0 or "5"); a fraction or a value out of range is absent.</summary>
    public static long? Long(JsonElement element, params ReadOnlySpan<object> path) =>
        Decimal(element, path) is { } d && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;

    /// <summary>Reads a whole number that fits an <see cref="int"/>.</summary>
    public static int? Int(JsonElement element, params ReadOnlySpan<object> path) =>
        Long(element, path) is { } l && l >= int.MinValue && l <= int.MaxValue ? (int)l : null;

    /// <summary>Reads a boolean (true, false, "true", "false").</summary>
    public static bool? Bool(JsonElement element, params ReadOnlySpan<object> path)
    {
        if (!TryGet(element, out var value, path))
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

    /// <summary>Reads an id: a whole number or a non-blank string without white space.</summary>
    public static bool TryGetId(JsonElement element, [NotNullWhen(true)] out string? id, params string[] names)
    {
        foreach (var name in names)
        {
            if (Long(element, name) is { } number && number > 0)
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
}

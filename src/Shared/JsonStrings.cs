// Shared source, compiled into each JSON provider package (linked from its .csproj).
using System.Text.Json;

namespace FreelanceAggregator.Json;

/// <summary>Reads string values from the JSON the sites send, where one unreadable value must cost that value only.</summary>
internal static class JsonStrings
{
    /// <summary>
    /// Reads a string, or <see langword="null"/> for a value that is not a string or that holds an invalid UTF-16 escape
    /// (a lone <c>\ud800</c>): that is valid JSON syntax, but <see cref="JsonElement.GetString"/> throws for it, and one
    /// bad value must not cost the page.
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

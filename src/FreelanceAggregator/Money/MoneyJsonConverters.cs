using System.Text.Json;
using System.Text.Json.Serialization;

namespace FreelanceAggregator;

/// <summary>
/// Writes a <see cref="Money"/> as <c>{"amount":72000,"currency":"IDR"}</c> and reads it back: the amount as a JSON
/// number (exact, never through <see cref="double"/>), the currency as its ISO 4217 code. <see cref="Money"/> uses it by
/// default with <see cref="JsonSerializer"/>.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc/>
    /// <exception cref="JsonException">The value is not an object with a number <c>amount</c> and a known <c>currency</c> code.</exception>
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A Money is an object like {{\"amount\":5,\"currency\":\"USD\"}}, not a {reader.TokenType}.");
        }

        decimal? amount = null;
        Currency? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException($"Unexpected {reader.TokenType} in a Money.");
            }

            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "amount", StringComparison.OrdinalIgnoreCase))
            {
                amount = reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
                    ? value
                    : throw new JsonException("A Money's amount must be a JSON number.");
            }
            else if (string.Equals(name, "currency", StringComparison.OrdinalIgnoreCase))
            {
                currency = CurrencyJsonConverter.ReadCode(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return amount is { } a && currency is { } c
            ? new Money(a, c)
            : throw new JsonException($"A Money needs both an amount and a currency{(amount is null ? "; the amount is missing" : "; the currency is missing")}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("amount", value.Amount);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}

/// <summary>Writes a <see cref="Currency"/> as its ISO 4217 code (<c>"IDR"</c>) and reads it back. <see cref="Currency"/> uses it by default with <see cref="JsonSerializer"/>.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    /// <inheritdoc/>
    /// <exception cref="JsonException">The value is not a string holding an active ISO 4217 code.</exception>
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadCode(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }

    internal static Currency ReadCode(ref Utf8JsonReader reader)
    {
        var code = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Currency.TryFromCode(code, out var currency)
            ? currency
            : throw new JsonException(code is null ? $"A currency is a string holding its ISO 4217 code, not a {reader.TokenType}." : $"'{code}' is not an active ISO 4217 currency code.");
    }
}

using System.Globalization;
using System.Xml;

namespace FreelanceAggregator.ExchangeRates;

/// <summary>
/// Reads the ECB's <c>eurofxref-daily.xml</c>: <c>Cube time='YYYY-MM-DD'</c> holding
/// <c>Cube currency='USD' rate='1.1367'</c> entries, "1 EUR = rate × currency", in the eurofxref namespace.
/// </summary>
internal static class EcbReferenceRates
{
    private const string Namespace = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    /// <summary>Reads the first day in the file; entries that do not read (unknown code, bad number) are skipped.</summary>
    /// <exception cref="FormatException">The document is not an ECB reference rate file, or holds a DTD.</exception>
    public static RateTable Parse(Stream xml, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            // A rate feed has no business declaring a DTD; refusing one closes the door on entity expansion and XXE.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            Async = false,
        };

        DateOnly? day = null;
        var rates = new Dictionary<Currency, decimal>();
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Cube" || reader.NamespaceURI != Namespace)
                {
                    continue;
                }

                var time = reader.GetAttribute("time");
                if (time is not null)
                {
                    if (day is not null)
                    {
                        // History files list newer days first; only the first day is read.
                        break;
                    }

                    if (!DateOnly.TryParseExact(time, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        throw new FormatException($"the day '{time}' is not a yyyy-MM-dd date");
                    }

                    day = parsed;
                    continue;
                }

                var code = reader.GetAttribute("currency");
                var rateText = reader.GetAttribute("rate");
                if (day is null || code is null || rateText is null)
                {
                    continue;
                }

                if (Currency.TryFromCode(code, out var currency) && code.Length == 3 && code.All(char.IsAsciiLetterUpper)
                    && decimal.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
                    && rate > 0 && currency != Currency.EUR)
                {
                    rates[currency] = rate;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new FormatException($"the document is not well-formed XML ({ex.Message})", ex);
        }

        if (day is null)
        {
            throw new FormatException("the document holds no dated Cube element in the ECB eurofxref namespace");
        }

        if (rates.Count == 0)
        {
            throw new FormatException($"the day {day:yyyy-MM-dd} holds no readable rate");
        }

        return new RateTable(Currency.EUR, rates, day.Value);
    }
}

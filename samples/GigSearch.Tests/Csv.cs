using System.Text;

namespace GigSearch.Tests;

/// <summary>A strict RFC 4180 reader, so the export is checked by the rules rather than by the code that wrote it.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                // A quoted field: up to the closing quote; a doubled quote is one quote.
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "A quoted field is not closed.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', $"Text after a closing quote at {i}.");
                continue;
            }

            switch (text[i])
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r':
                    Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"A CR without LF at {i}.");
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                    break;
                case '"':
                    Assert.Fail($"A quote inside an unquoted field at {i}.");
                    break;
                default:
                    field.Append(text[i++]);
                    break;
            }
        }

        Assert.True(field.Length == 0 && record.Count == 0, "The last record does not end with CRLF.");
        return records;
    }
}

using System.Text;

namespace FreelanceAggregator;

/// <summary>Reads the small RFC 4180 CSV tables embedded in the assembly.</summary>
internal static class EmbeddedCsv
{
    public static IEnumerable<string[]> Read(string resourceName, int expectedFields)
    {
        using var stream = typeof(EmbeddedCsv).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded table '{resourceName}' is missing from the FreelanceAggregator assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = true;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (header)
            {
                header = false;
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Length != expectedFields)
            {
                throw new InvalidOperationException(
                    $"The embedded table '{resourceName}' has {fields.Length} fields on line {lineNumber}; {expectedFields} were expected.");
            }

            yield return fields;
        }
    }

    internal static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}

using System.Text;

namespace FreelanceAggregator;

/// <summary>Splits query text into terms, keeping "quoted phrases" whole.</summary>
internal static class QueryText
{
    public static string[] SplitTerms(string text) => Tokenize(text).Select(t => t.Text).Where(t => t.Length > 0).ToArray();

    public static string Quote(string term) => term.Any(char.IsWhiteSpace) || term.Contains(':', StringComparison.Ordinal) || term.StartsWith('-')
        ? "\"" + term.Replace("\"", string.Empty, StringComparison.Ordinal) + "\""
        : term;

    /// <summary>Splits on white space; a double quote starts a run that ends at the next one, wherever it stands in a token (<c>country:"United States"</c>).</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var current = new StringBuilder();
        var quoted = false;
        var firstQuoteAt = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\u201C' or '\u201D')
            {
                quoted = !quoted;
                if (firstQuoteAt < 0)
                {
                    firstQuoteAt = current.Length;
                }

                continue;
            }

            if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
                continue;
            }

            current.Append(c);
        }

        if (quoted)
        {
            tokens.Add(new Token(current.ToString(), firstQuoteAt, Unterminated: true));
            return tokens;
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0 || firstQuoteAt >= 0)
            {
                tokens.Add(new Token(current.ToString(), firstQuoteAt, Unterminated: false));
            }

            current.Clear();
            firstQuoteAt = -1;
        }
    }

    /// <summary>A token; <paramref name="FirstQuoteAt"/> is where in <paramref name="Text"/> quoting began, or -1.</summary>
    internal readonly record struct Token(string Text, int FirstQuoteAt, bool Unterminated);
}

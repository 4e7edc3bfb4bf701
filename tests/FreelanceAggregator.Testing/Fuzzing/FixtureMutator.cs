using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FreelanceAggregator.Testing.Fuzzing;

/// <summary>One mutated input, with what was done to it (so a failure can be reproduced and understood).</summary>
/// <param name="Index">The mutation's number for this seed.</param>
/// <param name="Description">What was changed, e.g. "deleted key at 1234".</param>
/// <param name="Text">The mutated text.</param>
public sealed record Mutation(int Index, string Description, string Text);

/// <summary>
/// Mutates recorded fixtures the way real pages go wrong, deterministically for a seed: truncation, byte flips,
/// deleted or duplicated keys and elements, values of the wrong JSON type, huge numbers, deep nesting, nulls and empty
/// objects. The same seed always gives the same mutations, so a failure found in CI reproduces anywhere.
/// </summary>
public static partial class FixtureMutator
{
    private static readonly string[] HugeNumbers = ["1e400", "-1e400", "99999999999999999999999999999999999", "-1", "0", "2147483648", "1.7976931348623157e309", "NaN", "1E-400"];
    // Links a hostile or broken page may carry: scripts, data, other hosts, look-alike hosts, and unparseable ones.
    private static readonly string[] HostileLinks =
    [
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "https://evil.example.net/x", "//evil.example.net/x",
        "https://www.fiverr.com.evil.example.net/x", "https://evil.example.net/?https://projects.co.id/", "http://[::1", "https://user:pw@evil.example.net/", "\\\\evil.example.net\\x", "",
    ];

    private static readonly string[] EntitySoup =
    [
        "&#0;&#xD800;&#x110000;&amp;&lt;script&gt;alert(1)&lt;/script&gt;", "&notanentity; &#99999999999; &", "\u0000\ud800", "\0\uFFFF\uFEFF\u200B",
        "<!-- unterminated comment", "<![CDATA[ x ]]>", "<a href=\"javascript:alert(1)\">x</a>", "<svg><script>alert(1)</script></svg>",
    ];

    private static readonly string[] OtherValues = ["null", "{}", "[]", "\"\"", "\"text\"", "true", "0", "-0.5", "[null]", "{\"unexpected\":1}"];

    /// <summary>Mutates a JSON fixture.</summary>
    /// <param name="json">The fixture.</param>
    /// <param name="count">How many mutations.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The mutations, lazily.</returns>
    public static IEnumerable<Mutation> Json(string json, int count, int seed)
    {
        var spans = JsonSpans.Find(json);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (description, text) = random.Next(12) switch
            {
                0 => Truncate(json, random),
                1 => FlipBytes(json, random),
                2 when spans.Properties.Count > 0 => Delete(json, Pick(spans.Properties, random), "key"),
                3 when spans.Properties.Count > 0 => Duplicate(json, Pick(spans.Properties, random), "key"),
                4 when spans.Elements.Count > 0 => Delete(json, Pick(spans.Elements, random), "array element"),
                5 when spans.Elements.Count > 0 => Duplicate(json, Pick(spans.Elements, random), "array element"),
                6 when spans.Values.Count > 0 => Replace(json, Pick(spans.Values, random), OtherValues[random.Next(OtherValues.Length)], "value with another type"),
                7 when spans.Numbers.Count > 0 => Replace(json, Pick(spans.Numbers, random), HugeNumbers[random.Next(HugeNumbers.Length)], "number"),
                8 when spans.Values.Count > 0 => Nest(json, Pick(spans.Values, random), random),
                9 when spans.Strings.Count > 0 => Replace(json, Pick(spans.Strings, random), random.Next(2) == 0 ? "\"" + new string('x', 100_000) + "\"" : "\"\\ud800 \\u0000 <script>alert(1)</script>\"", "string"),
                10 => Stack(json, spans, random),
                _ => FlipBytes(json, random),
            };
            yield return new Mutation(i, description, text);
        }
    }

    /// <summary>
    /// Mutates the JSON embedded in a larger text (a page's <c>&lt;script type="application/json"&gt;</c>) and puts each
    /// mutation back in its place, so a parser meets broken data inside an otherwise intact page.
    /// </summary>
    /// <param name="text">The whole fixture.</param>
    /// <param name="start">Where the JSON starts.</param>
    /// <param name="length">How long the JSON is.</param>
    /// <param name="count">How many mutations.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The mutated texts, lazily.</returns>
    public static IEnumerable<Mutation> JsonInside(string text, int start, int length, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var before = text[..start];
        var after = text[(start + length)..];
        return Json(text.Substring(start, length), count, seed).Select(m => m with { Description = "in the embedded JSON: " + m.Description, Text = before + m.Text + after });
    }

    /// <summary>Mutates an HTML fixture: truncation, byte flips, deleted or duplicated elements, stripped attributes, deep nesting, injected scripts.</summary>
    /// <param name="html">The fixture.</param>
    /// <param name="count">How many mutations.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The mutations, lazily.</returns>
    public static IEnumerable<Mutation> Html(string html, int count, int seed)
    {
        var tags = OpenTag().Matches(html).Select(m => (m.Index, m.Length, Name: m.Groups[1].Value)).ToList();
        var links = LinkValue().Matches(html).Select(m => (Start: m.Groups[1].Index, End: m.Groups[1].Index + m.Groups[1].Length)).ToList();
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (description, text) = random.Next(11) switch
            {
                0 => Truncate(html, random),
                1 => FlipBytes(html, random),
                2 when tags.Count > 0 => DeleteElement(html, Pick(tags, random)),
                3 when tags.Count > 0 => DuplicateElement(html, Pick(tags, random)),
                4 when tags.Count > 0 => StripAttributes(html, Pick(tags, random)),
                5 => Insert(html, random, string.Concat(Enumerable.Repeat("<div>", 2_000)), "2,000 nested divs"),
                6 => Insert(html, random, "<script>document.write('<h2>x</h2>')</script><style>*{}</style>", "script and style"),
                7 => Insert(html, random, "99999999999999999999999999999", "huge number"),
                8 when links.Count > 0 => Replace(html, Pick(links, random), HostileLinks[random.Next(HostileLinks.Length)], "link"),
                9 => Insert(html, random, EntitySoup[random.Next(EntitySoup.Length)], "odd characters and entities"),
                _ => FlipBytes(html, random),
            };
            yield return new Mutation(i, description, text);
        }
    }

    /// <summary>Mutates short text (a price, a date, a query): truncation, flipped characters, repeats and odd characters.</summary>
    /// <param name="text">The text.</param>
    /// <param name="count">How many mutations.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The mutations, lazily.</returns>
    public static IEnumerable<Mutation> Text(string text, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (description, mutated) = random.Next(5) switch
            {
                0 => Truncate(text, random),
                1 => FlipBytes(text, random),
                2 => ("repeated", string.Concat(Enumerable.Repeat(text, random.Next(2, 50)))),
                3 => Insert(text, random, new[] { "\u00A0", "\u202F", ",-", "..", ",,", "--", "\"", "\0", "€$", "9999999999999999999999999999999", "juta juta" }[random.Next(11)], "odd characters"),
                _ => FlipBytes(FlipBytes(text, random).Text, random),
            };
            yield return new Mutation(i, description, mutated);
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static (string, string) Truncate(string text, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        return ($"truncated at {at}", text[..at]);
    }

    private static (string Description, string Text) FlipBytes(string text, Random random)
    {
        if (text.Length == 0)
        {
            return ("flipped nothing (empty)", text);
        }

        var chars = text.ToCharArray();
        var flips = random.Next(1, 4);
        const string Alphabet = "{}[]\":,0123456789.-eE<>/=' \\nulltrue\u00e9\u4e2d\ud83d";
        for (var f = 0; f < flips; f++)
        {
            chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
        }

        return ($"flipped {flips} characters", new string(chars));
    }

    private static (string, string) Delete(string text, (int Start, int End) span, string what)
    {
        // Remove a comma next to the span too, so the result is still JSON (the point is a missing key, not bad syntax).
        var (start, end) = span;
        if (end < text.Length && text[end] == ',')
        {
            end++;
        }
        else if (start > 0 && text[start - 1] == ',')
        {
            start--;
        }

        return ($"deleted {what} at {span.Start}", text[..start] + text[end..]);
    }

    private static (string, string) Duplicate(string text, (int Start, int End) span, string what) =>
        ($"duplicated {what} at {span.Start}", text[..span.End] + "," + text[span.Start..span.End] + text[span.End..]);

    private static (string, string) Replace(string text, (int Start, int End) span, string replacement, string what) =>
        ($"replaced {what} at {span.Start} with {Shorten(replacement)}", text[..span.Start] + replacement + text[span.End..]);

    private static (string, string) Nest(string text, (int Start, int End) span, Random random)
    {
        var depth = random.Next(2) == 0 ? 64 : 2_000;
        var open = string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "[" : "{\"a\":", depth));
        var close = open[0] == '[' ? new string(']', depth) : new string('}', depth);
        return ($"nested the value at {span.Start} {depth} deep", text[..span.Start] + open + text[span.Start..span.End] + close + text[span.End..]);
    }

    private static (string, string) Stack(string json, JsonSpans spans, Random random)
    {
        // Two independent damages at once: real breakage rarely comes alone.
        var first = spans.Values.Count > 0 ? Replace(json, Pick(spans.Values, random), OtherValues[random.Next(OtherValues.Length)], "value").Item2 : json;
        var (description, text) = FlipBytes(first, random);
        return ("replaced a value, then " + description, text);
    }

    private static (string, string) DeleteElement(string html, (int Index, int Length, string Name) tag)
    {
        var end = ElementEnd(html, tag);
        return ($"deleted <{tag.Name}> at {tag.Index}", html[..tag.Index] + html[end..]);
    }

    private static (string, string) DuplicateElement(string html, (int Index, int Length, string Name) tag)
    {
        var end = ElementEnd(html, tag);
        return ($"duplicated <{tag.Name}> at {tag.Index}", html[..end] + html[tag.Index..end] + html[end..]);
    }

    private static (string, string) StripAttributes(string html, (int Index, int Length, string Name) tag) =>
        ($"stripped the attributes of <{tag.Name}> at {tag.Index}", html[..tag.Index] + "<" + tag.Name + ">" + html[(tag.Index + tag.Length)..]);

    private static (string, string) Insert(string text, Random random, string insert, string what)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        return ($"inserted {what} at {at}", text[..at] + insert + text[at..]);
    }

    // The matching close tag by counting same-name tags; good enough to cut out an element of a real page.
    private static int ElementEnd(string html, (int Index, int Length, string Name) tag)
    {
        var depth = 0;
        var pattern = new Regex($"<(/?){Regex.Escape(tag.Name)}\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        for (var m = pattern.Match(html, tag.Index); m.Success; m = m.NextMatch())
        {
            depth += m.Groups[1].Value.Length == 0 ? 1 : -1;
            if (depth == 0)
            {
                return m.Index + m.Length;
            }
        }

        return tag.Index + tag.Length;
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex OpenTag();

    [GeneratedRegex(@"\bhref\s*=\s*""([^""]*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkValue();

    /// <summary>Where keys, array elements, values, numbers and strings stand in a JSON text (character offsets).</summary>
    private sealed class JsonSpans
    {
        public List<(int Start, int End)> Properties { get; } = [];

        public List<(int Start, int End)> Elements { get; } = [];

        public List<(int Start, int End)> Values { get; } = [];

        public List<(int Start, int End)> Numbers { get; } = [];

        public List<(int Start, int End)> Strings { get; } = [];

        public static JsonSpans Find(string json)
        {
            var spans = new JsonSpans();
            var bytes = Encoding.UTF8.GetBytes(json);
            try
            {
                Walk(bytes, spans);
            }
            catch (JsonException)
            {
                // A fixture that is itself broken on purpose gets only the text-level mutations.
                return new JsonSpans();
            }

            // The reader gives byte offsets; real fixtures hold non-ASCII text (Indonesian names, "Rp", emoji), so
            // map them to character offsets instead of giving up the structural mutations on such fixtures.
            var charAt = CharOffsets(json, bytes.Length);
            foreach (var list in new[] { spans.Properties, spans.Elements, spans.Values, spans.Numbers, spans.Strings })
            {
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = (charAt[list[i].Start], charAt[list[i].End]);
                }
            }

            return spans;
        }

        // charAt[b] is the index of the character whose UTF-8 encoding starts at byte b (tokens always start and end there).
        private static int[] CharOffsets(string text, int byteCount)
        {
            var charAt = new int[byteCount + 1];
            var b = 0;
            for (var c = 0; c < text.Length; c++)
            {
                int width;
                if (char.IsHighSurrogate(text[c]) && c + 1 < text.Length && char.IsLowSurrogate(text[c + 1]))
                {
                    width = 4;
                }
                else
                {
                    // A lone surrogate is encoded as U+FFFD, three bytes.
                    width = text[c] < 0x80 ? 1 : text[c] < 0x800 ? 2 : 3;
                }

                for (var k = 0; k < width && b + k < charAt.Length; k++)
                {
                    charAt[b + k] = c;
                }

                b += width;
                if (width == 4)
                {
                    c++;
                }
            }

            charAt[byteCount] = text.Length;
            return charAt;
        }

        private static void Walk(byte[] bytes, JsonSpans spans)
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var containers = new Stack<bool>();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    {
                        var start = (int)reader.TokenStartIndex;
                        var copy = reader;
                        copy.Read();
                        var valueStart = (int)copy.TokenStartIndex;
                        copy.Skip();
                        var end = (int)copy.BytesConsumed;
                        spans.Properties.Add((start, end));
                        spans.Values.Add((valueStart, end));
                        break;
                    }

                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (containers.TryPeek(out var inArray) && inArray)
                        {
                            var copy = reader;
                            var start = (int)copy.TokenStartIndex;
                            copy.Skip();
                            spans.Elements.Add((start, (int)copy.BytesConsumed));
                        }

                        containers.Push(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    case JsonTokenType.Number:
                        spans.Numbers.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed));
                        AddElement(spans, containers, reader);
                        break;
                    case JsonTokenType.String:
                        spans.Strings.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed));
                        AddElement(spans, containers, reader);
                        break;
                    default:
                        AddElement(spans, containers, reader);
                        break;
                }
            }
        }

        private static void AddElement(JsonSpans spans, Stack<bool> containers, Utf8JsonReader reader)
        {
            if (containers.TryPeek(out var inArray) && inArray)
            {
                spans.Elements.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed));
            }
        }

    }
}

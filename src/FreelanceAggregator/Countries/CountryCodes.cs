using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace FreelanceAggregator;

/// <summary>
/// Normalises the many ways sites name a country (<c>United States</c>, <c>USA</c>, <c>GBR</c>, <c>gb</c>,
/// <c>Amerika Serikat</c>) to one form: the upper-case ISO 3166-1 alpha-2 code (<c>US</c>, <c>GB</c>).
/// The table of every ISO 3166-1 country, with English and common Indonesian names, ships in the package.
/// </summary>
public static class CountryCodes
{
    private static readonly Lazy<Table> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the alpha-2 code for a country code (alpha-2 or alpha-3, any case) or name.</summary>
    /// <param name="value">What the site printed.</param>
    /// <returns>The upper-case alpha-2 code, or <see langword="null"/> when the value names no known country.</returns>
    public static string? Normalize(string? value) => TryNormalize(value, out var code) ? code : null;

    /// <summary>Gets the alpha-2 code for a country code (alpha-2 or alpha-3, any case) or name.</summary>
    /// <param name="value">What the site printed.</param>
    /// <param name="alpha2">The upper-case alpha-2 code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the value names a known country.</returns>
    public static bool TryNormalize([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? alpha2)
    {
        alpha2 = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return Loaded.Value.ByKey.TryGetValue(Fold(value), out alpha2);
    }

    /// <summary>Gets the common English name of a country.</summary>
    /// <param name="alpha2">An ISO 3166-1 alpha-2 code.</param>
    /// <returns>The name (e.g. <c>Indonesia</c>), or <see langword="null"/> for an unknown code.</returns>
    public static string? GetName(string? alpha2) =>
        alpha2 is not null && Loaded.Value.Names.TryGetValue(alpha2.Trim().ToUpperInvariant(), out var name) ? name : null;

    // Case, accents, punctuation and a leading "the" do not distinguish countries: "Côte d'Ivoire",
    // "cote divoire" and "COTE D'IVOIRE" are one key.
    private static string Fold(string value)
    {
        string decomposed;
        try
        {
            decomposed = value.Trim().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Text with a lone surrogate (broken UTF-16) cannot be normalised, and names no country.
            return string.Empty;
        }

        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '.' or '\u2019' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // "U.S.", "d'Ivoire" and the accent of "Côte" carry no meaning here.
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var folded = builder.ToString().Trim();
        return folded.StartsWith("the ", StringComparison.Ordinal) ? folded[4..] : folded;
    }

    private static Table Load()
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fields in EmbeddedCsv.Read("FreelanceAggregator.Countries.Data.iso3166.csv", expectedFields: 5))
        {
            // alpha2,alpha3,numeric,name,aliases
            var alpha2 = fields[0].Trim().ToUpperInvariant();
            names[alpha2] = fields[3].Trim();
            byKey[Fold(alpha2)] = alpha2;
            byKey[Fold(fields[1])] = alpha2;
            byKey.TryAdd(Fold(fields[3]), alpha2);
            foreach (var alias in fields[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                byKey.TryAdd(Fold(alias), alpha2);
            }
        }

        return new Table(byKey.ToFrozenDictionary(StringComparer.Ordinal), names.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private sealed record Table(FrozenDictionary<string, string> ByKey, FrozenDictionary<string, string> Names);
}

using System.Globalization;

namespace GigSearch.Resources;

/// <summary>GigSearch's own words in one language: Strings.resx (English), or a satellite such as Strings.id.resx.</summary>
/// <remarks>
/// The generated <see cref="Strings"/> properties read the thread's UI culture. These take the language as an argument
/// instead, so a renderer or a test says which language it speaks and nothing depends on the thread it runs on. Names
/// are written <c>nameof(Strings.X)</c>, so a string missing from Strings.resx is a compile error.
/// </remarks>
internal static class Words
{
    public static string Get(CultureInfo language, string name) =>
        Strings.ResourceManager.GetString(name, language)
        ?? throw new ArgumentException($"Strings.resx has no string named '{name}'.", nameof(name));

    public static string Format(CultureInfo language, string name, params ReadOnlySpan<object?> args) =>
        string.Format(language, Get(language, name), args);

    /// <summary>Gets the language a run speaks: that of --culture, or the system's UI culture without it.</summary>
    /// <remarks>A --culture that is not a culture name also gets the system's, which then says what is wrong with it.</remarks>
    public static CultureInfo Language(string? culture) =>
        culture is not null && TryGetCulture(culture, out var named) ? named : CultureInfo.CurrentUICulture;

    public static bool TryGetCulture(string name, out CultureInfo culture)
    {
        try
        {
            // ICU makes up a culture for any well-formed name ("xx-YY", a typo of a real one), which would then speak
            // English and format as the invariant culture without a word; only cultures ICU knows are taken.
            culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            culture = CultureInfo.InvariantCulture;
            return false;
        }
    }
}

namespace FreelanceAggregator.Testing;

/// <summary>Reads recorded pages from a test project's <c>Fixtures</c> folder (copied to the output directory).</summary>
public static class Fixtures
{
    /// <summary>Reads a fixture as text.</summary>
    /// <param name="name">The file name inside <c>Fixtures/</c>, e.g. <c>search-page1.json</c>.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FileNotFoundException">The fixture is not there; the message says where it was looked for.</exception>
    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>Reads a fixture as bytes.</summary>
    /// <param name="name">The file name inside <c>Fixtures/</c>.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Gets the full path of a fixture.</summary>
    /// <param name="name">The file name inside <c>Fixtures/</c>.</param>
    /// <returns>The path.</returns>
    /// <exception cref="FileNotFoundException">The fixture is not there.</exception>
    public static string PathOf(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The fixture '{name}' is not in {Path.GetDirectoryName(path)}; is it in the test project's Fixtures folder and copied to the output?", path);
    }
}

namespace FreelanceAggregator.Benchmarks.Support;

/// <summary>Reads the providers' test fixtures, which the project links into its output under <c>Fixtures/&lt;Provider&gt;/</c>.</summary>
internal static class FixtureFiles
{
    public static byte[] Read(string provider, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", provider, name);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The fixture {provider}/{name} is not in the benchmark's output; is it linked in the .csproj?", path);
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>Changes a JSON text (a fixture, or the JSON a page embeds) and writes it back, leaving markup characters unescaped as sites send them.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="edit">Changes the parsed document.</param>
    /// <returns>The changed JSON text.</returns>
    public static string EditJson(string json, Action<JsonNode> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var root = JsonNode.Parse(json) ?? throw new ArgumentException("The JSON is null.", nameof(json));
        edit(root);
        return root.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

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

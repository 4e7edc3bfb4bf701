namespace FreelanceAggregator.Watch.Tests;

/// <summary>A folder of its own under the system's temp folder for one test's store files, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fa-watch-tests", Guid.NewGuid().ToString("N"));

    public string File(string name = "watch.db") => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file a failed test left open; the system's temp cleaning takes it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

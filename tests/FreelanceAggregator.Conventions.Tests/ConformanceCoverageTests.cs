using System.Reflection;
using System.Runtime.Loader;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Conventions.Tests;

/// <summary>
/// Every provider the packages ship runs the kit's conformance suite: some provider test project derives a test class
/// from <c>GigProviderConformanceTests&lt;TSite&gt;</c> whose site says it describes that provider. A provider package
/// added without one fails here, not in a user's hands.
/// </summary>
public sealed class ConformanceCoverageTests
{
    [Fact]
    public void EveryShippedProviderHasAConformanceRun()
    {
        var shipped = ShippedAssemblyTests.ProviderPackages
            .SelectMany(row => Assembly.Load((string)row.Data).GetExportedTypes())
            .Where(t => typeof(GigProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.FullName!)
            .ToHashSet(StringComparer.Ordinal);
        var covered = ProviderTestAssemblies().SelectMany(ProvidersWithAConformanceRun).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(shipped);
        Assert.Empty(shipped.Except(covered).Order(StringComparer.Ordinal));
    }

    // The provider test projects are built with this one (see its csproj); each is loaded on its own, with its own
    // dependencies, and only read.
    private static IEnumerable<string> ProviderTestAssemblies()
    {
        var configuration = typeof(ConformanceCoverageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value;
        var tests = Path.Combine(RepositoryRoot(), "tests");
        foreach (var project in Directory.GetDirectories(tests, "FreelanceAggregator.Providers.*.Tests"))
        {
            var name = Path.GetFileName(project);
            var path = Path.Combine(project, "bin", configuration!, "net10.0", name + ".dll");
            Assert.True(File.Exists(path), $"{path} was not built; is {name} referenced by the conventions project?");
            yield return path;
        }
    }

    private static IEnumerable<string> ProvidersWithAConformanceRun(string path)
    {
        var context = new TestAssemblyContext(path);
        try
        {
            var assembly = context.LoadFromAssemblyPath(path);
            foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract))
            {
                for (var b = type.BaseType; b is not null; b = b.BaseType)
                {
                    if (b.IsGenericType && b.GetGenericTypeDefinition().FullName == "FreelanceAggregator.Testing.GigProviderConformanceTests`1")
                    {
                        var site = Activator.CreateInstance(b.GetGenericArguments()[0])!;
                        var provider = (Type)site.GetType().GetProperty("ProviderType")!.GetValue(site)!;
                        yield return provider.FullName!;
                        break;
                    }
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FreelanceAggregator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with FreelanceAggregator.sln) was not found above " + AppContext.BaseDirectory);
    }

    private sealed class TestAssemblyContext(string path) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } found ? LoadFromAssemblyPath(found) : null;
    }
}

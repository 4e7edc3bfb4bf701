using System.Reflection;
using FreelanceAggregator.Providers;
using FreelanceAggregator.Testing;

namespace FreelanceAggregator.Conventions.Tests;

/// <summary>The public API rules, for every assembly that ships as a package.</summary>
public sealed class ShippedAssemblyTests
{
    public static TheoryData<string> Shipped => new()
    {
        "FreelanceAggregator",
        "FreelanceAggregator.Providers.Freelancer",
        "FreelanceAggregator.Providers.Upwork",
        "FreelanceAggregator.Providers.Fiverr",
        "FreelanceAggregator.Providers.ProjectsCoId",
        "FreelanceAggregator.Providers.Sribulancer",
        "FreelanceAggregator.Providers.Microworkers",
        "FreelanceAggregator.Providers.Html",
        "FreelanceAggregator.Watch.PostgreSql",
    };

    /// <summary>Gets the packages that hold providers: each must be a sealed HTTP provider with its options and one registration extension.</summary>
    public static TheoryData<string> ProviderPackages => new(Shipped.Select(row => (string)row.Data).Where(name => name.StartsWith("FreelanceAggregator.Providers.", StringComparison.Ordinal) && name != "FreelanceAggregator.Providers.Html"));

    private static Assembly Load(string name) => Assembly.Load(name);

    [Theory]
    [MemberData(nameof(Shipped))]
    public void EveryPublicAsyncMethodTakesACancellationTokenLast(string assembly) =>
        Assert.Empty(PublicApiConventions.AsyncMethodsWithoutCancellationTokenLast(Load(assembly)));

    [Theory]
    [MemberData(nameof(Shipped))]
    public void PublicTypesOtherThanOptionsHaveNoPublicSetters(string assembly) =>
        Assert.Empty(PublicApiConventions.ModelsWithPublicSetters(Load(assembly)));

    [Theory]
    [MemberData(nameof(Shipped))]
    public void NoPublicSignatureExposesADependencysTypes(string assembly) =>
        Assert.Empty(PublicApiConventions.SignaturesExposingDependencies(Load(assembly)));

    [Fact]
    public void TheCoreAndTheHtmlKitHoldNoProvider() =>
        Assert.All(
            (string[])["FreelanceAggregator", "FreelanceAggregator.Providers.Html"],
            assembly => Assert.DoesNotContain(Load(assembly).GetExportedTypes(), t => typeof(GigProvider).IsAssignableFrom(t) && !t.IsAbstract));

    [Fact]
    public void TheTestKitsPublicAsyncMethodsTakeACancellationTokenLast() =>
        Assert.Empty(PublicApiConventions.AsyncMethodsWithoutCancellationTokenLast(Load("FreelanceAggregator.Testing")));

    [Theory]
    [MemberData(nameof(ProviderPackages))]
    public void ProvidersAreSealedGigProvidersWithTheirOwnOptions(string assembly)
    {
        var providers = Load(assembly).GetExportedTypes().Where(t => typeof(GigProvider).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(providers);
        Assert.All(providers, p =>
        {
            Assert.True(p.IsSealed, $"{p.Name} is not sealed");
            var options = p.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(HttpGigProvider<>) ? b.GetGenericArguments()[0] : null;
            Assert.True(options is not null && typeof(GigProviderOptions).IsAssignableFrom(options), $"{p.Name} does not derive from HttpGigProvider<TOptions>");
        });
    }

    [Theory]
    [MemberData(nameof(ProviderPackages))]
    public void RegistrationLivesInTheDependencyInjectionNamespaceAndIsChainable(string assembly)
    {
        var extensions = Load(assembly).GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("BuilderExtensions", StringComparison.Ordinal))
            .ToList();
        var extension = Assert.Single(extensions);
        Assert.Equal("Microsoft.Extensions.DependencyInjection", extension.Namespace);
        Assert.All(
            extension.GetMethods(BindingFlags.Public | BindingFlags.Static),
            m => Assert.Equal(typeof(Microsoft.Extensions.DependencyInjection.IFreelanceAggregatorBuilder), m.ReturnType));
    }
}

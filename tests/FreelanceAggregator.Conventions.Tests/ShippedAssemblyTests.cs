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
    };

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

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ProvidersAreSealedGigProvidersWithTheirOwnOptions(string assembly)
    {
        var providers = Load(assembly).GetExportedTypes().Where(t => typeof(GigProvider).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        if (assembly == "FreelanceAggregator")
        {
            Assert.Empty(providers);
            return;
        }

        Assert.NotEmpty(providers);
        Assert.All(providers, p =>
        {
            Assert.True(p.IsSealed, $"{p.Name} is not sealed");
            var options = p.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(HttpGigProvider<>) ? b.GetGenericArguments()[0] : null;
            Assert.True(options is not null && typeof(GigProviderOptions).IsAssignableFrom(options), $"{p.Name} does not derive from HttpGigProvider<TOptions>");
        });
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void RegistrationLivesInTheDependencyInjectionNamespaceAndIsChainable(string assembly)
    {
        var extensions = Load(assembly).GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("BuilderExtensions", StringComparison.Ordinal))
            .ToList();
        if (assembly == "FreelanceAggregator")
        {
            return;
        }

        var extension = Assert.Single(extensions);
        Assert.Equal("Microsoft.Extensions.DependencyInjection", extension.Namespace);
        Assert.All(
            extension.GetMethods(BindingFlags.Public | BindingFlags.Static),
            m => Assert.Equal(typeof(Microsoft.Extensions.DependencyInjection.IFreelanceAggregatorBuilder), m.ReturnType));
    }
}

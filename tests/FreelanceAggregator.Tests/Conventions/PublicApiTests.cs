using FreelanceAggregator.Testing;

namespace FreelanceAggregator.Tests;

public sealed class PublicApiTests
{
    private static readonly System.Reflection.Assembly Core = typeof(GigAggregator).Assembly;

    [Fact]
    public void EveryPublicAsyncMethodTakesACancellationTokenLast() =>
        Assert.Empty(PublicApiConventions.AsyncMethodsWithoutCancellationTokenLast(Core));

    [Fact]
    public void PublicModelsHaveNoPublicSetters() => Assert.Empty(PublicApiConventions.ModelsWithPublicSetters(Core));

    [Fact]
    public void ModelsAreDebuggable() => Assert.Empty(PublicApiConventions.ModelsWithoutDebuggerDisplay(
    [
        typeof(Gig), typeof(Budget), typeof(ConvertedBudget), typeof(GigClient), typeof(GigSeller), typeof(Money),
        typeof(Currency), typeof(ExchangeRate), typeof(GigQuery), typeof(ProviderOutcome),
    ]));

    [Fact]
    public void NoPublicSignatureExposesADependencysTypes() => Assert.Empty(PublicApiConventions.SignaturesExposingDependencies(Core));
}

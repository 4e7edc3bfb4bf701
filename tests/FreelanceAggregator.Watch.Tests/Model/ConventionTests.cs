using FreelanceAggregator.Testing;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>The house rules for public API, checked on the Watch package by reflection.</summary>
public sealed class ConventionTests
{
    private static readonly System.Reflection.Assembly Package = typeof(WatchStore).Assembly;

    [Fact]
    public void EveryPublicAsyncMethodTakesACancellationTokenLast() =>
        Assert.Empty(PublicApiConventions.AsyncMethodsWithoutCancellationTokenLast(Package));

    [Fact]
    public void PublicTypesOtherThanOptionsHaveNoPublicSetters() =>
        Assert.Empty(PublicApiConventions.ModelsWithPublicSetters(Package));

    [Fact]
    public void NoPublicSignatureExposesSqliteTypes() =>
        Assert.Empty(PublicApiConventions.SignaturesExposingDependencies(Package));

    [Fact]
    public void EveryPublicRecordIsDebuggable() =>
        Assert.Empty(PublicApiConventions.ModelsWithoutDebuggerDisplay(
            Package.GetExportedTypes().Where(t => t.GetMethod("<Clone>$") is not null || t == typeof(SqliteWatchStore) || t == typeof(WatchIndex))));

    [Fact]
    public void TheOnlyPublicExceptionIsWatchStoreException() =>
        Assert.Equal([typeof(WatchStoreException)], Package.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)));
}

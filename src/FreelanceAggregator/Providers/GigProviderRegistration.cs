namespace FreelanceAggregator.Providers;

/// <summary>How to create one provider for an aggregator. A later registration with the same key replaces an earlier one, so registering twice is harmless.</summary>
public sealed class GigProviderRegistration
{
    /// <summary>Initializes a new registration.</summary>
    /// <param name="key">What identifies the registration: the provider's name, or its type's full name.</param>
    /// <param name="factory">Creates the provider from the service provider.</param>
    public GigProviderRegistration(string key, Func<IServiceProvider, GigProvider> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(factory);
        Key = key;
        Factory = factory;
    }

    /// <summary>Gets what identifies the registration.</summary>
    public string Key { get; }

    /// <summary>Gets the factory.</summary>
    public Func<IServiceProvider, GigProvider> Factory { get; }
}

using System.ComponentModel.DataAnnotations;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator;

/// <summary>Options for <see cref="GigAggregator"/>.</summary>
public sealed class GigAggregatorOptions
{
    /// <summary>
    /// Gets or sets the ISO 4217 code budgets are converted to when a query names no <see cref="GigQuery.TargetCurrency"/>.
    /// When it is <see langword="null"/>, a search whose providers all display one currency
    /// (<see cref="GigProviderCapabilities.DisplayCurrency"/>, e.g. IDR for the Indonesian sites) converts to that one,
    /// and any other search to USD.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Currency { get; set; }

    /// <summary>Gets or sets how long one provider's whole search may take; a provider that runs over is reported as timed out, and the listings it gave in time are kept.</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets a value indicating whether a search throws when any provider failed or timed out, instead of reporting it in <see cref="ProviderOutcome"/>.</summary>
    /// <value>The default value is <see langword="false"/>: one site's trouble never costs the others' listings.</value>
    public bool ThrowOnAnyProviderFailure { get; set; }

    /// <summary>Gets or sets a value indicating whether a listing two providers return (same marketplace and id, or same page) is kept once.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RemoveDuplicates { get; set; } = true;

    /// <summary>Gets the registered providers. <c>AddProvider</c> and the providers' <c>AddXyz()</c> methods add to it.</summary>
    public IList<GigProviderRegistration> Providers { get; } = [];
}

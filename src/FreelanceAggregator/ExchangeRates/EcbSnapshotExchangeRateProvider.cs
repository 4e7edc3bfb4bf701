using System.Globalization;

namespace FreelanceAggregator.ExchangeRates;

/// <summary>
/// The European Central Bank's reference rates of one day, embedded in the package: conversion works offline and
/// gives the same result on every machine. Cross rates go through the euro, in both directions.
/// </summary>
internal sealed class EcbSnapshotExchangeRateProvider : ExchangeRateProvider
{
    internal const string ResourceName = "FreelanceAggregator.Money.Data.ecb-eurofxref-daily.xml";

    private static readonly Lazy<EcbSnapshotExchangeRateProvider> Shared = new(() => new EcbSnapshotExchangeRateProvider(LoadTable()));

    private readonly RateTable _table;

    private EcbSnapshotExchangeRateProvider(RateTable table)
    {
        _table = table;
        Name = $"ECB reference rates of {table.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (embedded snapshot)";
    }

    /// <summary>Gets the shared instance.</summary>
    public static EcbSnapshotExchangeRateProvider Instance => Shared.Value;

    /// <summary>Gets the day of the embedded rates.</summary>
    public DateOnly AsOf => _table.AsOf;

    /// <inheritdoc/>
    public override string Name { get; }

    internal RateTable Table => _table;

    /// <inheritdoc/>
    public override ValueTask<ExchangeRate?> FindRateAsync(Currency fromCurrency, Currency toCurrency, CancellationToken cancellationToken = default)
    {
        ValidatePair(fromCurrency, toCurrency);
        return ValueTask.FromResult(_table.Find(fromCurrency, toCurrency, "ECB reference rate (embedded snapshot)"));
    }

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyCollection<Currency>> GetCurrenciesAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Currencies);

    private static RateTable LoadTable()
    {
        using var stream = typeof(EcbSnapshotExchangeRateProvider).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded ECB snapshot '{ResourceName}' is missing from the FreelanceAggregator assembly.");
        return EcbReferenceRates.Parse(stream, maxCharacters: 1_000_000);
    }
}

using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Testing;

/// <summary>
/// A provider that always works: it answers every query at once with <see cref="Count"/> listings that pass the query's
/// keywords and skills. Register it beside a provider under test to check that one site's trouble never costs another
/// site's listings.
/// </summary>
public sealed class HealthyTestProvider : GigProvider
{
    /// <summary>The provider's name.</summary>
    public const string DefaultName = "kit.healthy";

    /// <summary>Initializes a new instance.</summary>
    /// <param name="count">How many listings every search gives.</param>
    public HealthyTestProvider(int count = 5) => Count = count;

    /// <inheritdoc/>
    public override string Name => DefaultName;

    /// <summary>Gets how many listings every search gives.</summary>
    public int Count { get; }

    /// <inheritdoc/>
    public override GigProviderCapabilities Capabilities { get; } = new() { Kinds = [GigKind.Job, GigKind.Service], SiteHosts = ["healthy.example.org"] };

    /// <inheritdoc/>
    /// <inheritdoc/>
    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();

        // Titles carry the query's words and skills, so the aggregator's own filters let every listing through.
        var query = request.Query;
        var words = string.Join(' ', query.Keywords.Concat(query.Skills));
        var gigs = new List<Gig>(Count);
        for (var i = 1; i <= Count; i++)
        {
            gigs.Add(new Gig
            {
                Provider = Name,
                Id = "healthy-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Title = $"Healthy listing {i} {words}".Trim(),
                Url = new Uri($"https://healthy.example.org/gigs/{i}"),
                Kind = query.Kind ?? GigKind.Job,
                Skills = [.. query.Skills],
            });
        }

        return new GigPage(gigs, nextCursor: null);
    }
}

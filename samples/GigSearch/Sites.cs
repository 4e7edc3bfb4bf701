using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace GigSearch;

/// <summary>Everything a site needs to be searched from GigSearch: how to register its provider, live or offline.</summary>
/// <param name="Name">The provider's name, as in <c>site:</c> and <c>--providers</c>.</param>
/// <param name="Register">Registers the provider; the <see cref="Uri"/> is the offline server, or null for the live site.</param>
/// <param name="ServeOffline">Stubs the site's bundled recorded pages on an offline server.</param>
internal sealed record Site(string Name, Action<IFreelanceAggregatorBuilder, Uri?> Register, Action<WireMockServer, OfflineBundle> ServeOffline);

/// <summary>The sites GigSearch knows: every provider the library ships.</summary>
internal static partial class Sites
{
    public static IReadOnlyList<Site> All { get; } = [.. Create()];

    public static Site? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    // Filled in per provider (one partial file each), so adding a site touches only its own file.
    private static partial IEnumerable<Site> Create();
}

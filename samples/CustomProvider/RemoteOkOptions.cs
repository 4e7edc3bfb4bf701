#region Snippet:RemoteOkOptions
using FreelanceAggregator.Providers;

namespace Contoso.FreelanceAggregator.Providers.RemoteOk;

/// <summary>
/// Options of the Remote OK provider. Everything every provider has (<see cref="GigProviderOptions.BaseAddress"/>,
/// timeouts, retries, proxy, ...) comes from <see cref="GigProviderOptions"/>; this class sets Remote OK's defaults and
/// adds what only Remote OK has.
/// </summary>
public sealed class RemoteOkOptions : GigProviderOptions
{
    /// <summary>Initializes a new instance with Remote OK's defaults.</summary>
    public RemoteOkOptions()
    {
        BaseAddress = RemoteOkProvider.PublicSite;

        // A User-Agent that names the caller and where to find it lets the site tell who is calling, and whom to ask,
        // instead of seeing an anonymous scraper. A real package puts its own name and address here.
        UserAgent = "Contoso.FreelanceAggregator.Providers.RemoteOk/0.1 (+https://github.com/FreelanceAggregator/FreelanceAggregator)";
    }

    /// <summary>
    /// Gets or sets a value indicating whether a query with exactly one skill asks Remote OK for that tag
    /// (<c>/api?tag=python</c>) instead of reading the whole feed. Several skills are never pushed down: a query's skills
    /// mean "any of", and Remote OK's tags mean "all of".
    /// </summary>
    /// <remarks>
    /// The tagged feed reaches further back than the plain one (which holds only the newest postings, about a hundred),
    /// so it finds more jobs for a skill, but older ones. Turn it off to get only the newest postings, filtered here.
    /// </remarks>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool PushDownSkillAsTag { get; set; } = true;
}
#endregion

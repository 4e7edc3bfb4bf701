using System.ComponentModel.DataAnnotations;

namespace FreelanceAggregator.Providers.ProjectsCoId;

/// <summary>Options of the Projects.co.id provider. The shared ones (timeouts, retries, proxy, paging) are on <see cref="GigProviderOptions"/>.</summary>
public sealed class ProjectsCoIdOptions : GigProviderOptions
{
    /// <summary>The User-Agent sent unless <see cref="GigProviderOptions.UserAgent"/> is set otherwise.</summary>
    public const string DefaultUserAgent = "FreelanceAggregator/0.1 (+https://github.com/FreelanceAggregator/FreelanceAggregator)";

    /// <summary>
    /// Initializes a new instance with the site's address and polite defaults for a scraped site:
    /// <see cref="GigProviderOptions.BaseAddress"/> <c>https://projects.co.id/</c>, <see cref="GigProviderOptions.PageDelay"/>
    /// one second, and <see cref="GigProviderOptions.UserAgent"/> <see cref="DefaultUserAgent"/>.
    /// </summary>
    public ProjectsCoIdOptions()
    {
        BaseAddress = new Uri("https://projects.co.id/");
        PageDelay = TimeSpan.FromSeconds(1);
        UserAgent = DefaultUserAgent;
    }

    /// <summary>
    /// Gets or sets the path of the project listing, relative to <see cref="GigProviderOptions.BaseAddress"/>; the provider adds
    /// <c>page=N</c> and, for keywords, <c>search=</c>. A category listing such as
    /// <c>public/browse_projects/listing/6_website-development</c> works too.
    /// </summary>
    /// <value>The default value is <c>public/browse_projects/listing</c>.</value>
    [Required]
    [MinLength(1)]
    public string ListingPath { get; set; } = "public/browse_projects/listing";
}

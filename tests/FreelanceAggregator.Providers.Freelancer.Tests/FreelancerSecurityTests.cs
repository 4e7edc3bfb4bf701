using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreelanceAggregator.Providers.Freelancer.Tests;

/// <summary>The shared security checks against Freelancer.com: descriptions, the project link made from <c>seo_url</c>, and paging.</summary>
public class FreelancerSecurityTests : GigProviderSecurityTests
{
    protected override string ProviderName => "freelancer";

    protected override IReadOnlyList<string> SiteHosts => ["www.freelancer.com"];

    protected override string SearchPath => FreelancerTestServer.SearchPath;

    protected override string ResultsContentType => "application/json";

    protected virtual string Fixture => "projects-page1.json";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddFreelancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });

    protected override string ResultsWith(string? description, string? link, out string id)
    {
        string? first = null;
        var body = Fixtures.EditJson(Fixtures.Read(Fixture), root =>
        {
            var project = root["result"]!["projects"]![0]!;
            first = project["id"]!.ToString();
            if (description is not null)
            {
                project["description"] = description;
                project["preview_description"] = description;
            }

            if (link is not null)
            {
                project["seo_url"] = link;
            }
        });
        id = first!;
        return body;
    }

    // total_count far beyond what was read, and new project ids on every page.
    protected override string EndlessPage(int page) =>
        Fixtures.EditJson(Fixtures.Read(Fixture), root =>
        {
            root["result"]!["total_count"] = 1_000_000;
            foreach (var project in root["result"]!["projects"]!.AsArray())
            {
                project!["id"] = project["id"]!.GetValue<long>() + (page * 100_000_000L);
            }
        });
}

/// <summary>The same checks against Freelancer.co.id, whose links go to www.freelancer.co.id.</summary>
public sealed class FreelancerIndonesiaSecurityTests : FreelancerSecurityTests
{
    protected override string ProviderName => "freelancer.co.id";

    protected override IReadOnlyList<string> SiteHosts => ["www.freelancer.co.id"];

    protected override string Fixture => "projects-id.json";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddFreelancerIndonesia(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });
}

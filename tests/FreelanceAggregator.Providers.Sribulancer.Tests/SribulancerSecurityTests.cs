using System.Globalization;
using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FreelanceAggregator.Providers.Sribulancer.Tests;

/// <summary>The shared security checks against Sribu's API: descriptions, the job link made from the job's id, and paging.</summary>
public sealed class SribulancerSecurityTests : GigProviderSecurityTests
{
    protected override string ProviderName => SribulancerProvider.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["www.sribu.com"];

    protected override string SearchPath => SribulancerStubs.ApiPath;

    protected override bool SearchIsPost => true;

    protected override string ResultsContentType => "application/json; charset=utf-8";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddSribulancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });

    // The API gives no link: the job's page is made from its id, so a hostile "id" is where a link can be smuggled.
    protected override string ResultsWith(string? description, string? link, out string id)
    {
        string? first = null;
        var body = Fixtures.EditJson(Fixtures.Read("sribu-jobs-page1.json"), root =>
        {
            var job = root["data"]!["jobsList"]!["data"]![0]!;
            if (description is not null)
            {
                job["description"] = description;
            }

            if (link is not null)
            {
                job["id"] = link;
            }

            first = job["id"]!.ToString().Trim();
        });
        id = first!;
        return body;
    }

    // A count far beyond what was read, full pages, and new job ids on every page.
    protected override string EndlessPage(int page) =>
        Fixtures.EditJson(Fixtures.Read("sribu-jobs-page1.json"), root =>
        {
            root["data"]!["jobsList"]!["count"] = 1_000_000;
            foreach (var job in root["data"]!["jobsList"]!["data"]!.AsArray())
            {
                job!["id"] = job["id"]!.ToString() + "-" + page.ToString(CultureInfo.InvariantCulture);
            }
        });
}

/// <summary>The shared security checks against a rendered browse-jobs page: descriptions, the card's link, and the next-page link.</summary>
public sealed class SribulancerBrowsePageSecurityTests : GigProviderSecurityTests
{
    private const string FirstCardId = "51c1d99a-b83e-42d6-88da-9fb3746ac546";

    protected override string ProviderName => SribulancerProvider.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["www.sribu.com"];

    protected override string SearchPath => SribulancerStubs.BrowsePath;

    protected override string ResultsContentType => "text/html; charset=utf-8";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddSribulancer(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            o.Source = SribulancerSource.BrowsePage;
            configure(o);
        });

    protected override string ResultsWith(string? description, string? link, out string id)
    {
        var page = Fixtures.Read("browse-jobs.html");
        if (description is not null)
        {
            page = ReplaceOnce(page, "Butuh web shell sederhana untuk mengelola file di server VPS, dengan login dan upload.", description);
        }

        if (link is not null)
        {
            page = ReplaceOnce(page, $"href=\"/id/jobs/{FirstCardId}\"", $"href=\"{System.Net.WebUtility.HtmlEncode(link)}\"");
        }

        id = FirstCardId;
        return page;
    }

    // Every page links to a next one, with new card ids.
    protected override string EndlessPage(int page) =>
        Fixtures.Read("browse-jobs.html").Replace("a_open_job_detail_", "a_open_job_detail_p" + page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the fixture no longer holds '{old}'");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}

using FreelanceAggregator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FreelanceAggregator.Providers.ProjectsCoId.Tests;

/// <summary>The shared security checks against the Projects.co.id listing: the excerpt, the project link, and the pagination.</summary>
public sealed class ProjectsCoIdSecurityTests : GigProviderSecurityTests
{
    private const string FirstLink = "https://projects.co.id/public/browse_projects/view/ae8e19/membuat-simple-lucky-spin-wheel-dengan-panel-admin-kode-kupon-spin";

    protected override string ProviderName => ProjectsCoIdProvider.DefaultName;

    protected override IReadOnlyList<string> SiteHosts => ["projects.co.id"];

    protected override string SearchPath => ProjectsCoIdStubs.ListingPath;

    protected override string ResultsContentType => "text/html; charset=UTF-8";

    protected override void AddProvider(IFreelanceAggregatorBuilder builder, Uri baseAddress, Action<GigProviderOptions> configure) =>
        builder.AddProjectsCoId(o =>
        {
            ProviderTestOptions.UseTestServer(o, baseAddress);
            configure(o);
        });

    protected override string ResultsWith(string? description, string? link, out string id)
    {
        var page = Fixtures.Read("listing-page1.html");
        if (description is not null)
        {
            page = ReplaceOnce(page, "Butuh developer untuk membuat spin wheel sederhana dengan panel admin untuk mengelola kode kupon. Pengguna memasukkan kode kupon lalu memutar roda hadiah ...", description);
        }

        if (link is not null)
        {
            page = ReplaceOnce(page, $"<h2><a href=\"{FirstLink}\">", $"<h2><a href=\"{System.Net.WebUtility.HtmlEncode(link)}\">");
        }

        id = "ae8e19";
        return page;
    }

    // The pagination always offers 999 pages.
    protected override string EndlessPage(int page) =>
        ReplaceOnce(Fixtures.Read("listing-page1.html"), "paramval=\"3\">&raquo;", "paramval=\"999\">&raquo;");

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the fixture no longer holds '{old}'");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}

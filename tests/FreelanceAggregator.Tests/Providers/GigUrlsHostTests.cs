using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Tests.Providers;

/// <summary>Links with hosts that <see cref="Uri"/> parses but cannot turn into IDN form (found by fuzzing a provider's parser).</summary>
public sealed class GigUrlsHostTests
{
    [Fact]
    public void AHostWithoutAnIdnFormIsDroppedNotThrown()
    {
        var site = new Uri("https://projects.co.id/");

        Assert.Null(GigUrls.TryCreate("https://projects.co\u0378id/public/browse_projects/view/ae8e19/x", site));
        Assert.False(GigUrls.IsOnHost(new Uri("https://projects.co\u0378id/x"), "projects.co.id"));
        Assert.NotNull(GigUrls.Canonical(new Uri("https://projects.co\u0378id/x")));
        Assert.Equal(new Uri("https://projects.co.id/public/browse_projects/view/ae8e19/x"), GigUrls.TryCreate("/public/browse_projects/view/ae8e19/x", site));
    }
}

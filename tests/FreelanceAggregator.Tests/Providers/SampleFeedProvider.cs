using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Tests.Providers;

/// <summary>A minimal HTTP provider over a small JSON job feed, to test the shared plumbing and the conformance kit.</summary>
public sealed class SampleFeedProvider(IHttpClientFactory http, IOptionsMonitor<SampleFeedOptions> options, TimeProvider? time = null, ILoggerFactory? logs = null, string name = SampleFeedOptions.Name)
    : HttpGigProvider<SampleFeedOptions>(name, http, options, time, logs)
{
    private static readonly Uri Site = new("https://jobs.example.org/");

    public override GigProviderCapabilities Capabilities { get; } = new() { SiteHosts = ["jobs.example.org"] };

    public override async ValueTask<GigPage> FetchPageAsync(GigPageRequest request, CancellationToken cancellationToken = default)
    {
        var page = request.Cursor is null ? 1 : int.Parse(request.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        var client = CreateHttpClient();
        var response = (await client.GetAsync($"feed?q={Uri.EscapeDataString(request.Query.KeywordText)}&page={page}", cancellationToken)).EnsureSuccess();
        using var json = response.ParseJson();
        var jobs = json.RootElement.GetProperty("jobs");
        var gigs = new List<Gig>();
        var warnings = new List<GigWarning>();
        foreach (var job in jobs.EnumerateArray())
        {
            var id = job.GetProperty("id").GetString()!;
            var url = GigUrls.TryCreate(job.GetProperty("path").GetString(), Site);
            if (url is null)
            {
                warnings.Add(GigWarning.ForListing(GigWarningKind.ListingSkipped, id, "url", $"{Name}: job {id} has a link off the site; skipped."));
                continue;
            }

            gigs.Add(new Gig
            {
                Provider = Name,
                Id = id,
                Title = job.GetProperty("title").GetString()!,
                Url = url,
                Budget = job.TryGetProperty("budget", out var b) ? Budget.Fixed(new Money(b.GetDecimal(), job.GetProperty("currency").GetString()!)) : null,
            });
        }

        // Two jobs a page: a full page may have a next one, an empty or short one is the last.
        var next = jobs.GetArrayLength() >= 2 ? (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new GigPage(gigs, next) { Warnings = warnings, RequestUri = response.RequestUri };
    }
}

public sealed class SampleFeedOptions : GigProviderOptions
{
    public const string Name = "samplefeed";

    public SampleFeedOptions() => BaseAddress = new Uri("https://jobs.example.org/");
}

internal static class SampleFeedRegistration
{
    public static IFreelanceAggregatorBuilder AddSampleFeed(this IFreelanceAggregatorBuilder builder, Action<SampleFeedOptions>? configure = null, string name = SampleFeedOptions.Name)
    {
        builder.AddGigProviderHttpClient(name, configure);
        return builder.AddProvider(name, sp => ActivatorUtilities.CreateInstance<SampleFeedProvider>(sp, name));
    }
}

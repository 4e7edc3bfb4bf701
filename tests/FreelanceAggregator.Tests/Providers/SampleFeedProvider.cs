using FreelanceAggregator.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Tests.Providers;

/// <summary>A minimal HTTP provider over a small JSON job feed, to test the shared plumbing and the conformance kit.</summary>
internal sealed class SampleFeedProvider(IHttpClientFactory http, IOptionsMonitor<SampleFeedOptions> options, TimeProvider? time = null, ILoggerFactory? logs = null)
    : HttpGigProvider<SampleFeedOptions>(SampleFeedOptions.Name, http, options, time, logs)
{
    private static readonly Uri Site = new("https://jobs.example.org/");

    public override GigProviderCapabilities Capabilities { get; } = new() { SiteHosts = ["jobs.example.org"] };

    public override async IAsyncEnumerable<Gig> SearchAsync(GigQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = CreateHttpClient();
        var pages = PagesFor(query, pageSize: 2);
        var yielded = 0;
        for (var page = 1; page <= pages && yielded < query.Limit; page++)
        {
            await PauseBeforePageAsync(page - 1, cancellationToken);
            var response = (await client.GetAsync($"feed?q={Uri.EscapeDataString(query.KeywordText)}&page={page}", cancellationToken)).EnsureSuccess();
            using var json = response.ParseJson();
            var jobs = json.RootElement.GetProperty("jobs");
            if (jobs.GetArrayLength() == 0)
            {
                yield break;
            }

            foreach (var job in jobs.EnumerateArray())
            {
                var url = GigUrls.TryCreate(job.GetProperty("path").GetString(), Site);
                if (url is null)
                {
                    ReportWarning($"{Name}: job {job.GetProperty("id")} has a link off the site; skipped.");
                    continue;
                }

                yield return new Gig
                {
                    Provider = Name,
                    Id = job.GetProperty("id").GetString()!,
                    Title = job.GetProperty("title").GetString()!,
                    Url = url,
                    Budget = job.TryGetProperty("budget", out var b) ? Budget.Fixed(new Money(b.GetDecimal(), job.GetProperty("currency").GetString()!)) : null,
                };
                yielded++;
            }
        }
    }
}

internal sealed class SampleFeedOptions : GigProviderOptions
{
    public const string Name = "samplefeed";

    public SampleFeedOptions() => BaseAddress = new Uri("https://jobs.example.org/");
}

internal static class SampleFeedRegistration
{
    public static IFreelanceAggregatorBuilder AddSampleFeed(this IFreelanceAggregatorBuilder builder, Action<SampleFeedOptions>? configure = null)
    {
        builder.AddGigProviderHttpClient(SampleFeedOptions.Name, configure);
        return builder.AddProvider(SampleFeedOptions.Name, sp => ActivatorUtilities.CreateInstance<SampleFeedProvider>(sp));
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static FreelanceAggregator.Tests.Aggregation.TestProviders;

namespace FreelanceAggregator.Tests;

public sealed class DiagnosticsTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASearchIsTracedUnderTheFreelanceAggregatorSourceWithOneSpanPerProvider()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FreelanceAggregatorDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);

        // Other tests run in parallel and are traced too: find this search through its uniquely named providers.
        var good = new Aggregation.ScriptedProvider("traced-good", [Job("traced-good", "1")]);
        var broken = new Aggregation.ScriptedProvider("traced-broken", []) { FailAfter = 0 };
        await new GigAggregator([good, broken]).SearchAllAsync(new GigQuery(), Ct);

        List<Activity> snapshot;
        lock (spans)
        {
            snapshot = [.. spans];
        }

        var ours = snapshot.Where(s => s.OperationName == "FreelanceAggregator.Provider" && ((string?)s.GetTagItem("freelanceaggregator.provider"))?.StartsWith("traced-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, ours.Count);
        var search = Assert.Single(snapshot, s => s.OperationName == "FreelanceAggregator.Search" && s.Id == ours[0].ParentId);
        Assert.Equal(search.Id, ours[1].ParentId);
        Assert.Equal(ActivityStatusCode.Error, ours.Single(s => (string?)s.GetTagItem("freelanceaggregator.provider") == "traced-broken").Status);
    }

    [Fact]
    public async Task GigsAndDurationsAreMeasuredUnderTheFreelanceAggregatorMeter()
    {
        var measured = new List<(string Instrument, double Value, string? Provider)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FreelanceAggregatorDiagnostics.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, Provider(tags)));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, Provider(tags)));
        listener.Start();

        await new GigAggregator([new Aggregation.ScriptedProvider("metered", [Job("metered", "1"), Job("metered", "2")])]).SearchAllAsync(new GigQuery(), Ct);

        List<(string Instrument, double Value, string? Provider)> seen;
        lock (measured)
        {
            seen = [.. measured];
        }

        Assert.Contains(("freelanceaggregator.gigs.received", 2d, "metered"), seen);
        Assert.Contains(("freelanceaggregator.gigs.returned", 2d, "metered"), seen);
        Assert.Contains(seen, m => m.Instrument == "freelanceaggregator.provider.duration" && m.Provider == "metered");

        void Record(string instrument, double value, string? provider)
        {
            lock (measured)
            {
                measured.Add((instrument, value, provider));
            }
        }

        static string? Provider(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "provider")
                {
                    return tag.Value as string;
                }
            }

            return null;
        }
    }

    [Fact]
    public async Task AFailingProviderIsLoggedAsAWarningWithItsMessage()
    {
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        var broken = new Aggregation.ScriptedProvider("broken", []) { FailAfter = 0 };

        await new GigAggregator([broken], loggerFactory: loggerFactory).SearchAllAsync(new GigQuery(), Ct);

        var record = Assert.Single(collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("broken", record.Message, StringComparison.Ordinal);
        Assert.Contains("the site broke", record.Message, StringComparison.Ordinal);
    }
}

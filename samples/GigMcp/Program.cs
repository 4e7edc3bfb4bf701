using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GigMcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A desktop assistant starts this program and speaks MCP over its standard input and output, so nothing but the
// protocol may ever be written to standard output: every log line goes to standard error.
if (!ServerSettings.TryParse(args, out var settings, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(ServerSettings.Usage);
    return 2;
}

if (settings.Help)
{
    Console.Out.WriteLine(ServerSettings.Usage);
    return 0;
}

using var offline = settings.Offline ? OfflineSites.Start() : null;
settings = settings with { OfflineRecordedAt = offline?.RecordedAt };

// No args for the host: its command-line configuration would read --offline as a key. The environment still
// configures it, so FreelanceAggregator__Providers__fiverr__BaseAddress (a mirror, a proxy) works as in any host.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

// HttpClient's own lines name every request; the providers' outcomes already say what went wrong, per site.
builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton<WatchStoreAccess>();
if (offline is not null)
{
    builder.Services.TryAddSingleton<TimeProvider>(new RecordedTimeProvider(offline.RecordedAt));
}

var aggregator = builder.Services.AddFreelanceAggregator(o =>
{
    o.Currency = settings.Currency.Code;
    o.ProviderTimeout = settings.Timeout;
});
foreach (var site in Sites.All)
{
    site.Register(aggregator, offline?.BaseAddressOf(site.Name));
}

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,

    // Results are read by a model, not put into HTML: "Rp 1.500.000 – 3.000.000" reads better than \u2013 escapes.
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
};

builder.Services
    .AddMcpServer(o => o.ServerInfo = new() { Name = "GigMcp", Title = "Freelance gigs (FreelanceAggregator)", Version = "0.1.0" })
    .WithStdioServerTransport()
    .WithTools<SearchTools>(json)
    .WithTools<WatchTools>(json);

await builder.Build().RunAsync();
return 0;

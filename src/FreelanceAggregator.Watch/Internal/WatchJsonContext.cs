using System.Text.Json.Serialization;

namespace FreelanceAggregator.Watch;

/// <summary>Source-generated JSON for the few plain values the store writes as JSON (a watch's channel URIs, an alert's watches), trimming-safe.</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string[][]))]
internal sealed partial class WatchJsonContext : JsonSerializerContext;

using Microsoft.Extensions.Logging;

namespace GigMcp;

/// <summary>The server's log lines (standard error). Queries and names are logged; credentials never reach a tool, so never a log.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "search_gigs: {Query}")]
    public static partial void Searching(this ILogger logger, string query);

    [LoggerMessage(2, LogLevel.Information, "search_gigs cancelled by the client: {Query}")]
    public static partial void SearchCancelled(this ILogger logger, string query);

    [LoggerMessage(3, LogLevel.Warning, "{Outcome}")]
    public static partial void SiteOutcome(this ILogger logger, string outcome);

    [LoggerMessage(4, LogLevel.Information, "add_watch: \"{Name}\" for {Subscriber}: {Query}")]
    public static partial void WatchAdded(this ILogger logger, string name, string subscriber, string query);

    [LoggerMessage(5, LogLevel.Information, "remove_watch: \"{Name}\" ({Id}) removed: {Removed}")]
    public static partial void WatchRemoved(this ILogger logger, string name, Guid id, bool removed);
}

using Microsoft.Extensions.Logging;

namespace FreelanceAggregator.Providers.Microworkers;

/// <summary>
/// Hands the provider (and the HTTP client it creates) loggers that remove the session from every record. The session
/// never goes into a URL the provider builds, but the shared HTTP client logs each address it is sent to, redirects
/// included, and a PHP site can append its session to an address (<c>?PHPSESSID=…</c>); such an address must not reach a log.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, Func<string?, string?> redact) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redact);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The factory belongs to the host; this wrapper owns nothing.
    public void Dispose()
    {
    }

    private sealed class RedactingLogger(ILogger inner, Func<string?, string?> redact) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            // The structured values are written out as redacted text: a Uri object in the state would carry the session
            // to any sink that renders it, whatever the message says.
            var message = redact(formatter(state, exception)) ?? string.Empty;
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is null or int or long or double or bool or Enum ? p.Value : redact(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)))).ToList()
                : [];
            var error = exception is not null && redact(exception.ToString()) != exception.ToString()
                ? new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, redact(exception.Message) ?? string.Empty)
                : exception;
            inner.Log(logLevel, eventId, new RedactedState(message, values), error, static (s, _) => s.Message);
        }
    }

    /// <summary>A log record's values with the session removed.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}

/// <summary>Stands in a log record for an exception whose text held the session: its type and its redacted message.</summary>
internal sealed class RedactedException : Exception
{
    public RedactedException()
    {
    }

    public RedactedException(string message)
        : base(message)
    {
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RedactedException(string type, string message)
        : base($"{type}: {message}")
    {
    }
}

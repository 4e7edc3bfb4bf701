namespace FreelanceAggregator.Providers.Microworkers;

/// <summary>A session and the <c>Cookie</c> header made from it. <see cref="ToString"/> never shows the value.</summary>
internal readonly struct SessionCookie(string header, bool fromDelegate)
{
    /// <summary>Gets the <c>Cookie</c> header value.</summary>
    public string Header { get; } = header;

    /// <summary>Gets a value indicating whether the app's delegate gave it.</summary>
    public bool FromDelegate { get; } = fromDelegate;

    /// <summary>Gets the option the session came from, for messages.</summary>
    public string Origin => FromDelegate ? "the session from SessionCookieProvider" : "SessionCookie";

    public override string ToString() => $"{Origin} (value hidden)";
}

/// <summary>
/// Gives the provider the worker's session (the fixed option, or the app's delegate), and removes every session it has
/// seen from text that leaves the provider. Thread-safe.
/// </summary>
internal sealed class MicroworkersSession
{
    /// <summary>Shorter values are not searched for: they would match ordinary words, and no real session is that short.</summary>
    internal const int MinSecretLength = 6;

    private const string Redacted = "[redacted]";
    private const int MaxRemembered = 16;

    private readonly string _provider;
    private readonly object _gate = new();

    // The delegate's sessions seen so far (newest last): a session the app replaced may still be echoed by the site.
    private readonly List<string> _seen = [];

    public MicroworkersSession(string provider)
    {
        _provider = provider;
    }

    /// <summary>The message of a search without a session: what to set, and where the README says how to get one.</summary>
    public static string NoSessionProblem =>
        "Microworkers shows its job list only to a logged-in worker, and no session is configured: set SessionCookie (the PHPSESSID cookie "
        + "of a browser logged in to microworkers.com) or SessionCookieProvider in MicroworkersOptions; the README section 'Getting a Microworkers session' "
        + "(https://github.com/FreelanceAggregator/FreelanceAggregator#getting-a-microworkers-session) explains how";

    /// <summary>Gets the session for the next request.</summary>
    /// <param name="options">The provider's current options.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>The session.</returns>
    /// <exception cref="GigProviderException">No session is configured, the delegate failed or gave none, or the value cannot be a cookie (<see cref="GigProviderFailure.Configuration"/>).</exception>
    public async ValueTask<SessionCookie> GetAsync(MicroworkersOptions options, CancellationToken cancellationToken)
    {
        if (options.SessionCookieProvider is { } provider)
        {
            string? value;
            try
            {
                value = await provider(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not GigProviderException)
            {
                // The exception is not kept as the cause: the app's own message may quote the session it failed to renew.
                throw new GigProviderException(_provider, $"the SessionCookieProvider delegate failed ({ex.GetType().Name}); no request was sent", failure: GigProviderFailure.Configuration);
            }

            if (Clean(value) is not { } session)
            {
                throw new GigProviderException(_provider, "the SessionCookieProvider delegate returned no session; " + NoSessionProblem, failure: GigProviderFailure.Configuration);
            }

            Remember(session);
            return new SessionCookie(Header(session, options.SessionCookieName, "the session from SessionCookieProvider"), fromDelegate: true);
        }

        if (Clean(options.SessionCookie) is { } configured)
        {
            return new SessionCookie(Header(configured, options.SessionCookieName, "SessionCookie"), fromDelegate: false);
        }

        throw new GigProviderException(_provider, NoSessionProblem, failure: GigProviderFailure.Configuration);
    }

    /// <summary>Replaces every session this source knows (configured, or given by the delegate) in a text.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="options">The provider's current options, or <see langword="null"/> when they cannot be read.</param>
    /// <returns>The text without sessions.</returns>
    public string? Redact(string? text, MicroworkersOptions? options)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in Secrets(options))
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Checks whether a text holds a session this source knows.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">The provider's current options.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Leaks(string? text, MicroworkersOptions options) =>
        !string.IsNullOrEmpty(text) && Secrets(options).Any(s => text.Contains(s, StringComparison.Ordinal));

    /// <summary>
    /// Checks a session for what cannot go into a header: a line break or another control character would let it add
    /// headers of its own. The message never holds the value.
    /// </summary>
    /// <param name="value">The session.</param>
    /// <param name="option">The option it came from, for the message.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    internal static string? Problem(string value, string option) =>
        value.Any(char.IsControl) ? $"{option} holds a line break or another control character, which no cookie has; copy the cookie's value again" : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A bare value is the session cookie's; a value with '=' is a whole Cookie header, sent as given.
    private string Header(string value, string cookieName, string option)
    {
        if (Problem(value, option) is { } problem)
        {
            throw new GigProviderException(_provider, problem + "; no request was sent", failure: GigProviderFailure.Configuration);
        }

        return value.Contains('=', StringComparison.Ordinal) ? value : cookieName.Trim() + "=" + value;
    }

    private void Remember(string session)
    {
        lock (_gate)
        {
            _seen.Remove(session);
            _seen.Add(session);
            if (_seen.Count > MaxRemembered)
            {
                _seen.RemoveAt(0);
            }
        }
    }

    // The whole value and, for a Cookie header, each cookie's value: the site may echo one cookie alone (a PHPSESSID in a link).
    private List<string> Secrets(MicroworkersOptions? options)
    {
        List<string> values;
        lock (_gate)
        {
            values = [.. _seen];
        }

        if (Clean(options?.SessionCookie) is { } configured)
        {
            values.Add(configured);
        }

        return values
            .SelectMany(v => v.Split(';').Select(part => part.Split('=', 2) is [_, var cookie] ? cookie.Trim() : part.Trim()).Append(v))
            .Where(s => s.Length >= MinSecretLength)
            .SelectMany(s => new[] { s, Uri.EscapeDataString(s) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();
    }
}

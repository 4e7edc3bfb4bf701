namespace FreelanceAggregator.Providers;

/// <summary>
/// Remembers a wait a site asked for (<c>Retry-After</c>) that was longer than a provider could wait, so that later
/// requests of the same provider fail at once instead of asking again before the site said to. One per provider.
/// </summary>
internal sealed class RetryAfterGate
{
    private readonly object _lock = new();
    private DateTimeOffset _until;
    private TimeSpan _asked;

    /// <summary>Holds requests back until <paramref name="until"/> (a later hold wins).</summary>
    public void Hold(DateTimeOffset until, TimeSpan asked)
    {
        lock (_lock)
        {
            if (until > _until)
            {
                _until = until;
                _asked = asked;
            }
        }
    }

    /// <summary>Checks whether requests are held back at <paramref name="now"/>, and until when.</summary>
    public bool IsHeld(DateTimeOffset now, out DateTimeOffset until, out TimeSpan asked)
    {
        lock (_lock)
        {
            until = _until;
            asked = _asked;
            return now < _until;
        }
    }
}

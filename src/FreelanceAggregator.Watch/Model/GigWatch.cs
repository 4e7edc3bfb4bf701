using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>
/// A saved search: a query checked every so often for a subscriber, who hears only about listings that are new to them.
/// </summary>
/// <remarks>
/// <see cref="Notify"/> holds channel URIs, which often carry tokens; <see cref="ToString"/> and the debugger display
/// show only how many there are. <see cref="Created"/>, <see cref="LastChecked"/> and <see cref="HasBaseline"/> are
/// kept by the <see cref="WatchStore"/>: values given when adding or updating a watch are ignored.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record GigWatch
{
    /// <summary>The longest <see cref="Name"/> and <see cref="Subscriber"/> accepted, in UTF-16 code units.</summary>
    public const int MaxNameLength = 200;

    private readonly Guid _id = Guid.NewGuid();
    private readonly string _name = string.Empty;
    private readonly GigQuery _query = new();
    private readonly string _subscriber = string.Empty;
    private readonly TimeSpan _every = DefaultEvery;
    private readonly Uri[] _notify = [];

    /// <summary>Gets how often a watch is checked when <see cref="Every"/> is not given: 15 minutes.</summary>
    public static TimeSpan DefaultEvery { get; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets the shortest <see cref="Every"/> accepted: one minute. Sites are asked politely or not at all.</summary>
    public static TimeSpan MinimumEvery { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets the watch's identity, which never changes.</summary>
    /// <value>The default value is a new random <see cref="Guid"/>.</value>
    /// <exception cref="ArgumentException">The id is <see cref="Guid.Empty"/>.</exception>
    public Guid Id
    {
        get => _id;
        init => _id = value == Guid.Empty ? throw new ArgumentException("A watch's Id cannot be Guid.Empty.", nameof(Id)) : value;
    }

    /// <summary>Gets the name the subscriber knows the watch by, unique among that subscriber's watches (compared exactly).</summary>
    /// <exception cref="ArgumentException">The name is blank or longer than <see cref="MaxNameLength"/>.</exception>
    public required string Name { get => _name; init => _name = CleanName(value, nameof(Name)); }

    /// <summary>Gets the search; the store keeps it as its one-line text (<see cref="GigQuery.ToString"/>).</summary>
    public required GigQuery Query { get => _query; init => _query = value ?? throw new ArgumentNullException(nameof(Query)); }

    /// <summary>Gets who the alerts are for, e.g. a user id or an e-mail address (compared exactly).</summary>
    /// <exception cref="ArgumentException">The subscriber is blank or longer than <see cref="MaxNameLength"/>.</exception>
    public required string Subscriber { get => _subscriber; init => _subscriber = CleanName(value, nameof(Subscriber)); }

    /// <summary>Gets how often the watch is checked.</summary>
    /// <value>The default value is <see cref="DefaultEvery"/> (15 minutes); at least <see cref="MinimumEvery"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The span is shorter than <see cref="MinimumEvery"/>.</exception>
    public TimeSpan Every
    {
        get => _every;
        init => _every = value < MinimumEvery
            ? throw new ArgumentOutOfRangeException(nameof(Every), value, $"A watch is checked at most once a minute; Every was {value}.")
            : value;
    }

    /// <summary>
    /// Gets where alerts go, as channel URIs in Apprise style (<c>https://…</c> webhook, <c>tgram://…</c>, <c>mailto://…</c>,
    /// <c>ntfy://…</c>, <c>discord://…</c>, <c>json:///file</c>). They may hold secrets, so they are never shown.
    /// </summary>
    /// <exception cref="ArgumentException">A URI is missing or not absolute.</exception>
    public IReadOnlyList<Uri> Notify
    {
        get => _notify;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Notify));
            var copy = value.ToArray();
            for (var i = 0; i < copy.Length; i++)
            {
                // The message names the position, never the URI: it may carry a token.
                if (copy[i] is not { IsAbsoluteUri: true })
                {
                    throw new ArgumentException($"Notify[{i}] is not an absolute channel URI.", nameof(Notify));
                }
            }

            _notify = copy;
        }
    }

    /// <summary>Gets a value indicating whether checking is paused; a paused watch is kept but not checked.</summary>
    public bool Paused { get; init; }

    /// <summary>Gets when the store first recorded the watch, or <see langword="null"/> before it is added.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Gets when a check of the watch last completed, or <see langword="null"/> when it never has.</summary>
    public DateTimeOffset? LastChecked { get; init; }

    /// <summary>
    /// Gets a value indicating whether the watch's first check has recorded what was already listed. Until it has, the
    /// watch alerts nothing: its first check only records a baseline. Changing the query or the subscriber starts over.
    /// </summary>
    public bool HasBaseline { get; init; }

    /// <summary>Tells whether the watch should be checked at <paramref name="now"/>: not paused, and never checked or checked at least <see cref="Every"/> ago.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when a check is due.</returns>
    public bool IsDue(DateTimeOffset now) => !Paused && (LastChecked is not { } last || now - last >= Every);

    /// <summary>Describes the watch without its channel URIs, e.g. <c>"logo" for alice: logo design site:fiverr every 15m, 2 channels</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"\"{Name}\" for {Subscriber}: {Query} every {Describe(Every)}, {Notify.Count} channel{(Notify.Count == 1 ? string.Empty : "s")}{(Paused ? ", paused" : string.Empty)}");

    /// <summary>Tells whether <paramref name="other"/> is the same watch in the same state, comparing <see cref="Notify"/> item by item.</summary>
    /// <param name="other">The other watch.</param>
    /// <returns><see langword="true"/> when every value is equal.</returns>
    public bool Equals(GigWatch? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && _id == other._id
            && string.Equals(_name, other._name, StringComparison.Ordinal)
            && string.Equals(_subscriber, other._subscriber, StringComparison.Ordinal)
            && _query.Equals(other._query)
            && _every == other._every
            && SameChannels(_notify, other._notify)
            && Paused == other.Paused
            && Created == other.Created
            && LastChecked == other.LastChecked
            && HasBaseline == other.HasBaseline);

    /// <summary>Gets a hash code consistent with <see cref="Equals(GigWatch?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(_id, _name, _subscriber, _query, _every, _notify.Length, Paused, HasBaseline);

    // Uri.Equals ignores the user-info part, which is where many channel URIs keep their token.
    private static bool SameChannels(Uri[] left, Uri[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i].OriginalString, right[i].OriginalString, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0}d")
        : span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0}h")
        : span.Ticks % TimeSpan.TicksPerMinute == 0 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0}m")
        : span.ToString("c", CultureInfo.InvariantCulture);

    private static string CleanName(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        var trimmed = value.Trim();
        return trimmed.Length > MaxNameLength
            ? throw new ArgumentException($"{name} is {trimmed.Length} characters long; at most {MaxNameLength} are allowed.", name)
            : trimmed;
    }
}

using System.Diagnostics;

namespace FreelanceAggregator.Watch;

/// <summary>A watch as an alert names it: its id and the name it had when the alert was recorded.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record WatchReference
{
    /// <summary>Initializes a reference to a watch.</summary>
    /// <param name="id">The watch's <see cref="GigWatch.Id"/>.</param>
    /// <param name="name">The watch's <see cref="GigWatch.Name"/>.</param>
    public WatchReference(Guid id, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Id = id;
        Name = name;
    }

    /// <summary>Gets the watch's <see cref="GigWatch.Id"/>.</summary>
    public Guid Id { get; }

    /// <summary>Gets the watch's name when the alert was recorded (a later rename or removal does not change it).</summary>
    public string Name { get; }

    /// <summary>Gets the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

namespace FreelanceAggregator.Watch;

/// <summary>What kind of trouble a <see cref="WatchStoreException"/> reports, for code that handles some kinds differently.</summary>
public enum WatchStoreError
{
    /// <summary>Something else went wrong reading or writing the store (an I/O error, a missing folder).</summary>
    Failed = 0,

    /// <summary>The file is not a database, or the database is damaged.</summary>
    Unreadable,

    /// <summary>The database is readable but belongs to something else: it is not a watch store.</summary>
    NotAWatchStore,

    /// <summary>The store was written by a newer version of this package, whose schema this version does not know.</summary>
    NewerSchema,

    /// <summary>The store cannot be written: the file or its folder is read-only.</summary>
    ReadOnly,

    /// <summary>The disk (or the database's size limit) is full.</summary>
    Full,

    /// <summary>Another process kept the store locked for longer than the store waits.</summary>
    Busy,

    /// <summary>The change breaks a rule of the store, e.g. a second watch with one name for one subscriber.</summary>
    Conflict,
}

/// <summary>
/// The store could not do what was asked. The message names the store (the file, for SQLite) and says what to do; it
/// never holds a watch's channel URIs. Nothing is half-recorded: the change that failed was rolled back whole.
/// </summary>
public sealed class WatchStoreException : Exception
{
    /// <summary>Initializes a new exception.</summary>
    public WatchStoreException()
        : this("The watch store failed.")
    {
    }

    /// <summary>Initializes a new exception with a message.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    public WatchStoreException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public WatchStoreException(string message, Exception? innerException)
        : this(message, WatchStoreError.Failed, null, innerException)
    {
    }

    /// <summary>Initializes a new exception.</summary>
    /// <param name="message">What went wrong and what to do, naming the store.</param>
    /// <param name="error">The kind of trouble.</param>
    /// <param name="location">The store: a file path, or a server and database without credentials.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public WatchStoreException(string message, WatchStoreError error, string? location, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Location = location;
    }

    /// <summary>Gets the kind of trouble.</summary>
    public WatchStoreError Error { get; }

    /// <summary>Gets the store: a file path, or a server and database without credentials; <see langword="null"/> when unknown.</summary>
    public string? Location { get; }
}

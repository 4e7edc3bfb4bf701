using System.Diagnostics.CodeAnalysis;

namespace FreelanceAggregator.Providers;

/// <summary>Why a text did not parse.</summary>
public enum TextParseErrorKind
{
    /// <summary>The text is empty or only white space.</summary>
    Empty,

    /// <summary>The text holds no number.</summary>
    NoNumber,

    /// <summary>The number is malformed (e.g. misplaced separators).</summary>
    InvalidNumber,

    /// <summary>The number is too large.</summary>
    OutOfRange,

    /// <summary>The text names no currency, and none was given for the site.</summary>
    MissingCurrency,

    /// <summary>The symbol is used by several currencies (a bare <c>$</c>) and neither the site's currency nor the culture settles which.</summary>
    AmbiguousCurrency,

    /// <summary>The text names a three-letter code that is not an active ISO 4217 currency.</summary>
    UnknownCurrency,

    /// <summary>The text holds more than one amount where one was expected.</summary>
    MultipleAmounts,

    /// <summary>The text is not in a form the parser knows.</summary>
    Unrecognized,
}

/// <summary>What went wrong when a text did not parse: a kind to test against, and a message for people.</summary>
/// <param name="Kind">Why the text did not parse.</param>
/// <param name="Text">The text that was given.</param>
/// <param name="Message">A message naming the text and what was expected.</param>
public sealed record TextParseError(TextParseErrorKind Kind, string Text, string Message);

/// <summary>Creates <see cref="TextParseResult{T}"/> values, for parsers written outside this library.</summary>
public static class TextParseResult
{
    /// <summary>Creates a successful result.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static TextParseResult<T> Success<T>(T value) => TextParseResult<T>.ForValue(value);

    /// <summary>Creates a failed result.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="kind">Why.</param>
    /// <param name="text">The text given.</param>
    /// <param name="message">A message naming the text and what was expected.</param>
    /// <returns>The result.</returns>
    public static TextParseResult<T> Failure<T>(TextParseErrorKind kind, string text, string message) => TextParseResult<T>.ForError(kind, text, message);
}

/// <summary>
/// The outcome of parsing text a site printed: a value, or the reason there is none. Parsers in this library
/// return this instead of throwing, so a provider can record a warning and carry on.
/// </summary>
/// <typeparam name="T">The parsed value's type.</typeparam>
public sealed class TextParseResult<T>
{
    private readonly T? _value;

    private TextParseResult(T value)
    {
        _value = value;
        Success = true;
    }

    private TextParseResult(TextParseError error)
    {
        Error = error;
    }

    /// <summary>Gets a value indicating whether the text parsed.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success { get; }

    /// <summary>Gets the reason the text did not parse, or <see langword="null"/> when it did.</summary>
    public TextParseError? Error { get; }

    /// <summary>Gets the value.</summary>
    /// <exception cref="InvalidOperationException">The text did not parse; the message says why.</exception>
    public T Value => Success ? _value! : throw new InvalidOperationException(Error.Message);

    internal static TextParseResult<T> ForValue(T value) => new(value);

    internal static TextParseResult<T> ForError(TextParseErrorKind kind, string text, string message) => new(new TextParseError(kind, text, message));

    /// <summary>Gets the value, or throws a <see cref="FormatException"/> that says why there is none.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text did not parse.</exception>
    public T GetValueOrThrow() => Success ? _value! : throw new FormatException(Error.Message);

    /// <summary>Gets the value when the text parsed.</summary>
    /// <param name="failureValue">What <paramref name="value"/> is set to when the text did not parse.</param>
    /// <param name="value">The value, or <paramref name="failureValue"/>.</param>
    /// <returns><see langword="true"/> when the text parsed.</returns>
    public bool TryGetValue(T failureValue, out T value)
    {
        value = Success ? _value! : failureValue;
        return Success;
    }

    /// <summary>Describes the result.</summary>
    /// <returns>The value, or the error message.</returns>
    public override string ToString() => Success ? $"{_value}" : Error.Message;
}

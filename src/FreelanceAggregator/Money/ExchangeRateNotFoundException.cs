namespace FreelanceAggregator;

/// <summary>No exchange rate is known between two currencies.</summary>
public sealed class ExchangeRateNotFoundException : Exception
{
    /// <summary>Initializes a new instance with a message.</summary>
    public ExchangeRateNotFoundException()
        : base("No exchange rate is known between the two currencies.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public ExchangeRateNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ExchangeRateNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a currency pair.</summary>
    /// <param name="from">The currency converted from.</param>
    /// <param name="to">The currency converted to.</param>
    /// <param name="message">The message, naming the currency no rate source knows.</param>
    public ExchangeRateNotFoundException(Currency from, Currency to, string message)
        : base(message)
    {
        From = from;
        To = to;
    }

    /// <summary>Gets the currency converted from.</summary>
    public Currency From { get; }

    /// <summary>Gets the currency converted to.</summary>
    public Currency To { get; }
}

namespace FreelanceAggregator;

/// <summary>What a <see cref="GigWarning"/> is about, so a program can act on it without reading the words.</summary>
public enum GigWarningKind
{
    /// <summary>Something the provider or the site wants the user to know that fits no other kind.</summary>
    Notice = 0,

    /// <summary>
    /// A listing was left out: the provider could not read a value every listing must have (its id, title or address),
    /// or the aggregator found it invalid (an address that is not http(s) or not on the site).
    /// </summary>
    ListingSkipped,

    /// <summary>A value a listing may lack (a budget, a date, a rating) could not be read, and was left empty; the listing was kept.</summary>
    ValueUnreadable,

    /// <summary>
    /// Paging ended before the site's last page: the most pages allowed were read, the site refused the next page, gave
    /// no way to ask for it, or repeated listings already read. More listings may match.
    /// </summary>
    PagingStopped,

    /// <summary>The site answered with listings and errors at once; the listings that could be read were kept.</summary>
    PartialAnswer,

    /// <summary>A budget could not be converted to the search's currency (no rate is known, or the rate source failed).</summary>
    ExchangeRateMissing,

    /// <summary>So many warnings came that the rest were left out of the outcome; the log has them all.</summary>
    WarningsOmitted,
}

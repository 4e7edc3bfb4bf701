using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace FreelanceAggregator;

/// <summary>
/// What to search for, on which sites, and how to filter and order the results. Immutable: build one with an
/// object initializer, or parse the one-line form with <see cref="Parse"/>:
/// <c>logo design -wordpress budget:&gt;=500000IDR type:fixed posted:&lt;3d site:fiverr,upwork kind:service sort:newest limit:100</c>.
/// </summary>
/// <remarks>
/// Every filter means the same on every site: the aggregator applies all of them to every listing after converting
/// budgets, whatever a site applied itself, and a listing that lacks the value a filter needs does not pass it.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record GigQuery
{
    /// <summary>The number of results wanted per provider when none is given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest number of results per provider a query may ask for.</summary>
    public const int MaxLimit = 10_000;

    private readonly IReadOnlyList<string> _keywords = [];
    private readonly IReadOnlyList<string> _excludedWords = [];
    private readonly IReadOnlyList<string>? _providers;
    private readonly IReadOnlyList<string> _skills = [];
    private readonly IReadOnlyList<string> _clientCountries = [];
    private readonly Money? _minBudget;
    private readonly Money? _maxBudget;
    private readonly TimeSpan? _postedWithin;
    private readonly decimal? _minRating;
    private readonly int? _maxProposals;
    private readonly int _limit = DefaultLimit;

    /// <summary>Initializes a query that matches everything.</summary>
    public GigQuery()
    {
    }

    /// <summary>Initializes a query for some keywords; <c>"quoted phrases"</c> stay together.</summary>
    /// <param name="keywords">The words, e.g. <c>logo design</c>.</param>
    public GigQuery(string keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        Keywords = QueryText.SplitTerms(keywords);
    }

    /// <summary>Gets the words or phrases that must all appear in a listing's title, description, category or skills (case-insensitive, at the start of a word).</summary>
    public IReadOnlyList<string> Keywords { get => _keywords; init => _keywords = CleanTerms(value, nameof(Keywords)); }

    /// <summary>Gets the words or phrases none of which may appear.</summary>
    public IReadOnlyList<string> ExcludedWords { get => _excludedWords; init => _excludedWords = CleanTerms(value, nameof(ExcludedWords)); }

    /// <summary>Gets the kind of listing wanted, or <see langword="null"/> for both jobs and services.</summary>
    public GigKind? Kind { get; init; }

    /// <summary>Gets the names of the providers to ask (e.g. <c>fiverr</c>, <c>upwork</c>), or <see langword="null"/> for all registered ones.</summary>
    public IReadOnlyList<string>? Providers
    {
        get => _providers;
        init => _providers = value is null ? null : CleanTerms(value, nameof(Providers)).Select(p => p.ToLowerInvariant()).Distinct().ToArray();
    }

    /// <summary>Gets the least a listing must be able to pay (its highest amount is at least this), in any currency, or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public Money? MinBudget { get => _minBudget; init => _minBudget = NonNegative(value, nameof(MinBudget)); }

    /// <summary>Gets the most a listing may ask for (its lowest amount is at most this), in any currency, or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public Money? MaxBudget { get => _maxBudget; init => _maxBudget = NonNegative(value, nameof(MaxBudget)); }

    /// <summary>Gets fixed or hourly, or <see langword="null"/> for both.</summary>
    public BudgetType? BudgetType { get; init; }

    /// <summary>Gets how recent a listing must be, or <see langword="null"/> for any age.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span is zero or negative.</exception>
    public TimeSpan? PostedWithin
    {
        get => _postedWithin;
        init => _postedWithin = value is { } v && v <= TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(PostedWithin), v, "PostedWithin must be positive.") : value;
    }

    /// <summary>Gets skills of which a listing must have at least one (case-insensitive; <c>React.js</c> matches <c>reactjs</c>).</summary>
    public IReadOnlyList<string> Skills { get => _skills; init => _skills = CleanTerms(value, nameof(Skills)); }

    /// <summary>Gets the buyer countries wanted, as ISO 3166-1 alpha-2 codes; names and alpha-3 codes are normalised on the way in. Empty for any country.</summary>
    /// <exception cref="ArgumentException">A value names no known country.</exception>
    public IReadOnlyList<string> ClientCountries
    {
        get => _clientCountries;
        init => _clientCountries = CleanTerms(value, nameof(ClientCountries))
            .Select(c => CountryCodes.Normalize(c) ?? throw new ArgumentException($"'{c}' is not a country name or ISO 3166 code.", nameof(ClientCountries)))
            .Distinct()
            .ToArray();
    }

    /// <summary>Gets a value indicating whether only buyers with a verified payment method are wanted.</summary>
    public bool PaymentVerifiedOnly { get; init; }

    /// <summary>Gets the lowest rating wanted on a 0–5 scale: the buyer's for jobs, the seller's for services; or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside 0–5.</exception>
    public decimal? MinRating
    {
        get => _minRating;
        init => _minRating = value is < 0 or > 5 ? throw new ArgumentOutOfRangeException(nameof(MinRating), value, "MinRating is on a 0–5 scale.") : value;
    }

    /// <summary>Gets the most proposals (bids, applicants) a listing may have, or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is negative.</exception>
    public int? MaxProposals
    {
        get => _maxProposals;
        init => _maxProposals = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(MaxProposals), value, "MaxProposals cannot be negative.") : value;
    }

    /// <summary>Gets the currency budgets are converted to, or <see langword="null"/> for the aggregator's <see cref="GigAggregatorOptions.Currency"/>.</summary>
    public Currency? TargetCurrency { get; init; }

    /// <summary>Gets how <see cref="GigAggregator.SearchAllAsync(GigQuery, CancellationToken)"/> orders results.</summary>
    public GigSort Sort { get; init; }

    /// <summary>Gets how many results are wanted from each provider.</summary>
    /// <value>The default value is 50; at most <see cref="MaxLimit"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 1 or above <see cref="MaxLimit"/>.</exception>
    public int Limit
    {
        get => _limit;
        init => _limit = value is < 1 or > MaxLimit ? throw new ArgumentOutOfRangeException(nameof(Limit), value, $"Limit must be between 1 and {MaxLimit}.") : value;
    }

    /// <summary>Gets the keywords as one search string for a site's search box: phrases quoted, words separated by spaces.</summary>
    public string KeywordText => string.Join(' ', Keywords.Select(QueryText.Quote));

    /// <summary>Gets the filters this query uses.</summary>
    public GigFilters Filters
    {
        get
        {
            static GigFilters If(bool condition, GigFilters filter) => condition ? filter : GigFilters.None;
            return If(Keywords.Count > 0, GigFilters.Keywords)
                | If(ExcludedWords.Count > 0, GigFilters.ExcludedWords)
                | If(Kind is not null, GigFilters.Kind)
                | If(MinBudget is not null || MaxBudget is not null, GigFilters.Budget)
                | If(BudgetType is not null, GigFilters.BudgetType)
                | If(PostedWithin is not null, GigFilters.PostedWithin)
                | If(Skills.Count > 0, GigFilters.Skills)
                | If(ClientCountries.Count > 0, GigFilters.ClientCountry)
                | If(PaymentVerifiedOnly, GigFilters.PaymentVerified)
                | If(MinRating is not null, GigFilters.MinRating)
                | If(MaxProposals is not null, GigFilters.MaxProposals);
        }
    }

    /// <summary>
    /// Parses the one-line form: words and <c>"phrases"</c> to find, <c>-word</c> to exclude, and filters
    /// <c>budget:&gt;=500000IDR</c>, <c>budget:&lt;=100USD</c>, <c>budget:100..500USD</c>, <c>type:fixed|hourly</c>,
    /// <c>posted:&lt;3d</c> (<c>min</c>, <c>h</c>, <c>d</c>, <c>w</c>), <c>site:fiverr,upwork</c>, <c>kind:job|service</c>,
    /// <c>skill:python,react</c>, <c>country:ID,SG</c>, <c>payment:verified</c>, <c>rating:&gt;=4.5</c>, <c>proposals:&lt;=10</c>,
    /// <c>currency:IDR</c>, <c>sort:relevance|newest|budget-high|budget-low|proposals</c>, <c>limit:100</c>.
    /// </summary>
    /// <param name="text">The query text.</param>
    /// <returns>The query.</returns>
    /// <exception cref="FormatException">A token is unknown or malformed; the message names it and says what was expected.</exception>
    public static GigQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return GigQueryParser.Parse(text, out var query, out var error) ? query : throw new FormatException(error);
    }

    /// <summary>Tries to parse the one-line form (see <see cref="Parse"/>).</summary>
    /// <param name="text">The query text.</param>
    /// <param name="query">The query, when the method returns <see langword="true"/>.</param>
    /// <param name="error">What is wrong, when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the text parsed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out GigQuery? query, [NotNullWhen(false)] out string? error)
    {
        if (text is null)
        {
            query = null;
            error = "The query text is null.";
            return false;
        }

        return GigQueryParser.Parse(text, out query, out error);
    }

    /// <summary>Writes the query in the one-line form that <see cref="Parse"/> reads back.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => GigQueryParser.Format(this);

    /// <summary>Checks the rules that span several values, before a search starts.</summary>
    /// <exception cref="ArgumentException">The budget range is empty (minimum above maximum in one currency).</exception>
    internal void Validate()
    {
        if (MinBudget is { } min && MaxBudget is { } max && min.Currency == max.Currency && min.Amount > max.Amount)
        {
            throw new ArgumentException($"The query's minimum budget ({min}) is above its maximum ({max}).");
        }
    }

    /// <summary>
    /// Tells whether <paramref name="other"/> asks for the same thing: every filter equal, and the word, provider, skill
    /// and country lists equal item by item in the same order (as <see cref="ToString"/> writes them).
    /// </summary>
    /// <param name="other">The other query.</param>
    /// <returns><see langword="true"/> when the two queries are equal.</returns>
    public bool Equals(GigQuery? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && _keywords.SequenceEqual(other._keywords, StringComparer.Ordinal)
            && _excludedWords.SequenceEqual(other._excludedWords, StringComparer.Ordinal)
            && (_providers is null ? other._providers is null : other._providers is not null && _providers.SequenceEqual(other._providers, StringComparer.Ordinal))
            && _skills.SequenceEqual(other._skills, StringComparer.Ordinal)
            && _clientCountries.SequenceEqual(other._clientCountries, StringComparer.Ordinal)
            && _minBudget == other._minBudget
            && _maxBudget == other._maxBudget
            && _postedWithin == other._postedWithin
            && _minRating == other._minRating
            && _maxProposals == other._maxProposals
            && _limit == other._limit
            && Kind == other.Kind
            && BudgetType == other.BudgetType
            && PaymentVerifiedOnly == other.PaymentVerifiedOnly
            && TargetCurrency == other.TargetCurrency
            && Sort == other.Sort);

    /// <summary>Gets a hash code consistent with <see cref="Equals(GigQuery?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var list in (IReadOnlyList<string>?[])[_keywords, _excludedWords, _providers, _skills, _clientCountries])
        {
            hash.Add(list?.Count ?? -1);
            foreach (var item in list ?? [])
            {
                hash.Add(item, StringComparer.Ordinal);
            }
        }

        hash.Add(_minBudget);
        hash.Add(_maxBudget);
        hash.Add(_postedWithin);
        hash.Add(_minRating);
        hash.Add(_maxProposals);
        hash.Add(_limit);
        hash.Add(Kind);
        hash.Add(BudgetType);
        hash.Add(PaymentVerifiedOnly);
        hash.Add(TargetCurrency);
        hash.Add(Sort);
        return hash.ToHashCode();
    }

    private static Money? NonNegative(Money? value, string name) =>
        value is { Amount: < 0 } ? throw new ArgumentOutOfRangeException(name, value, $"{name} cannot be negative.") : value;

    private static string[] CleanTerms(IEnumerable<string> value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
    }
}

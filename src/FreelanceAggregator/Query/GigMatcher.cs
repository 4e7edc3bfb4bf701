namespace FreelanceAggregator;

/// <summary>
/// Applies every filter of a query to one listing, exactly as <see cref="GigAggregator"/> does in a search: the same
/// way for every site. Built once (<see cref="GigAggregator.CreateMatcherAsync"/>), with the budget bounds already
/// converted to <see cref="Currency"/> and "now" read once from the clock, then asked about many listings.
/// </summary>
/// <remarks>
/// Keywords match case-insensitively at the start of a word of the title, description, category or skills, or by the
/// word's stem (a stem keeps at least four letters: <c>development</c> matches <c>developer</c>). Budget bounds are
/// compared with a listing's budget in its own currency when they share it, else with its <see cref="Gig.ConvertedBudget"/>,
/// which must be in <see cref="Currency"/> (listings from <see cref="GigAggregator.ReadPagesAsync"/> are). A listing that
/// lacks the value a filter needs does not pass that filter.
/// </remarks>
public sealed class GigMatcher
{
    private readonly GigQuery _query;
    private readonly Money? _minInTarget;
    private readonly Money? _maxInTarget;
    private readonly DateTimeOffset? _postedAfter;
    private readonly string[] _skills;
    private readonly HashSet<string> _countries;
    private readonly string?[] _stems;

    // Longest first; only a stem of at least four letters is used ("css" stays, "logos" becomes "logo").
    private static readonly string[] StemSuffixes = ["ments", "ment", "ations", "ation", "ions", "ion", "ings", "ing", "ers", "er", "ies", "es", "ed", "s"];

    internal GigMatcher(GigQuery query, Money? minInTarget, Money? maxInTarget, DateTimeOffset now)
    {
        _query = query;
        Currency = query.TargetCurrency ?? minInTarget?.Currency ?? maxInTarget?.Currency ?? Currency.USD;
        _minInTarget = minInTarget;
        _maxInTarget = maxInTarget;
        _postedAfter = query.PostedWithin is { } within ? now - within : null;
        _skills = query.Skills.Select(FoldSkill).ToArray();
        _countries = new HashSet<string>(query.ClientCountries, StringComparer.Ordinal);
        _stems = query.Keywords.Select(Stem).ToArray();
    }

    /// <summary>Gets the query whose filters this applies.</summary>
    public GigQuery Query => _query;

    /// <summary>Gets the currency budget bounds are compared in: the query's target currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the first filter the listing fails, or <see cref="GigFilters.None"/> when it passes all.</summary>
    /// <param name="gig">The listing, its budget converted to <see cref="Currency"/>.</param>
    /// <returns>The filter, or <see cref="GigFilters.None"/>.</returns>
    public GigFilters FirstFailure(Gig gig)
    {
        ArgumentNullException.ThrowIfNull(gig);
        var q = _query;
        if (q.Kind is { } kind && gig.Kind != kind)
        {
            return GigFilters.Kind;
        }

        if (q.BudgetType is { } type && gig.Budget?.Type != type)
        {
            return GigFilters.BudgetType;
        }

        if ((q.MinBudget is not null || q.MaxBudget is not null) && !BudgetMatches(gig))
        {
            return GigFilters.Budget;
        }

        if (_postedAfter is { } after && !(gig.PostedAt >= after))
        {
            return GigFilters.PostedWithin;
        }

        if (q.MaxProposals is { } maxProposals && !(gig.Proposals <= maxProposals))
        {
            return GigFilters.MaxProposals;
        }

        if (q.PaymentVerifiedOnly && gig.Client?.PaymentVerified != true)
        {
            return GigFilters.PaymentVerified;
        }

        if (_countries.Count > 0 && (gig.Client?.Country is not { } country || !_countries.Contains(country)))
        {
            return GigFilters.ClientCountry;
        }

        if (q.MinRating is { } minRating && !((gig.Kind == GigKind.Service ? gig.Seller?.Rating : gig.Client?.Rating) >= minRating))
        {
            return GigFilters.MinRating;
        }

        if (_skills.Length > 0 && !HasAnySkill(gig.Skills))
        {
            return GigFilters.Skills;
        }

        for (var i = 0; i < q.Keywords.Count; i++)
        {
            if (!MentionsKeyword(gig, i))
            {
                return GigFilters.Keywords;
            }
        }

        foreach (var term in q.ExcludedWords)
        {
            if (Mentions(gig, term))
            {
                return GigFilters.ExcludedWords;
            }
        }

        return GigFilters.None;
    }

    /// <summary>Checks whether the listing passes every filter of the query.</summary>
    /// <param name="gig">The listing, its budget converted to <see cref="Currency"/>.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public bool Matches(Gig gig) => FirstFailure(gig) == GigFilters.None;

    // A bound in the budget's own currency is compared exactly; any other is compared after conversion,
    // and a budget that could not be converted does not pass (its value is unknown in the bound's terms).
    private bool BudgetMatches(Gig gig)
    {
        if (gig.Budget is not { } budget)
        {
            return false;
        }

        if (_query.MinBudget is { } min && !AtLeast(gig, budget, min, _minInTarget))
        {
            return false;
        }

        return _query.MaxBudget is not { } max || AtMost(gig, budget, max, _maxInTarget);
    }

    private static bool AtLeast(Gig gig, Budget budget, Money bound, Money? boundInTarget)
    {
        if (bound.Currency == budget.Currency)
        {
            return budget.Highest.Amount >= bound.Amount;
        }

        return gig.ConvertedBudget is { } converted && boundInTarget is { } target && converted.Currency == target.Currency
            && converted.Highest.Amount >= target.Amount;
    }

    private static bool AtMost(Gig gig, Budget budget, Money bound, Money? boundInTarget)
    {
        if (bound.Currency == budget.Currency)
        {
            return budget.Lowest.Amount <= bound.Amount;
        }

        return gig.ConvertedBudget is { } converted && boundInTarget is { } target && converted.Currency == target.Currency
            && converted.Lowest.Amount <= target.Amount;
    }

    // Loops rather than LINQ here and below: this runs for every listing, and a lambda over a listing's skills
    // allocated a closure and an enumerator each time.
    private static bool Mentions(Gig gig, string term)
    {
        if (ContainsWordStart(gig.Title, term) || ContainsWordStart(gig.Description, term) || ContainsWordStart(gig.Category, term))
        {
            return true;
        }

        var skills = gig.Skills;
        for (var i = 0; i < skills.Count; i++)
        {
            if (ContainsWordStart(skills[i], term))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasAnySkill(IReadOnlyList<string> skills)
    {
        for (var i = 0; i < skills.Count; i++)
        {
            var folded = FoldSkill(skills[i]);
            foreach (var wanted in _skills)
            {
                if (string.Equals(wanted, folded, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Sites match loosely ("development" finds "developer"); a keyword therefore also matches by its stem, so the
    // aggregator does not throw away listings every site would call relevant. Exclusions stay exact.
    private bool MentionsKeyword(Gig gig, int index) =>
        Mentions(gig, _query.Keywords[index]) || (_stems[index] is { } stem && Mentions(gig, stem));

    internal static bool MentionsEveryKeyword(Gig gig, IReadOnlyList<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (!Mentions(gig, keyword) && !(Stem(keyword) is { } stem && Mentions(gig, stem)))
            {
                return false;
            }
        }

        return true;
    }

    internal static string? Stem(string term)
    {
        if (term.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var suffix in StemSuffixes)
        {
            if (term.Length - suffix.Length >= 4 && term.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return term[..^suffix.Length];
            }
        }

        return null;
    }

    // "design" matches "Design", "designer" and "web-design" but not "redesign": a term must start a word.
    internal static bool ContainsWordStart(string? text, string term)
    {
        if (string.IsNullOrEmpty(text) || text.Length < term.Length)
        {
            return false;
        }

        var start = 0;
        while (start <= text.Length - term.Length)
        {
            var index = text.IndexOf(term, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            if (index == 0 || !char.IsLetterOrDigit(text[index - 1]))
            {
                return true;
            }

            start = index + 1;
        }

        return false;
    }

    // "React.js", "reactjs" and "React JS" are one skill; "C#" and "C++" keep their symbols.
    private static string FoldSkill(string skill)
    {
        Span<char> buffer = skill.Length <= 128 ? stackalloc char[skill.Length] : new char[skill.Length];
        var length = 0;
        foreach (var c in skill)
        {
            if (c is not (' ' or '.' or '-' or '_'))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}

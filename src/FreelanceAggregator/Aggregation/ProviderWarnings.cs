namespace FreelanceAggregator;

/// <summary>The warnings of one provider's part of a search: every one is logged, the first fifty are kept for its outcome.</summary>
internal sealed class ProviderWarnings
{
    private const int MaxKept = 50;
    private readonly List<GigWarning> _kept = [];
    private readonly string _provider;
    private readonly Action<GigWarning>? _log;
    private int _count;

    public ProviderWarnings(string provider, Action<GigWarning>? log)
    {
        _provider = provider;
        _log = log;
    }

    public void Add(GigWarning warning)
    {
        _log?.Invoke(warning);
        _count++;
        if (_count < MaxKept)
        {
            _kept.Add(warning);
        }
        else if (_count == MaxKept)
        {
            _kept.Add(new GigWarning(GigWarningKind.WarningsOmitted, $"{_provider}: more warnings were left out; see the log."));
        }
    }

    public void AddRange(IReadOnlyList<GigWarning> warnings)
    {
        for (var i = 0; i < warnings.Count; i++)
        {
            if (warnings[i] is { } warning)
            {
                Add(warning);
            }
        }
    }

    public IReadOnlyList<GigWarning> ToList() => [.. _kept];
}

using System.Diagnostics;
using System.Globalization;

namespace FreelanceAggregator.Watch;

/// <summary>
/// Finds the watches each listing matches without testing every listing against every watch: watches are indexed by a
/// keyword's first letters, and by site and kind when they have no keyword, so a listing meets only the watches whose
/// words it contains. Build one per check cycle from the watches being checked; it does not change after that and may
/// be used from several threads.
/// </summary>
/// <remarks>
/// <para>
/// The index applies a query's sites (<see cref="GigQuery.Providers"/>), <see cref="GigQuery.Kind"/>,
/// <see cref="GigQuery.BudgetType"/> and <see cref="GigQuery.Keywords"/> exactly as the aggregator does (keywords through
/// the same word-start and stem test a search applies): these are <see cref="CheckedFilters"/>. Other filters (budget,
/// excluded words, skills, countries, ratings, proposals, age) need the aggregator's own matching, with budgets converted;
/// pass it as the <c>confirm</c> delegate, which is asked only about watches whose query uses such a filter. Without it,
/// a watch with such a filter is returned as a candidate that may still fail it.
/// </para>
/// <para>
/// A keyword is indexed by its first four characters (or all of it, when shorter), which the aggregator's keyword test
/// always needs at the start of a word, whether it matches the word itself or its stem (a stem keeps at least four
/// letters); so the index never misses a watch that the keyword test would accept. A keyword of four ASCII characters
/// or fewer needs no other test.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class WatchIndex
{
    private const int AnchorLength = 4;
    private const int AnyKind = 0;

    private readonly Entry[] _entries;
    private readonly Dictionary<ulong, int[]> _byAnchor;
    private readonly HashSet<ulong> _anchors;
    private readonly Dictionary<(string Provider, int Kind), int[]> _unanchored;
    private readonly int _anchorLengths;
    private long _evaluations;

    /// <summary>Builds the index.</summary>
    /// <param name="watches">The watches; paused ones are left out.</param>
    public WatchIndex(IEnumerable<GigWatch> watches)
    {
        ArgumentNullException.ThrowIfNull(watches);
        _entries = watches.Where(w => w is not null && !w.Paused).DistinctBy(w => w.Id).Select((w, i) => new Entry(w, i)).ToArray();

        // Each watch is filed under the anchor that fewest watches share, of its keywords' anchors: every keyword must
        // appear, so any one of them is a fair door, and the rarest keeps the most listings out.
        var frequency = new Dictionary<ulong, int>();
        foreach (var anchor in _entries.SelectMany(e => e.Anchors))
        {
            frequency[anchor] = frequency.GetValueOrDefault(anchor) + 1;
        }

        var byAnchor = new Dictionary<ulong, List<int>>();
        var unanchored = new Dictionary<(string, int), List<int>>();
        foreach (var entry in _entries)
        {
            if (entry.Anchors.Length > 0)
            {
                var rarest = entry.Anchors.MinBy(a => frequency[a]);
                Add(byAnchor, rarest, entry.Index);
                continue;
            }

            foreach (var provider in entry.Providers ?? [string.Empty])
            {
                Add(unanchored, (provider, entry.Kind is { } kind ? KindCode(kind) : AnyKind), entry.Index);
            }
        }

        _byAnchor = byAnchor.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _unanchored = unanchored.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _anchors = [.. frequency.Keys];
        foreach (var entry in _entries)
        {
            foreach (var length in entry.AnchorLengths)
            {
                _anchorLengths |= 1 << length;
            }
        }
    }

    /// <summary>Gets the filters the index applies itself, exactly as the aggregator does; sites (<see cref="GigQuery.Providers"/>) are applied too.</summary>
    public static GigFilters CheckedFilters => GigFilters.Keywords | GigFilters.Kind | GigFilters.BudgetType;

    /// <summary>Gets how many watches the index holds (paused ones are left out).</summary>
    public int Count => _entries.Length;

    /// <summary>Gets how many watch-and-listing pairs were looked at closely since the index was built: a measure of how much the index spared.</summary>
    internal long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>Finds the watches a listing matches.</summary>
    /// <param name="listing">The listing.</param>
    /// <param name="confirm">
    /// The aggregator's full test of a watch's query against the listing, asked only about watches whose query uses a
    /// filter outside <see cref="CheckedFilters"/>; or <see langword="null"/> to return those as candidates.
    /// </param>
    /// <returns>The watches, in the order they were given.</returns>
    public IReadOnlyList<GigWatch> Match(Gig listing, Func<GigWatch, Gig, bool>? confirm = null)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return Match(listing, confirm, new Scratch(_entries.Length));
    }

    /// <summary>Finds the watches each listing matches.</summary>
    /// <param name="listings">The listings.</param>
    /// <param name="confirm">The aggregator's full test; see <see cref="Match(Gig, Func{GigWatch, Gig, bool}?)"/>.</param>
    /// <returns>For each listing, in order, the watches it matches.</returns>
    public IReadOnlyList<IReadOnlyList<GigWatch>> Match(IEnumerable<Gig> listings, Func<GigWatch, Gig, bool>? confirm = null)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var scratch = new Scratch(_entries.Length);
        var results = new List<IReadOnlyList<GigWatch>>();
        foreach (var listing in listings)
        {
            ArgumentNullException.ThrowIfNull(listing, nameof(listings));
            results.Add(Match(listing, confirm, scratch));
        }

        return results;
    }

    /// <summary>Describes the index.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_entries.Length} watch(es): {_byAnchor.Count} keyword anchor(s), {_unanchored.Count} site and kind group(s)");

    // ASCII letters in upper case, every other ASCII character as it is, and anything beyond ASCII marked as such: for an
    // ASCII character this is exactly OrdinalIgnoreCase, which the aggregator's keyword test uses (no code unit beyond
    // ASCII equals an ASCII one under it, although ToUpperInvariant turns U+017F into 'S'); a test checks every pair.
    internal static char Fold(char c) => c is >= 'a' and <= 'z' ? (char)(c - 32) : c;

    // Up to four ASCII characters, one byte each, with the length above them, so "GO" and "\0\0GO" differ.
    private static ulong Key(ulong packed, int length) => ((ulong)length << 32) | packed;

    private static int KindCode(GigKind kind) => kind == GigKind.Service ? 2 : 1;

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int index)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(index);
    }

    private List<GigWatch> Match(Gig listing, Func<GigWatch, Gig, bool>? confirm, Scratch scratch)
    {
        scratch.Begin(listing.Provider.ToLowerInvariant());
        if (_anchors.Count > 0)
        {
            Collect(listing.Title, scratch);
            Collect(listing.Description, scratch);
            Collect(listing.Category, scratch);
            foreach (var skill in listing.Skills)
            {
                Collect(skill, scratch);
            }

            foreach (var anchor in scratch.Present)
            {
                if (_byAnchor.TryGetValue(anchor, out var indexes))
                {
                    Consider(indexes, listing, confirm, scratch);
                }
            }
        }

        var kind = KindCode(listing.Kind);
        var provider = scratch.Provider;
        foreach (var key in (ReadOnlySpan<(string, int)>)[(provider, kind), (provider, AnyKind), (string.Empty, kind), (string.Empty, AnyKind)])
        {
            if (_unanchored.TryGetValue(key, out var indexes))
            {
                Consider(indexes, listing, confirm, scratch);
            }
        }

        scratch.Matched.Sort();
        var matched = new List<GigWatch>(scratch.Matched.Count);
        foreach (var index in scratch.Matched)
        {
            matched.Add(_entries[index].Watch);
        }

        Interlocked.Add(ref _evaluations, scratch.Evaluated);
        return matched;
    }

    // Every anchor that starts a word somewhere in the text, by the rule the aggregator uses for "starts a word".
    private void Collect(string? text, Scratch scratch)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                continue;
            }

            ulong packed = 0;
            for (var k = 0; k < AnchorLength && i + k < text.Length; k++)
            {
                var c = Fold(text[i + k]);
                if (c >= 0x80)
                {
                    break;
                }

                packed = (packed << 8) | c;
                if ((_anchorLengths & (1 << (k + 1))) != 0 && _anchors.Contains(Key(packed, k + 1)))
                {
                    scratch.Present.Add(Key(packed, k + 1));
                }
            }
        }
    }

    private void Consider(int[] indexes, Gig listing, Func<GigWatch, Gig, bool>? confirm, Scratch scratch)
    {
        foreach (var index in indexes)
        {
            if (!scratch.FirstVisit(index))
            {
                continue;
            }

            var entry = _entries[index];
            if (!entry.Passes(listing, scratch.Provider, scratch.Present))
            {
                continue;
            }

            scratch.Evaluated++;
            if (entry.HasKeywords && !entry.KeywordsProvenByAnchors && !GigMatcher.MentionsEveryKeyword(listing, entry.Watch.Query.Keywords))
            {
                continue;
            }

            if (confirm is not null && entry.NeedsConfirm && !confirm(entry.Watch, listing))
            {
                continue;
            }

            scratch.Matched.Add(index);
        }
    }

    /// <summary>One watch, with what the index checks ready to compare.</summary>
    private sealed class Entry
    {
        public Entry(GigWatch watch, int index)
        {
            Watch = watch;
            Index = index;
            var query = watch.Query;
            Providers = query.Providers?.Select(p => p.ToLowerInvariant()).ToArray();
            Kind = query.Kind;
            BudgetType = query.BudgetType;
            HasKeywords = query.Keywords.Count > 0;
            NeedsConfirm = (query.Filters & ~CheckedFilters) != GigFilters.None;
            var anchors = new List<ulong>();
            var lengths = new List<int>();
            var proven = true;
            foreach (var keyword in query.Keywords)
            {
                if (Anchor(keyword) is { } anchor)
                {
                    anchors.Add(anchor.Key);
                    lengths.Add(anchor.Length);
                    proven &= keyword.Length <= AnchorLength;
                }
                else
                {
                    proven = false;
                }
            }

            // A keyword of at most four ASCII characters is its own anchor and has no stem (stems keep four letters or
            // more), so finding its anchor at the start of a word is the keyword test itself ("seo", "php", "c#", "ui").
            KeywordsProvenByAnchors = proven;
            Anchors = anchors.Distinct().ToArray();
            AnchorLengths = lengths.Distinct().ToArray();
        }

        public GigWatch Watch { get; }

        public int Index { get; }

        public string[]? Providers { get; }

        public GigKind? Kind { get; }

        public BudgetType? BudgetType { get; }

        public bool HasKeywords { get; }

        public bool NeedsConfirm { get; }

        public bool KeywordsProvenByAnchors { get; }

        public ulong[] Anchors { get; }

        public int[] AnchorLengths { get; }

        public bool Passes(Gig listing, string provider, HashSet<ulong> present)
        {
            if (Providers is not null && Array.IndexOf(Providers, provider) < 0)
            {
                return false;
            }

            if (Kind is { } kind && listing.Kind != kind)
            {
                return false;
            }

            if (BudgetType is { } type && listing.Budget?.Type != type)
            {
                return false;
            }

            foreach (var anchor in Anchors)
            {
                if (!present.Contains(anchor))
                {
                    return false;
                }
            }

            return true;
        }

        // A keyword whose first letters are not all ASCII is left unindexed (the keyword test still applies to it):
        // case-insensitive matching beyond ASCII is not a per-letter rule to key on.
        private static (ulong Key, int Length)? Anchor(string keyword)
        {
            var length = Math.Min(AnchorLength, keyword.Length);
            ulong packed = 0;
            for (var k = 0; k < length; k++)
            {
                var c = Fold(keyword[k]);
                if (c >= 0x80)
                {
                    return null;
                }

                packed = (packed << 8) | c;
            }

            return length == 0 ? null : (Key(packed, length), length);
        }
    }

    /// <summary>What one matching call writes as it goes; one per call, so the index itself never changes.</summary>
    private sealed class Scratch(int count)
    {
        private readonly int[] _visited = new int[count];
        private int _generation;

        public HashSet<ulong> Present { get; } = [];

        public List<int> Matched { get; } = [];

        public long Evaluated { get; set; }

        public string Provider { get; private set; } = string.Empty;

        public void Begin(string provider)
        {
            Provider = provider;
            Present.Clear();
            Matched.Clear();
            Evaluated = 0;
            _generation++;
        }

        public bool FirstVisit(int index)
        {
            if (_visited[index] == _generation)
            {
                return false;
            }

            _visited[index] = _generation;
            return true;
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using FreelanceAggregator;
using Spectre.Console;

namespace GigSearch;

/// <summary>
/// Shows a search while it runs and its results after: live and coloured on a terminal, plain text otherwise. Its words
/// are in the renderer's language; amounts are in the culture <see cref="Results"/> is given.
/// </summary>
internal interface IRenderer
{
    Task<GigSearchResult> RunAsync(IReadOnlyList<string> providers, Func<IProgress<GigSearchProgress>, Task<GigSearchResult>> search);

    void Results(GigSearchResult result, DateTimeOffset now, CultureInfo culture);

    void Note(string text);

    void Error(string text);
}

/// <summary>For a pipe, a file or CI: plain lines, one gig per line, no ANSI escapes, nothing redrawn.</summary>
internal sealed class PlainRenderer(TextWriter output, TextWriter error, CultureInfo language) : IRenderer
{
    public async Task<GigSearchResult> RunAsync(IReadOnlyList<string> providers, Func<IProgress<GigSearchProgress>, Task<GigSearchResult>> search)
    {
        output.WriteLine(Words.Format(language, nameof(Strings.Searching), string.Join(", ", providers)));
        return await search(new LineProgress(output, language));
    }

    public void Results(GigSearchResult result, DateTimeOffset now, CultureInfo culture)
    {
        output.WriteLine();
        output.WriteLine(result.Gigs.Count == 0
            ? Words.Get(language, nameof(Strings.NoGigsMatched))
            : Words.Format(language, nameof(Strings.SummaryList), Display.Gigs(result.Gigs.Count, language), result.Currency.Code));
        foreach (var gig in result.Gigs)
        {
            var line = $"[{gig.Provider}] {gig.Title} | " + Words.Format(language, nameof(Strings.LineBudget), Display.Budget(gig.Budget, culture, language));
            if (gig.ConvertedBudget is { } converted && converted.Currency != gig.Budget?.Currency)
            {
                line += $" ({Display.Budget(converted, culture, language)})";
            }

            if (gig.PostedAt is not null)
            {
                line += " | " + Words.Format(language, nameof(Strings.LinePosted), RelativeTime.Describe(gig.PostedAt, now, language));
            }

            if (gig.Proposals is { } proposals)
            {
                line += " | " + (proposals == 1
                    ? Words.Get(language, nameof(Strings.LineProposal))
                    : Words.Format(language, nameof(Strings.LineProposals), proposals.ToString(culture)));
            }

            output.WriteLine(line + " | " + gig.Url);
        }

        output.WriteLine();
        output.WriteLine(Words.Get(language, nameof(Strings.SitesTitle)));
        foreach (var outcome in result.Outcomes)
        {
            output.WriteLine($"  {outcome.Provider}: {Display.Outcome(outcome, language)}");
            foreach (var warning in outcome.Warnings)
            {
                output.WriteLine($"    {Words.Get(language, nameof(Strings.Warning))} {warning.Message}");
            }
        }
    }

    public void Note(string text) => output.WriteLine(text);

    public void Error(string text) => error.WriteLine(text);

    // Only each site's end is written: a log has no line to redraw, and one line per gig received would drown the results.
    private sealed class LineProgress(TextWriter output, CultureInfo language) : IProgress<GigSearchProgress>
    {
        public void Report(GigSearchProgress value)
        {
            if (value.Outcome is { } outcome)
            {
                output.WriteLine($"  {value.Provider}: {Display.Outcome(outcome, language)}");
            }
        }
    }
}

/// <summary>
/// For a terminal: a live line per provider while searching (cleared when the search ends), then a table of the gigs and
/// each site's outcome.
/// </summary>
internal sealed class InteractiveRenderer(IAnsiConsole console, CultureInfo language) : IRenderer
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(100);

    // What the wide table needs besides its Link column: the other columns at their usual widths, with a title column
    // of about 40, and the borders. A terminal that has this plus the longest address gets a separate Link column.
    private const int WideTableBesidesLink = 135;

    // What the other columns of the narrow table take with their borders: Spectre would otherwise share the width out
    // evenly, and the title column, the one that matters, would shrink the most.
    private const int NarrowOtherColumns = 76;

    public async Task<GigSearchResult> RunAsync(IReadOnlyList<string> providers, Func<IProgress<GigSearchProgress>, Task<GigSearchResult>> search)
    {
        var board = new StatusBoard(providers, language);
        GigSearchResult? result = null;
        await console.Live(board.Render(0)).AutoClear(true).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
        {
            // The aggregator reports on its own threads; the board only records, and this loop alone draws, on a
            // steady beat, so the spinner and the running seconds move even while no site reports anything.
            var searching = search(board);
            var frame = 0;
            while (!searching.IsCompleted)
            {
                live.UpdateTarget(board.Render(frame++));
                await Task.WhenAny(searching, Task.Delay(Frame));
            }

            live.UpdateTarget(board.Render(frame));
            result = await searching;
        });
        return result!;
    }

    public void Results(GigSearchResult result, DateTimeOffset now, CultureInfo culture)
    {
        console.WriteLine();
        if (result.Gigs.Count == 0)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(Words.Get(language, nameof(Strings.NoGigsMatched)))}[/]");
        }
        else
        {
            // A whole address needs 50 to 100 columns. On a terminal wide enough it gets its own column, unwrapped so it
            // can be copied; otherwise it goes under the title, where it may wrap, so no column is squeezed to nothing.
            var wide = console.Profile.Width >= WideTableBesidesLink + result.Gigs.Max(g => g.Url.ToString().Length);
            var table = new Table().Border(TableBorder.Rounded).Expand()
                .AddColumn(new TableColumn(Header(nameof(Strings.ColumnSite))).NoWrap())
                .AddColumn(wide ? new TableColumn(Header(nameof(Strings.ColumnTitle))) : new TableColumn(Header(nameof(Strings.ColumnTitleAndLink))) { Width = Math.Max(24, console.Profile.Width - NarrowOtherColumns) })
                .AddColumn(new TableColumn(Header(nameof(Strings.ColumnBudget))) { NoWrap = wide })
                .AddColumn(new TableColumn(Markup.Escape(Words.Format(language, nameof(Strings.ColumnConverted), result.Currency.Code))) { NoWrap = wide })
                .AddColumn(new TableColumn(Header(nameof(Strings.ColumnPosted))) { NoWrap = wide })
                .AddColumn(new TableColumn(Header(wide ? nameof(Strings.ColumnProposals) : nameof(Strings.ColumnBids))).RightAligned());
            if (wide)
            {
                table.AddColumn(new TableColumn(Header(nameof(Strings.ColumnLink))).NoWrap());
            }

            foreach (var gig in result.Gigs)
            {
                // A terminal that knows hyperlinks also opens the address on a click.
                var url = Markup.Escape(gig.Url.ToString());
                var link = $"[link={url}]{url}[/]";
                var title = Markup.Escape(Display.Truncate(gig.Title, 70));
                var cells = new List<string>
                {
                    Markup.Escape(gig.Provider),
                    wide ? title : $"{title}\n[grey]{link}[/]",
                    Markup.Escape(Display.Budget(gig.Budget, culture, language)),
                    Converted(gig, culture),
                    Markup.Escape(RelativeTime.Describe(gig.PostedAt, now, language)),
                    gig.Proposals?.ToString(culture) ?? "-",
                };
                if (wide)
                {
                    cells.Add(link);
                }

                table.AddRow([.. cells]);
            }

            console.Write(table);
            // The sentence is escaped before the bold count goes in, so only that markup is read as markup.
            console.MarkupLine(string.Format(
                language,
                Markup.Escape(Words.Get(language, nameof(Strings.SummaryTable))),
                $"[bold]{Markup.Escape(Display.Gigs(result.Gigs.Count, language))}[/]",
                Markup.Escape(result.Currency.Code)));
        }

        console.WriteLine();
        foreach (var outcome in result.Outcomes)
        {
            console.MarkupLine($"{Icon(outcome)} [bold]{Markup.Escape(outcome.Provider)}[/]: {Markup.Escape(Display.Outcome(outcome, language))}");
            foreach (var warning in outcome.Warnings)
            {
                console.MarkupLine($"    [yellow]{Markup.Escape(Words.Get(language, nameof(Strings.Warning)))}[/] {Markup.Escape(warning.Message)}");
            }
        }
    }

    public void Note(string text) => console.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    // A budget already in the target currency is shown dimmed in that column, so the eye goes to the converted ones.
    private string Converted(Gig gig, CultureInfo culture)
    {
        var text = Markup.Escape(Display.Budget(gig.ConvertedBudget, culture, language));
        return gig.ConvertedBudget?.Currency == gig.Budget?.Currency ? $"[grey]{text}[/]" : text;
    }

    public void Error(string text) => console.MarkupLine($"[red]{Markup.Escape(text)}[/]");

    private string Header(string name) => Markup.Escape(Words.Get(language, name));

    private static string Icon(ProviderOutcome outcome) => outcome.Status switch
    {
        ProviderStatus.Succeeded => "[green]✔[/]",
        ProviderStatus.Skipped => "[yellow]–[/]",
        _ => "[red]✘[/]",
    };

    /// <summary>Each site's state, as the aggregator reports it, and how it draws.</summary>
    private sealed class StatusBoard(IReadOnlyList<string> providers, CultureInfo language) : IProgress<GigSearchProgress>
    {
        private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

        private readonly Lock _lock = new();
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly Dictionary<string, GigSearchProgress> _states = [];

        public void Report(GigSearchProgress value)
        {
            lock (_lock)
            {
                _states[value.Provider] = value;
            }
        }

        public Grid Render(int frame)
        {
            var elapsed = Display.Seconds(Stopwatch.GetElapsedTime(_started), language);
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap()).AddColumn();
            lock (_lock)
            {
                foreach (var provider in providers)
                {
                    var (icon, text) = _states.GetValueOrDefault(provider) switch
                    {
                        null => ("[grey]·[/]", $"[grey]{Say(nameof(Strings.BoardWaiting))}[/]"),
                        { Outcome: null, GigCount: 0 } => ($"[blue]{Spinner[frame % Spinner.Length]}[/]", $"[blue]{Say(nameof(Strings.BoardWaitingForSite), elapsed)}[/]"),
                        { Outcome: null } s => ($"[blue]{Spinner[frame % Spinner.Length]}[/]", $"[blue]{Say(nameof(Strings.BoardSoFar), Display.Gigs(s.GigCount, language), elapsed)}[/]"),
                        { Outcome: { } o } => (Icon(o), o.Status switch
                        {
                            ProviderStatus.Succeeded => $"[green]{Markup.Escape(Display.Outcome(o, language))}[/]",
                            ProviderStatus.Skipped => $"[yellow]{Markup.Escape(Display.Outcome(o, language))}[/]",
                            _ => $"[red]{Markup.Escape(Display.Outcome(o, language))}[/]",
                        }),
                    };
                    grid.AddRow(new Markup(icon), new Markup($"[bold]{Markup.Escape(provider)}[/]"), new Markup(text));
                }
            }

            return grid;
        }

        private string Say(string name, params ReadOnlySpan<object?> args) => Markup.Escape(Words.Format(language, name, args));
    }
}

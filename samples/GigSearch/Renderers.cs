using System.Diagnostics;
using System.Globalization;
using FreelanceAggregator;
using Spectre.Console;

namespace GigSearch;

/// <summary>Shows a search while it runs and its results after: live and coloured on a terminal, plain text otherwise.</summary>
internal interface IRenderer
{
    Task<GigSearchResult> RunAsync(IReadOnlyList<string> providers, Func<IProgress<GigSearchProgress>, Task<GigSearchResult>> search);

    void Results(GigSearchResult result, DateTimeOffset now, CultureInfo culture);

    void Note(string text);

    void Error(string text);
}

/// <summary>For a pipe, a file or CI: plain lines, one gig per line, no ANSI escapes, nothing redrawn.</summary>
internal sealed class PlainRenderer(TextWriter output, TextWriter error) : IRenderer
{
    public async Task<GigSearchResult> RunAsync(IReadOnlyList<string> providers, Func<IProgress<GigSearchProgress>, Task<GigSearchResult>> search)
    {
        output.WriteLine($"Searching {string.Join(", ", providers)} ...");
        return await search(new LineProgress(output));
    }

    public void Results(GigSearchResult result, DateTimeOffset now, CultureInfo culture)
    {
        output.WriteLine();
        output.WriteLine(result.Gigs.Count == 0
            ? "No gigs matched."
            : $"{Display.Gigs(result.Gigs.Count)}, budgets also in {result.Currency.Code}:");
        foreach (var gig in result.Gigs)
        {
            var line = $"[{gig.Provider}] {gig.Title} | budget {Display.Budget(gig.Budget, culture)}";
            if (gig.ConvertedBudget is { } converted && converted.Currency != gig.Budget?.Currency)
            {
                line += $" ({Display.Budget(converted, culture)})";
            }

            if (gig.PostedAt is not null)
            {
                line += " | posted " + RelativeTime.Describe(gig.PostedAt, now);
            }

            if (gig.Proposals is { } proposals)
            {
                line += " | " + (proposals == 1 ? "1 proposal" : $"{proposals.ToString(culture)} proposals");
            }

            output.WriteLine(line + " | " + gig.Url);
        }

        output.WriteLine();
        output.WriteLine("Sites:");
        foreach (var outcome in result.Outcomes)
        {
            output.WriteLine($"  {outcome.Provider}: {Display.Outcome(outcome)}");
            foreach (var warning in outcome.Warnings)
            {
                output.WriteLine($"    warning: {warning}");
            }
        }
    }

    public void Note(string text) => output.WriteLine(text);

    public void Error(string text) => error.WriteLine(text);

    // Only each site's end is written: a log has no line to redraw, and one line per gig received would drown the results.
    private sealed class LineProgress(TextWriter output) : IProgress<GigSearchProgress>
    {
        public void Report(GigSearchProgress value)
        {
            if (value.Outcome is { } outcome)
            {
                output.WriteLine($"  {value.Provider}: {Display.Outcome(outcome)}");
            }
        }
    }
}

/// <summary>
/// For a terminal: a live line per provider while searching (cleared when the search ends), then a table of the gigs and
/// each site's outcome.
/// </summary>
internal sealed class InteractiveRenderer(IAnsiConsole console) : IRenderer
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
        var board = new StatusBoard(providers);
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
            console.MarkupLine("[yellow]No gigs matched.[/]");
        }
        else
        {
            // A whole address needs 50 to 100 columns. On a terminal wide enough it gets its own column, unwrapped so it
            // can be copied; otherwise it goes under the title, where it may wrap, so no column is squeezed to nothing.
            var wide = console.Profile.Width >= WideTableBesidesLink + result.Gigs.Max(g => g.Url.ToString().Length);
            var table = new Table().Border(TableBorder.Rounded).Expand()
                .AddColumn(new TableColumn("Site").NoWrap())
                .AddColumn(wide ? new TableColumn("Title") : new TableColumn("Title and link") { Width = Math.Max(24, console.Profile.Width - NarrowOtherColumns) })
                .AddColumn(new TableColumn("Budget") { NoWrap = wide })
                .AddColumn(new TableColumn($"In {result.Currency.Code}") { NoWrap = wide })
                .AddColumn(new TableColumn("Posted") { NoWrap = wide })
                .AddColumn(new TableColumn(wide ? "Proposals" : "Bids").RightAligned());
            if (wide)
            {
                table.AddColumn(new TableColumn("Link").NoWrap());
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
                    Markup.Escape(Display.Budget(gig.Budget, culture)),
                    Converted(gig, culture),
                    Markup.Escape(RelativeTime.Describe(gig.PostedAt, now)),
                    gig.Proposals?.ToString(culture) ?? "-",
                };
                if (wide)
                {
                    cells.Add(link);
                }

                table.AddRow([.. cells]);
            }

            console.Write(table);
            console.MarkupLine($"[bold]{Display.Gigs(result.Gigs.Count)}[/], budgets also in {result.Currency.Code}.");
        }

        console.WriteLine();
        foreach (var outcome in result.Outcomes)
        {
            console.MarkupLine($"{Icon(outcome)} [bold]{Markup.Escape(outcome.Provider)}[/]: {Markup.Escape(Display.Outcome(outcome))}");
            foreach (var warning in outcome.Warnings)
            {
                console.MarkupLine($"    [yellow]warning:[/] {Markup.Escape(warning)}");
            }
        }
    }

    public void Note(string text) => console.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    // A budget already in the target currency is shown dimmed in that column, so the eye goes to the converted ones.
    private static string Converted(Gig gig, CultureInfo culture)
    {
        var text = Markup.Escape(Display.Budget(gig.ConvertedBudget, culture));
        return gig.ConvertedBudget?.Currency == gig.Budget?.Currency ? $"[grey]{text}[/]" : text;
    }

    public void Error(string text) => console.MarkupLine($"[red]{Markup.Escape(text)}[/]");

    private static string Icon(ProviderOutcome outcome) => outcome.Status switch
    {
        ProviderStatus.Succeeded => "[green]✔[/]",
        ProviderStatus.Skipped => "[yellow]–[/]",
        _ => "[red]✘[/]",
    };

    /// <summary>Each site's state, as the aggregator reports it, and how it draws.</summary>
    private sealed class StatusBoard(IReadOnlyList<string> providers) : IProgress<GigSearchProgress>
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
            var elapsed = Display.Seconds(Stopwatch.GetElapsedTime(_started));
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap()).AddColumn();
            lock (_lock)
            {
                foreach (var provider in providers)
                {
                    var (icon, text) = _states.GetValueOrDefault(provider) switch
                    {
                        null => ("[grey]·[/]", "[grey]waiting[/]"),
                        { Outcome: null, GigCount: 0 } => ($"[blue]{Spinner[frame % Spinner.Length]}[/]", $"[blue]waiting for the site … {elapsed}[/]"),
                        { Outcome: null } s => ($"[blue]{Spinner[frame % Spinner.Length]}[/]", $"[blue]{Display.Gigs(s.GigCount)} so far … {elapsed}[/]"),
                        { Outcome: { } o } => (Icon(o), o.Status switch
                        {
                            ProviderStatus.Succeeded => $"[green]{Markup.Escape(Display.Outcome(o))}[/]",
                            ProviderStatus.Skipped => $"[yellow]{Markup.Escape(Display.Outcome(o))}[/]",
                            _ => $"[red]{Markup.Escape(Display.Outcome(o))}[/]",
                        }),
                    };
                    grid.AddRow(new Markup(icon), new Markup($"[bold]{Markup.Escape(provider)}[/]"), new Markup(text));
                }
            }

            return grid;
        }
    }
}

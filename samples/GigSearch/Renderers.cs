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

/// <summary>For a pipe, a file or CI: plain lines, no ANSI escapes, nothing redrawn.</summary>
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
        output.WriteLine($"{result.Gigs.Count} gigs, budgets also in {result.Currency.Code}:");
        foreach (var gig in result.Gigs)
        {
            output.WriteLine(
                $"[{gig.Provider}] {gig.Title} | {Display.Budget(gig.Budget, culture)} | {Display.Budget(gig.ConvertedBudget, culture)} | "
                + $"{RelativeTime.Describe(gig.PostedAt, now)} | {(gig.Proposals?.ToString(culture) ?? "-")} proposals | {gig.Url}");
        }

        output.WriteLine();
        output.WriteLine("Providers:");
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

    private sealed class LineProgress(TextWriter output) : IProgress<GigSearchProgress>
    {
        public void Report(GigSearchProgress value)
        {
            if (value.Outcome is { } outcome)
            {
                output.WriteLine($"  {value.Provider}: {Display.Outcome(outcome)}");
            }
            else if (value.GigCount == 0)
            {
                output.WriteLine($"  {value.Provider}: waiting");
            }
        }
    }
}

/// <summary>For a terminal: a live line per provider while searching, then a table.</summary>
internal sealed class InteractiveRenderer(IAnsiConsole console) : IRenderer
{
    public async Task<GigSearchResult> RunAsync(IReadOnlyList<string> providers, Func<IProgress<GigSearchProgress>, Task<GigSearchResult>> search)
    {
        var status = providers.ToDictionary(p => p, _ => "[grey]waiting[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Site").AddColumn("Status");
        GigSearchResult? result = null;
        await console.Live(table).AutoClear(false).StartAsync(async live =>
        {
            void Redraw()
            {
                table.Rows.Clear();
                foreach (var (provider, text) in status)
                {
                    table.AddRow(Markup.Escape(provider), text);
                }

                live.Refresh();
            }

            Redraw();
            result = await search(new LiveProgress(status, Redraw));
            Redraw();
        });
        return result!;
    }

    public void Results(GigSearchResult result, DateTimeOffset now, CultureInfo culture)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn("Site").AddColumn("Title").AddColumn("Budget").AddColumn($"In {result.Currency.Code}")
            .AddColumn("Posted").AddColumn(new TableColumn("Proposals").RightAligned()).AddColumn("Link");
        foreach (var gig in result.Gigs)
        {
            table.AddRow(
                Markup.Escape(gig.Provider),
                Markup.Escape(Display.Truncate(gig.Title, 60)),
                Markup.Escape(Display.Budget(gig.Budget, culture)),
                Markup.Escape(Display.Budget(gig.ConvertedBudget, culture)),
                Markup.Escape(RelativeTime.Describe(gig.PostedAt, now)),
                gig.Proposals?.ToString(culture) ?? "-",
                $"[link={Markup.Escape(gig.Url.ToString())}]{Markup.Escape(gig.Url.ToString())}[/]");
        }

        console.Write(table);
        console.MarkupLine($"[bold]{result.Gigs.Count}[/] gigs.");
        foreach (var outcome in result.Outcomes)
        {
            var colour = outcome.Status switch { ProviderStatus.Succeeded => "green", ProviderStatus.Skipped => "yellow", _ => "red" };
            console.MarkupLine($"[{colour}]{Markup.Escape(outcome.Provider)}[/]: {Markup.Escape(Display.Outcome(outcome))}");
            foreach (var warning in outcome.Warnings)
            {
                console.MarkupLine($"  [yellow]warning:[/] {Markup.Escape(warning)}");
            }
        }
    }

    public void Note(string text) => console.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    public void Error(string text) => console.MarkupLine($"[red]{Markup.Escape(text)}[/]");

    private sealed class LiveProgress(Dictionary<string, string> status, Action redraw) : IProgress<GigSearchProgress>
    {
        public void Report(GigSearchProgress value)
        {
            status[value.Provider] = value.Outcome switch
            {
                null when value.GigCount == 0 => "[blue]searching[/]",
                null => $"[blue]{value.GigCount} gigs so far[/]",
                { Status: ProviderStatus.Succeeded } o => $"[green]{Markup.Escape(Display.Outcome(o))}[/]",
                { Status: ProviderStatus.Skipped } o => $"[yellow]{Markup.Escape(Display.Outcome(o))}[/]",
                { } o => $"[red]{Markup.Escape(Display.Outcome(o))}[/]",
            };
            redraw();
        }
    }
}

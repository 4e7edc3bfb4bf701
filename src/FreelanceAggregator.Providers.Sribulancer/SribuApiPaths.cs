using System.Globalization;
using System.Runtime.CompilerServices;

namespace FreelanceAggregator.Providers.Sribulancer;

/// <summary>
/// The JSON paths of <see cref="SribuApiOptions"/>, split into steps (a property name, or a number, which indexes an
/// array) once for the options rather than for every answer or job.
/// </summary>
internal sealed class SribuApiPaths
{
    // Options are read for every page and usually never change; the paths are split again only when they do.
    private static readonly ConditionalWeakTable<SribuApiOptions, SribuApiPaths> Split = new();

    private readonly string[] _source;

    private SribuApiPaths(SribuApiOptions options)
    {
        _source = Sources(options);
        Jobs = Steps(options.JobsPath);
        Total = Steps(options.TotalPath);
        Error = Steps(options.ErrorPath);
        Id = Steps(options.IdPath);
        Title = Steps(options.TitlePath);
        Description = Steps(options.DescriptionPath);
        PostedAt = Steps(options.PostedAtPath);
        Budget = Steps(options.BudgetPath);
        Currency = Steps(options.CurrencyPath);
        Proposals = Steps(options.ProposalsPath);
        Hired = Steps(options.HiredPath);
        ClientName = Steps(options.ClientNamePath);
        ClientUser = Steps(options.ClientUserPath);
        Category = Steps(options.CategoryPath);
        Subcategory = Steps(options.SubcategoryPath);
        ClosesAt = Steps(options.ClosesAtPath);
        Deadline = Steps(options.DeadlinePath);
        Status = Steps(options.StatusPath);
    }

    public object[]? Jobs { get; }

    public object[]? Total { get; }

    public object[]? Error { get; }

    public object[]? Id { get; }

    public object[]? Title { get; }

    public object[]? Description { get; }

    public object[]? PostedAt { get; }

    public object[]? Budget { get; }

    public object[]? Currency { get; }

    public object[]? Proposals { get; }

    public object[]? Hired { get; }

    public object[]? ClientName { get; }

    public object[]? ClientUser { get; }

    public object[]? Category { get; }

    public object[]? Subcategory { get; }

    public object[]? ClosesAt { get; }

    public object[]? Deadline { get; }

    public object[]? Status { get; }

    /// <summary>Gets the paths of the options as they are now.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The paths.</returns>
    public static SribuApiPaths For(SribuApiOptions options)
    {
        if (Split.TryGetValue(options, out var paths) && paths.AreFor(options))
        {
            return paths;
        }

        paths = new SribuApiPaths(options);
        Split.AddOrUpdate(options, paths);
        return paths;
    }

    private static string[] Sources(SribuApiOptions o) =>
    [
        o.JobsPath, o.TotalPath, o.ErrorPath, o.IdPath, o.TitlePath, o.DescriptionPath, o.PostedAtPath, o.BudgetPath, o.CurrencyPath,
        o.ProposalsPath, o.HiredPath, o.ClientNamePath, o.ClientUserPath, o.CategoryPath, o.SubcategoryPath, o.ClosesAtPath, o.DeadlinePath, o.StatusPath,
    ];

    // Set from Sources in the same order: a path set again to an equal text is still the same path.
    private bool AreFor(SribuApiOptions o) =>
        _source[0] == o.JobsPath && _source[1] == o.TotalPath && _source[2] == o.ErrorPath && _source[3] == o.IdPath
        && _source[4] == o.TitlePath && _source[5] == o.DescriptionPath && _source[6] == o.PostedAtPath && _source[7] == o.BudgetPath
        && _source[8] == o.CurrencyPath && _source[9] == o.ProposalsPath && _source[10] == o.HiredPath && _source[11] == o.ClientNamePath
        && _source[12] == o.ClientUserPath && _source[13] == o.CategoryPath && _source[14] == o.SubcategoryPath && _source[15] == o.ClosesAtPath
        && _source[16] == o.DeadlinePath && _source[17] == o.StatusPath;

    // "data.jobsList.data" → ["data", "jobsList", "data"]; "items.0.id" → ["items", 0, "id"]; empty → none.
    private static object[]? Steps(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var steps = new object[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            steps[i] = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : parts[i];
        }

        return parts.Length == 0 ? null : steps;
    }
}

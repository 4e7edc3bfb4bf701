namespace GigSearch;

internal static partial class Sites
{
    // Each provider's registration lives in its own Sites.<Provider>.cs; this list names them in display order.
    // They are methods, not static fields, because static initializers in the files of a partial class run in no
    // defined order, and All (in Sites.cs) is built from this list.
    private static partial IEnumerable<Site> Create() =>
        [Upwork(), Fiverr(), Freelancer(), FreelancerIndonesia(), Sribulancer(), ProjectsCoId(), Microworkers()];
}

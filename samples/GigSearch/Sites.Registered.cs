namespace GigSearch;

internal static partial class Sites
{
    // Each provider's registration lives in its own Sites.<Provider>.cs; this list names them in display order.
    private static partial IEnumerable<Site> Create() => [];
}

using FreelanceAggregator.Providers.Html;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Microworkers;

/// <summary>
/// The Microworkers rules that span several options, and the selectors and pattern, checked when the aggregator is
/// created. Every message names the provider and the option, never the session's value.
/// </summary>
internal sealed class MicroworkersOptionsValidator : IValidateOptions<MicroworkersOptions>
{
    public ValidateOptionsResult Validate(string? name, MicroworkersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = string.IsNullOrEmpty(name) ? MicroworkersProvider.DefaultName : name;
        var errors = new List<string>();
        if (options.SessionCookieProvider is not null && !string.IsNullOrWhiteSpace(options.SessionCookie))
        {
            errors.Add($"SessionCookie and SessionCookieProvider for provider '{provider}' cannot both be set: the delegate supplies every session. Set one.");
        }

        if (!string.IsNullOrWhiteSpace(options.SessionCookie) && MicroworkersSession.Problem(options.SessionCookie, "SessionCookie") is { } problem)
        {
            errors.Add($"{problem} (provider '{provider}').");
        }

        if (string.IsNullOrWhiteSpace(options.SessionCookieName) || options.SessionCookieName.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '=' or ';' or ','))
        {
            errors.Add($"SessionCookieName '{options.SessionCookieName}' for provider '{provider}' is not a cookie name (no spaces, '=', ';' or ',').");
        }

        if (options.BaseAddress is { IsAbsoluteUri: true } address && !IsSafeForTheSession(address))
        {
            errors.Add($"BaseAddress '{address}' for provider '{provider}' is plain http, so the worker's session would travel unencrypted; use https (http is allowed only for a test server on this machine).");
        }

        if (string.IsNullOrWhiteSpace(options.JobsPath) || string.IsNullOrWhiteSpace(options.PageParameter))
        {
            errors.Add($"JobsPath and PageParameter for provider '{provider}' must be set (the defaults are 'jobs.php' and 'page').");
        }

        var page = options.Page;
        foreach (var (option, selector) in Selectors(page))
        {
            if (!HtmlPage.IsValidSelector(selector, out var error))
            {
                errors.Add($"Page.{option} '{selector}' for provider '{provider}' is not a valid CSS selector ({error}).");
            }
        }

        foreach (var (option, selector) in new[] { (nameof(page.Row), page.Row), (nameof(page.Link), page.Link), (nameof(page.Title), page.Title) })
        {
            if (string.IsNullOrWhiteSpace(selector))
            {
                errors.Add($"Page.{option} for provider '{provider}' must be set: every job needs it.");
            }
        }

        if (string.IsNullOrWhiteSpace(page.NoJobsText))
        {
            errors.Add($"Page.NoJobsText for provider '{provider}' must be set: without it an empty job list could not be told from a page whose markup changed.");
        }
        else
        {
            try
            {
                _ = MicroworkersParser.NoJobs(page.NoJobsText);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"Page.NoJobsText '{page.NoJobsText}' for provider '{provider}' is not a valid regular expression ({ex.Message}).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Checks that an address may carry the session: https, or http to this machine (a test server).</summary>
    /// <param name="address">The address.</param>
    /// <returns><see langword="true"/> when it may.</returns>
    internal static bool IsSafeForTheSession(Uri address) =>
        address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback);

    internal static IEnumerable<(string Option, string Selector)> Selectors(MicroworkersPageOptions page) =>
        new (string, string)[]
        {
            (nameof(page.Row), page.Row), (nameof(page.Link), page.Link), (nameof(page.Title), page.Title), (nameof(page.Payment), page.Payment),
            (nameof(page.SuccessRate), page.SuccessRate), (nameof(page.TimeToRate), page.TimeToRate), (nameof(page.TimeToFinish), page.TimeToFinish),
            (nameof(page.Done), page.Done),
        }.Where(s => !string.IsNullOrWhiteSpace(s.Item2));
}

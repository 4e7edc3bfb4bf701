using FreelanceAggregator.Providers.Html;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Sribulancer;

/// <summary>The Sribulancer rules that span several options; every message names the provider and the value.</summary>
internal sealed class SribulancerOptionsValidator : IValidateOptions<SribulancerOptions>
{
    public ValidateOptionsResult Validate(string? name, SribulancerOptions options)
    {
        var provider = string.IsNullOrEmpty(name) ? SribulancerProvider.DefaultName : name;
        var errors = new List<string>();
        if (options.SiteAddress is { } site && (!site.IsAbsoluteUri || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"SiteAddress '{site}' for provider '{provider}' must be an absolute http or https address.");
        }

        if (!options.JobPath.Contains("{id}", StringComparison.Ordinal))
        {
            errors.Add($"JobPath '{options.JobPath}' for provider '{provider}' must hold {{id}}, where the job's id goes.");
        }

        if (options.Source == SribulancerSource.SribuApi)
        {
            if (!options.Api.Query.Contains("{page}", StringComparison.Ordinal))
            {
                errors.Add($"Api.Query for provider '{provider}' must hold {{page}}; without it every page would be the first.");
            }
        }
        else
        {
            if (options.BaseAddress is { } address && address.Host.Equals("api.sribu.com", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"BaseAddress '{address}' for provider '{provider}' is Sribu's API, but Source is BrowsePage; set BaseAddress to the site whose browse-jobs page to read, e.g. https://www.sribu.com/.");
            }

            foreach (var (option, selector) in Selectors(options.Page))
            {
                if (!HtmlPage.IsValidSelector(selector, out var problem))
                {
                    errors.Add($"Page.{option} '{selector}' for provider '{provider}' is not a valid CSS selector ({problem}).");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static IEnumerable<(string Option, string Selector)> Selectors(SribulancerPageOptions page) =>
        new (string, string)[]
        {
            (nameof(page.JobCard), page.JobCard), (nameof(page.Link), page.Link), (nameof(page.Title), page.Title),
            (nameof(page.Description), page.Description), (nameof(page.Budget), page.Budget), (nameof(page.Client), page.Client),
            (nameof(page.Category), page.Category), (nameof(page.Skills), page.Skills), (nameof(page.PostedAt), page.PostedAt),
            (nameof(page.ClosesAt), page.ClosesAt), (nameof(page.Proposals), page.Proposals), (nameof(page.NextPage), page.NextPage),
            (nameof(page.NoResults), page.NoResults),
        }.Where(s => !string.IsNullOrWhiteSpace(s.Item2));
}

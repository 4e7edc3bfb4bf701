using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Freelancer;

/// <summary>The Freelancer rules that DataAnnotations cannot say; each message names the provider and the value (never the token).</summary>
/// <typeparam name="TOptions">The options type of the registration.</typeparam>
internal sealed class FreelancerOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : FreelancerOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = string.IsNullOrEmpty(name) ? typeof(TOptions).Name : name;
        var errors = new List<string>();
        if (options.PublicSite is { } site && (!site.IsAbsoluteUri || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"PublicSite '{site}' for provider '{provider}' must be an absolute http or https address, such as https://www.freelancer.com/.");
        }

        if (options.DisplayCurrency is { } display && !Currency.TryFromCode(display, out _))
        {
            errors.Add($"DisplayCurrency '{display}' for provider '{provider}' is not an active ISO 4217 currency code (e.g. IDR, USD).");
        }

        if (options.Languages is null)
        {
            errors.Add($"Languages for provider '{provider}' is null; use an empty list for every language.");
        }
        else
        {
            foreach (var language in options.Languages)
            {
                if (!IsLanguageCode(language))
                {
                    errors.Add($"Languages for provider '{provider}' holds '{language}', which is not a language code such as 'en' or 'id'.");
                }
            }
        }

        // A token with white space or control characters cannot be a header value, and is most likely a paste error;
        // the message never repeats it.
        if (options.OAuthToken is { } token && (token.Length == 0 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            errors.Add($"OAuthToken for provider '{provider}' is empty or holds white space or control characters ({token.Length} characters); set the access token alone, or null for none.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLanguageCode(string? value) =>
        value is { Length: >= 2 and <= 8 } && value.All(c => char.IsAsciiLetter(c) || c == '-') && char.IsAsciiLetter(value[0]);
}

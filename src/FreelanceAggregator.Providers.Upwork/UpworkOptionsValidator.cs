using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers.Upwork;

/// <summary>The Upwork rules that span several options. The messages name the provider and the options, never a secret's value.</summary>
internal sealed class UpworkOptionsValidator : IValidateOptions<UpworkOptions>
{
    public ValidateOptionsResult Validate(string? name, UpworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = string.IsNullOrEmpty(name) ? UpworkOptions.DefaultName : name;
        var errors = new List<string>();
        if (options.TokenEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"TokenEndpoint '{endpoint}' for provider '{provider}' must be an absolute http or https address.");
        }

        var refresh = new[] { ("ClientId", options.ClientId), ("ClientSecret", options.ClientSecret), ("RefreshToken", options.RefreshToken) };
        var given = refresh.Where(r => !string.IsNullOrWhiteSpace(r.Item2)).Select(r => r.Item1).ToList();
        if (given.Count is > 0 and < 3)
        {
            var missing = refresh.Select(r => r.Item1).Except(given);
            errors.Add($"ClientId, ClientSecret and RefreshToken go together for provider '{provider}' (the provider refreshes access tokens with all three): {string.Join(" and ", given)} {(given.Count == 1 ? "is" : "are")} set, {string.Join(" and ", missing)} not.");
        }

        if (options.AccessTokenProvider is not null && (given.Count > 0 || !string.IsNullOrWhiteSpace(options.AccessToken)))
        {
            errors.Add($"AccessTokenProvider for provider '{provider}' cannot be combined with AccessToken, ClientId, ClientSecret or RefreshToken: the delegate supplies every token. Set one way to authenticate.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

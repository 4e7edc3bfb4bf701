using System.Globalization;
using Microsoft.Extensions.Options;

namespace FreelanceAggregator.Providers;

/// <summary>The rules that span several options; the messages print the numbers and the provider.</summary>
/// <typeparam name="TOptions">The provider's options type.</typeparam>
internal sealed class GigProviderOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : GigProviderOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var provider = string.IsNullOrEmpty(name) ? typeof(TOptions).Name : name;
        var errors = new List<string>();
        if (options.BaseAddress is { } address && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"BaseAddress '{address}' for provider '{provider}' must be an absolute http or https address.");
        }

        if (options.AttemptTimeout > options.RequestTimeout)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"AttemptTimeout ({options.AttemptTimeout.TotalSeconds}s) exceeds RequestTimeout ({options.RequestTimeout.TotalSeconds}s) for provider '{provider}'."));
        }

        if (options.SearchTimeout is { } search && options.PageDelay * (options.MaxPages - 1) >= search)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MaxPages × PageDelay ({options.MaxPages} × {options.PageDelay.TotalSeconds}s) does not fit in SearchTimeout ({search.TotalSeconds}s) for provider '{provider}'."));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

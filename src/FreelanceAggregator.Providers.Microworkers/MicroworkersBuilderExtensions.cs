using FreelanceAggregator.Providers.Microworkers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Microworkers provider to a <see cref="IFreelanceAggregatorBuilder"/>.</summary>
public static class MicroworkersBuilderExtensions
{
    /// <summary>Adds the Microworkers provider, named <c>microworkers</c>, with options from configuration or a later call.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddMicroworkers(this IFreelanceAggregatorBuilder builder) => builder.AddMicroworkers(null, null);

    /// <summary>Adds the Microworkers provider, named <c>microworkers</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.SessionCookie = session</c>, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddMicroworkers(this IFreelanceAggregatorBuilder builder, Action<MicroworkersOptions>? configure) =>
        builder.AddMicroworkers(null, configure);

    /// <summary>Adds the Microworkers provider under a name (e.g. a second worker account); adding it again with the same name only adds <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name, or <see langword="null"/> for <see cref="MicroworkersProvider.DefaultName"/>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddMicroworkers(this IFreelanceAggregatorBuilder builder, string? name, Action<MicroworkersOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        name ??= MicroworkersProvider.DefaultName;
        var first = !builder.Services.Any(d => d.ServiceType == typeof(MicroworkersClientMarker) && d.ImplementationInstance is MicroworkersClientMarker m && m.Name == name);
        builder.AddGigProviderHttpClient(name, configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MicroworkersOptions>, MicroworkersOptionsValidator>());
        if (first)
        {
            builder.Services.AddSingleton(new MicroworkersClientMarker(name));

            // The provider sends the worker's session itself on every request. A cookie jar in the shared handler would
            // also keep whatever session the site sets (a renewed PHPSESSID, an anonymous one after a logout) and send it
            // alongside, after the app has replaced or removed the session.
            builder.Services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler((handler, _) =>
            {
                switch (handler)
                {
                    case SocketsHttpHandler sockets:
                        sockets.UseCookies = false;
                        break;
                    case HttpClientHandler client:
                        client.UseCookies = false;
                        break;
                }
            });
        }

        return builder.AddProvider(name, sp => ActivatorUtilities.CreateInstance<MicroworkersProvider>(sp, name));
    }

    private sealed record MicroworkersClientMarker(string Name);
}

using FreelanceAggregator.Providers.ProjectsCoId;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Projects.co.id provider to a <see cref="IFreelanceAggregatorBuilder"/>.</summary>
public static class ProjectsCoIdBuilderExtensions
{
    /// <summary>Adds the Projects.co.id provider, named <c>projects.co.id</c>, with default options.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddProjectsCoId(this IFreelanceAggregatorBuilder builder) => builder.AddProjectsCoId(null, null);

    /// <summary>Adds the Projects.co.id provider, named <c>projects.co.id</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddProjectsCoId(this IFreelanceAggregatorBuilder builder, Action<ProjectsCoIdOptions>? configure) =>
        builder.AddProjectsCoId(null, configure);

    /// <summary>Adds the Projects.co.id provider under a name; adding it again with the same name only adds <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The provider's name, or <see langword="null"/> for <see cref="ProjectsCoIdProvider.DefaultName"/>.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IFreelanceAggregatorBuilder AddProjectsCoId(this IFreelanceAggregatorBuilder builder, string? name, Action<ProjectsCoIdOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        name ??= ProjectsCoIdProvider.DefaultName;
        builder.AddGigProviderHttpClient(name, configure);
        return builder.AddProvider(name, sp => ActivatorUtilities.CreateInstance<ProjectsCoIdProvider>(sp, name));
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace GigSearch;

internal static partial class Sites
{
    /// <summary>Freelancer.co.id: the same API asked for projects in Indonesian (<c>languages[]=id</c>), linked on www.freelancer.co.id.</summary>
    private static Site FreelancerIndonesia() => new(
        FreelancerBuilderExtensions.IndonesiaDefaultName,
        (builder, offline) => builder.AddFreelancerIndonesia(o => ConfigureFreelancer(o, offline)),
        (server, bundle) => ServeFreelancerPages(server, bundle, "freelancer.co.id", language: "id", ("0", "projects-id-page1.json"), ("3", "projects-id-page2.json")));
}

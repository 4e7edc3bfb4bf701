using System.Globalization;
using FreelanceAggregator.Providers;

namespace FreelanceAggregator.Benchmarks.Support;

/// <summary>
/// Listings shaped like the ones the providers produce (a title, a few hundred characters of description, skills, a
/// category, a budget in the site's currency, a posting time, a client), made up so that any number of distinct ones
/// can be made without a site.
/// </summary>
internal static class SyntheticGigs
{
    /// <summary>The clock every synthetic listing's age is measured against.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] Titles =
    [
        "Logo design for a coffee shop brand",
        "Build a Shopify store with custom theme",
        "Redesign our company logo and business cards",
        "Python developer for data scraping scripts",
        "Translate product descriptions into Indonesian",
        "Designer needed: logo, banner and social media kit",
        "React Native app for food delivery",
        "Write SEO articles about travel in Bali",
    ];

    private static readonly string[] Descriptions =
    [
        "We are a small coffee shop opening a second branch and need a modern, memorable logo. Please send examples of earlier work. "
            + "Deliverables: vector files, a colour palette and a short guide on how to use the mark on cups, signage and the website.",
        "Looking for an experienced developer to set up an online store, migrate about 300 products from a spreadsheet, and adjust the "
            + "theme so it matches our brand. Payment gateways for Indonesia are required; experience with Midtrans is a plus.",
        "Our company has grown and the old mark no longer fits. We want a cleaner redesign that keeps the colours. Business cards and "
            + "a letterhead in the same style complete the job. Please quote a fixed price and a timeline.",
        "We need scripts that collect public prices from a few marketplaces every morning and write them into a database. The code "
            + "must be tested, documented and easy to run on a small server. Long-term work for the right person.",
    ];

    private static readonly string[][] SkillSets =
    [
        ["Logo Design", "Graphic Design", "Illustrator"],
        ["Shopify", "Liquid", "E-commerce"],
        ["Python", "Web Scraping", "PostgreSQL"],
        ["Translation", "Indonesian", "Copywriting"],
        ["React Native", "Mobile App Development"],
    ];

    private static readonly string[] Categories = ["Design", "Websites, IT & Software", "Writing & Content", "Mobile Phones & Computing"];

    private static readonly Currency[] Currencies = [Currency.USD, Currency.IDR, Currency.EUR, Currency.USD, Currency.GBP, Currency.USD];

    /// <summary>What a real provider declares: its site's host, so the aggregator checks every listing's address against it.</summary>
    public static GigProviderCapabilities Capabilities(string provider) => new() { SiteHosts = [Host(provider)] };

    /// <summary>Makes listing number <paramref name="index"/> of provider <paramref name="provider"/>: distinct by id and URL.</summary>
    public static Gig Create(string provider, int index)
    {
        var currency = Currencies[index % Currencies.Length];
        var amount = currency == Currency.IDR ? 750_000m + (index % 40 * 250_000m) : 25m + (index % 60 * 20m);
        var id = (1_000_000 + index).ToString(CultureInfo.InvariantCulture);
        return new Gig
        {
            Provider = provider,
            Id = id,
            Title = Titles[index % Titles.Length],
            Url = new Uri("https://" + Host(provider) + "/projects/" + id + "/listing"),
            Description = Descriptions[index % Descriptions.Length],
            Budget = index % 3 == 0
                ? Budget.Fixed(new Money(amount, currency))
                : Budget.Fixed(new Money(amount, currency), new Money(amount * 2, currency)),
            Skills = SkillSets[index % SkillSets.Length],
            Category = Categories[index % Categories.Length],
            PostedAt = Now - TimeSpan.FromHours(index % 400),
            Proposals = index % 50,
            Client = new GigClient { Country = "ID", PaymentVerified = index % 2 == 0, Rating = 4.5m },
        };
    }

    private static string Host(string provider) => "www." + provider + ".example";
}

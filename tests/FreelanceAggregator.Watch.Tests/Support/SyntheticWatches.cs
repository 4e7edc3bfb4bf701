namespace FreelanceAggregator.Watch.Tests;

/// <summary>
/// Watches and listings with the words freelance sites use, common words far more often than rare ones, from a seed:
/// the index tests and the benchmarks draw the same corpus. Linked into the benchmark project.
/// </summary>
internal sealed class SyntheticWatches(int seed)
{
    public static readonly string[] Terms =
    [
        "logo", "design", "website", "wordpress", "python", "react", "seo", "data entry", "writing", "translation", "video editing",
        "mobile app", "android", "ios", "flutter", "shopify", "ecommerce", "landing page", "javascript", "typescript", "php",
        "laravel", "django", "node.js", "vue", "angular", "c#", ".net", "asp.net", "java", "spring", "kotlin", "swift", "sql",
        "mysql", "postgresql", "mongodb", "firebase", "aws", "azure", "docker", "kubernetes", "devops", "linux", "excel",
        "data analysis", "machine learning", "ai", "chatbot", "scraping", "automation", "selenium", "api", "integration",
        "payment", "stripe", "crm", "salesforce", "hubspot", "marketing", "social media", "instagram", "tiktok", "facebook ads",
        "google ads", "content", "copywriting", "blog", "article", "proofreading", "transcription", "voice over", "podcast",
        "music", "mixing", "accounting", "bookkeeping", "tax", "legal", "contract", "business plan", "presentation",
        "powerpoint", "resume", "research", "survey", "customer service", "virtual assistant", "email", "newsletter", "game",
        "unity", "unreal", "blender", "3d", "animation", "illustration", "photoshop", "illustrator", "figma", "ui", "ux",
        "branding", "brochure", "flyer", "poster", "banner", "infographic", "thumbnail", "youtube", "photography",
        "retouching", "background removal", "vector", "mascot", "character", "comic", "children's book", "t-shirt",
        "packaging", "label", "font", "typography", "icon", "dashboard", "saas", "mvp", "prototype", "wireframe", "testing",
        "qa", "bug fix", "performance", "migration", "hosting", "domain", "dns", "ssl", "cloudflare", "nginx", "backup",
        "maintenance", "support", "tutoring", "course", "blockchain", "solidity", "nft", "crypto", "web3", "security",
        "penetration testing", "networking", "embedded", "arduino", "raspberry pi", "pcb", "cad", "autocad", "solidworks",
        "architecture", "interior design", "product design", "telegram bot", "discord bot", "desain", "pembuatan", "aplikasi",
        "toko online", "penulisan", "terjemahan", "undangan", "kemasan", "sosial media", "admin", "developer", "designer",
        "development", "editing", "writer", "redesign", "logos", "websites", "apps", "developers", "designs",
    ];

    private static readonly string[] Filler =
    [
        "we", "need", "an", "experienced", "person", "to", "help", "with", "our", "project", "the", "and", "for", "a", "of", "in",
        "is", "will", "must", "have", "please", "budget", "deadline", "quality", "fast", "long", "term", "work", "team", "new",
        "small", "business", "company", "looking", "freelancer", "start", "asap", "details", "attached", "good", "english",
        "kami", "butuh", "untuk", "dan", "yang", "dengan", "segera", "harga", "nego",
    ];

    private static readonly string[] Providers = ["upwork", "fiverr", "freelancer", "freelancer.co.id", "sribulancer", "projects.co.id"];

    // How strongly common terms win, and how many description words are terms: with these a popular term ("logo") is in
    // about a quarter of the listings and one pair in 25 matches, denser than real traffic, so timings err high.
    private const double Skew = 1.3;
    private const double DescriptionTermShare = 0.06;

    private readonly Random _random = new(seed);

    public List<GigWatch> Watches(int count)
    {
        var watches = new List<GigWatch>(count);
        for (var i = 0; i < count; i++)
        {
            var keywords = Enumerable.Range(0, _random.Next(10) < 6 ? 1 : 2).Select(_ => Term()).Distinct().ToArray();
            var query = new GigQuery
            {
                // One watch in a hundred has no keyword: sites, kind or budget alone.
                Keywords = _random.Next(100) == 0 ? [] : keywords,
                Providers = _random.Next(10) < 3 ? [Providers[_random.Next(Providers.Length)]] : null,
                Kind = _random.Next(10) < 2 ? (_random.Next(2) == 0 ? GigKind.Job : GigKind.Service) : null,
                BudgetType = _random.Next(10) == 0 ? BudgetType.Hourly : null,
                MinBudget = _random.Next(10) < 2 ? new Money(_random.Next(50, 500), Currency.USD) : null,
            };
            watches.Add(new GigWatch { Name = "watch " + i, Query = query, Subscriber = "user" + _random.Next(count / 3 + 1) });
        }

        return watches;
    }

    public List<Gig> Listings(int count)
    {
        var listings = new List<Gig>(count);
        for (var i = 0; i < count; i++)
        {
            var provider = Providers[_random.Next(Providers.Length)];
            listings.Add(new Gig
            {
                Provider = provider,
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Kind = _random.Next(4) == 0 ? GigKind.Service : GigKind.Job,
                Title = Sentence(4, 10, 0.4),
                Description = Sentence(60, 160, DescriptionTermShare),
                Category = _random.Next(2) == 0 ? Term() : null,
                Skills = Enumerable.Range(0, _random.Next(0, 6)).Select(_ => Capitalise(Term())).ToArray(),
                Url = new Uri($"https://www.{provider}/jobs/{i}"),
                Budget = _random.Next(5) == 0 ? null : (_random.Next(3) == 0 ? Budget.Hourly(new Money(_random.Next(5, 60), Currency.USD)) : Budget.Fixed(new Money(_random.Next(20, 2000), Currency.USD))),
            });
        }

        return listings;
    }

    // Skewed toward the start of the list, as real demand is: "logo" and "website" far more often than "pcb".
    private string Term() => Terms[(int)(Terms.Length * Math.Pow(_random.NextDouble(), Skew))];

    private string Sentence(int min, int max, double termShare)
    {
        var words = new List<string>();
        var length = _random.Next(min, max);
        for (var i = 0; i < length; i++)
        {
            var word = _random.NextDouble() < termShare ? Term() : Filler[_random.Next(Filler.Length)];
            words.Add(_random.Next(8) == 0 ? Capitalise(word) : word);
        }

        return string.Join(_random.Next(6) == 0 ? ", " : " ", words) + ".";
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}

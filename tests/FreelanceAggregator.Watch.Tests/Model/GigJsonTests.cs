using System.Collections.ObjectModel;

namespace FreelanceAggregator.Watch.Tests;

/// <summary>A listing written into an alert reads back equal, down to each amount's decimals and each extra value's type.</summary>
public sealed class GigJsonTests
{
    [Fact]
    public void AFullJobReadsBackEqual()
    {
        var gig = new Gig
        {
            Provider = "upwork",
            Id = "~01abc",
            Title = "React developer \"urgent\" — ünïcödé",
            Url = new Uri("https://www.upwork.com/jobs/~01abc?x=1"),
            Description = "Line one\nline two",
            Budget = Budget.Hourly(new Money(15.50m, Currency.USD), new Money(30m, Currency.USD)),
            ConvertedBudget = new ConvertedBudget(new Money(223_200m, Currency.IDR), new Money(432_000m, Currency.IDR), BudgetType.Hourly, new ExchangeRate(Currency.USD, Currency.IDR, 14_400.123456m, null, "ecb")),
            Skills = ["React.js", "C#"],
            Category = "Web",
            PostedAt = new DateTimeOffset(2026, 11, 30, 23, 59, 59, 123, TimeSpan.FromHours(-5)),
            Proposals = 12,
            Client = new GigClient { Name = "Acme", Country = "US", PaymentVerified = true, Rating = 4.85m, Reviews = 10, TotalSpent = new Money(12_345.67m, Currency.USD), Hires = 3 },
            Extra = new ReadOnlyDictionary<string, object>(new Dictionary<string, object>
            {
                ["featured"] = true,
                ["connects"] = 16,
                ["bigNumber"] = 9_000_000_000L,
                ["fee"] = 0.1m,
                ["bonus"] = new Money(5m, Currency.EUR),
                ["closes"] = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.FromHours(7)),
                ["apply"] = new Uri("https://www.upwork.com/apply/~01abc"),
                ["note"] = "text",
            }),
        };

        var back = GigJson.Read(GigJson.Write(gig));

        IReadOnlyList<string> skills = [];
        IReadOnlyDictionary<string, object> extra = new Dictionary<string, object>();
        Assert.Equal(gig with { Skills = skills, Extra = extra }, back with { Skills = skills, Extra = extra });
        Assert.Equal(gig.Skills, back.Skills);
        Assert.Equal(gig.Url.OriginalString, back.Url.OriginalString);
        Assert.Equal(gig.PostedAt!.Value.Offset, back.PostedAt!.Value.Offset);
        Assert.Equal("15.50", back.Budget!.Min!.Value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(gig.Extra.Count, back.Extra.Count);
        foreach (var (key, value) in gig.Extra)
        {
            Assert.Equal(value.GetType(), back.Extra[key].GetType());
            Assert.Equal(value, back.Extra[key]);
        }
    }

    [Fact]
    public void AMinimalServiceReadsBackEqual()
    {
        var gig = new Gig { Provider = "fiverr", Id = "1", Title = "Logo", Url = new Uri("https://www.fiverr.com/x"), Kind = GigKind.Service, Seller = new GigSeller { Username = "studio" } };

        var back = GigJson.Read(GigJson.Write(gig));

        Assert.Equal(gig with { Skills = back.Skills, Extra = back.Extra }, back);
        Assert.Empty(back.Skills);
        Assert.Empty(back.Extra);
    }
}

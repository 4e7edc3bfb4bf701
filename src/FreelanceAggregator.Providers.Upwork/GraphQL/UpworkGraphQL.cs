using System.Text.Json;
using FreelanceAggregator.ExchangeRates;

namespace FreelanceAggregator.Providers.Upwork.GraphQL;

/// <summary>
/// The one place that knows Upwork's GraphQL request: the query text and how a <see cref="GigQuery"/> becomes its
/// variables. Change the selection or a filter key here and nowhere else.
/// </summary>
/// <remarks>
/// <para>
/// <b>The query.</b> <c>marketplaceJobPostingsSearch</c> (the documented successor of the deprecated
/// <c>marketplaceJobPostings</c>). The selection is deliberately small: Upwork fails the <em>whole</em> query when the token
/// lacks the scope of one selected field, so only fields seen in real answers to keys with the two standard scopes
/// ("Common Entities - Read-Only Access" and "Read marketplace Job Postings") are asked for. Fields that need more
/// (<c>client.companyOrgUid</c>, <c>freelancerClientRelation</c>, <c>relevance</c>, …) are left out.
/// <c>hourlyBudgetMin</c>/<c>hourlyBudgetMax</c> are <c>Money</c> objects on this query (plain numbers only on
/// <c>publicMarketplaceJobPostingsSearch</c>), so they are selected with <c>{ rawValue currency }</c>.
/// </para>
/// <para>
/// <b>The filter keys</b> (type <c>MarketplaceJobPostingsSearchFilter</c>). The sources disagree; the choices:
/// </para>
/// <list type="bullet">
/// <item><description>
/// Keywords: <c>searchExpression_eq</c> (searches title and description). It is in Upwork's own query example and in a
/// report verified against the live API. Some integrations moved to <c>searchTerm_eq { andTerms_all }</c>, which is
/// not documented by Upwork; unsuffixed <c>searchExpression</c> does not exist.
/// </description></item>
/// <item><description>Fixed or hourly: <c>jobType_eq</c> = <c>FIXED</c> | <c>HOURLY</c> (unsuffixed <c>contractType</c> does not exist).</description></item>
/// <item><description>Payment verified: <c>verifiedPaymentOnly_eq: true</c>.</description></item>
/// <item><description>
/// Budget: <c>budgetRange_eq { rangeStart, rangeEnd }</c> for fixed-price and <c>hourlyRate_eq { rangeStart, rangeEnd }</c>
/// for hourly, in whole US dollars, and only when the query names the budget type (one key cannot cover both kinds of
/// job) and its bounds can be converted to USD. The lower bound is rounded down and the upper one up, so the site
/// never drops a job the aggregator's own filter (which always runs afterwards) would keep at a slightly different rate.
/// </description></item>
/// <item><description>Order: <c>sortAttributes: [{ field: RECENCY }]</c> (newest first); <c>searchType</c> is always <c>USER_JOBS_SEARCH</c>, its only value.</description></item>
/// <item><description>
/// Paging: <c>pagination_eq { first, after }</c>. One source found <c>after</c> to be a numeric offset string, others pass
/// <c>pageInfo.endCursor</c>; the provider treats <c>endCursor</c> as opaque and passes it back, which works for both.
/// Another source reports HTTP 500 whenever <c>pagination_eq</c> is sent: the provider then reads the first page
/// without it and says so in a warning.
/// </description></item>
/// </list>
/// <para>
/// Not pushed down (the aggregator filters them): excluded words, posted-within (<c>daysPosted_eq</c> exists but is
/// unconfirmed), skills (<c>ontologySkillIds_all</c> wants Upwork's skill ids, not names), client country
/// (<c>locations_any</c> is the freelancer's location), rating and proposals.
/// </para>
/// </remarks>
internal static class UpworkGraphQL
{
    /// <summary>The GraphQL operation sent with every search.</summary>
    public const string OperationName = "marketplaceJobPostingsSearch";

    /// <summary>The GraphQL document.</summary>
    public const string SearchQuery = """
        query marketplaceJobPostingsSearch($marketPlaceJobFilter: MarketplaceJobPostingsSearchFilter, $searchType: MarketplaceJobPostingSearchType, $sortAttributes: [MarketplaceJobPostingSearchSortAttribute]) {
          marketplaceJobPostingsSearch(marketPlaceJobFilter: $marketPlaceJobFilter, searchType: $searchType, sortAttributes: $sortAttributes) {
            totalCount
            edges {
              node {
                id ciphertext title description createdDateTime publishedDateTime
                category subcategory experienceLevel duration durationLabel engagement
                totalApplicants freelancersToHire
                amount { rawValue currency }
                hourlyBudgetMin { rawValue currency }
                hourlyBudgetMax { rawValue currency }
                skills { name prettyName }
                occupations { category { id prefLabel } }
                client {
                  totalHires totalPostedJobs verificationStatus totalReviews totalFeedback
                  totalSpent { rawValue currency }
                  location { country city }
                }
              }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    /// <summary>Turns a query into the filter part of the request; budget bounds in other currencies are converted to USD with <paramref name="exchangeRates"/>.</summary>
    /// <param name="query">The query.</param>
    /// <param name="exchangeRates">The aggregator's rate source.</param>
    /// <param name="cancellationToken">A token to cancel a rate lookup.</param>
    /// <returns>The filter.</returns>
    public static async ValueTask<UpworkSearchFilter> CreateFilterAsync(GigQuery query, ExchangeRateProvider exchangeRates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(exchangeRates);
        UsdRange? range = null;
        if (query.BudgetType is not null && (query.MinBudget is not null || query.MaxBudget is not null))
        {
            var min = await ToUsdAsync(query.MinBudget, exchangeRates, cancellationToken).ConfigureAwait(false);
            var max = await ToUsdAsync(query.MaxBudget, exchangeRates, cancellationToken).ConfigureAwait(false);

            // A bound that cannot be converted is left to the aggregator, and a lower bound under one dollar says nothing.
            var start = min is { } lo && lo >= 1m ? ToInt(decimal.Floor(lo)) : (int?)null;
            var end = max is { } hi ? ToInt(decimal.Ceiling(hi)) : (int?)null;
            if (start is not null || end is not null)
            {
                range = new UsdRange(start, end);
            }
        }

        return new UpworkSearchFilter
        {
            SearchExpression = query.Keywords.Count > 0 ? query.KeywordText : null,
            JobType = query.BudgetType switch
            {
                BudgetType.Fixed => "FIXED",
                BudgetType.Hourly => "HOURLY",
                _ => null,
            },
            VerifiedPaymentOnly = query.PaymentVerifiedOnly,
            BudgetRange = query.BudgetType == BudgetType.Fixed ? range : null,
            HourlyRate = query.BudgetType == BudgetType.Hourly ? range : null,
        };
    }

    /// <summary>Writes the request body: <c>{"operationName", "query", "variables"}</c>.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="first">The page size, or <see langword="null"/> to send no <c>pagination_eq</c> at all.</param>
    /// <param name="after">The cursor of the page before, or <see langword="null"/> for the first page.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    public static byte[] CreateBody(UpworkSearchFilter filter, int? first, string? after)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("operationName", OperationName);
            json.WriteString("query", SearchQuery);
            json.WriteStartObject("variables");

            json.WriteStartObject("marketPlaceJobFilter");
            if (filter.SearchExpression is { } expression)
            {
                json.WriteString("searchExpression_eq", expression);
            }

            if (filter.JobType is { } jobType)
            {
                json.WriteString("jobType_eq", jobType);
            }

            if (filter.VerifiedPaymentOnly)
            {
                json.WriteBoolean("verifiedPaymentOnly_eq", true);
            }

            WriteRange(json, "budgetRange_eq", filter.BudgetRange);
            WriteRange(json, "hourlyRate_eq", filter.HourlyRate);
            if (first is { } size)
            {
                json.WriteStartObject("pagination_eq");
                json.WriteNumber("first", size);
                if (after is not null)
                {
                    json.WriteString("after", after);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();

            json.WriteString("searchType", "USER_JOBS_SEARCH");
            json.WriteStartArray("sortAttributes");
            json.WriteStartObject();
            json.WriteString("field", "RECENCY");
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRange(Utf8JsonWriter json, string key, UsdRange? range)
    {
        if (range is not { } r)
        {
            return;
        }

        json.WriteStartObject(key);
        if (r.Start is { } start)
        {
            json.WriteNumber("rangeStart", start);
        }

        if (r.End is { } end)
        {
            json.WriteNumber("rangeEnd", end);
        }

        json.WriteEndObject();
    }

    private static async ValueTask<decimal?> ToUsdAsync(Money? bound, ExchangeRateProvider rates, CancellationToken cancellationToken)
    {
        if (bound is not { } money)
        {
            return null;
        }

        if (money.Currency == Currency.USD)
        {
            return money.Amount;
        }

        var rate = await rates.FindRateAsync(money.Currency, Currency.USD, cancellationToken).ConfigureAwait(false);
        return rate?.Convert(money).Amount;
    }

    private static int ToInt(decimal value) => value >= int.MaxValue ? int.MaxValue : (int)value;
}

/// <summary>What the provider asks Upwork to filter (see <see cref="UpworkGraphQL"/> for the keys).</summary>
internal sealed class UpworkSearchFilter
{
    public string? SearchExpression { get; init; }

    public string? JobType { get; init; }

    public bool VerifiedPaymentOnly { get; init; }

    public UsdRange? BudgetRange { get; init; }

    public UsdRange? HourlyRate { get; init; }
}

/// <summary>A range of whole US dollars; either end may be open.</summary>
internal readonly record struct UsdRange(int? Start, int? End);

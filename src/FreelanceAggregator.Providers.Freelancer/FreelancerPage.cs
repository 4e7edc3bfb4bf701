using System.Net;

namespace FreelanceAggregator.Providers.Freelancer;

/// <summary>What the parser needs to know besides the body: who asked, where, what came back and when.</summary>
/// <param name="Provider">The provider's name, for messages.</param>
/// <param name="PublicSite">The site a project's page is on (<c>https://www.freelancer.com/</c>), never the API's address.</param>
/// <param name="RequestUri">The address that answered.</param>
/// <param name="StatusCode">The HTTP status of the answer.</param>
/// <param name="ReceivedOn">The day the answer arrived: the date of the rates it carries.</param>
/// <param name="TokenSent">Whether an OAuth token was sent, to say the right thing when the site refuses.</param>
/// <param name="Redact">Hides the token in text the site wrote (a delegate, so that the token never shows in this record's <c>ToString</c>).</param>
internal sealed record FreelancerParseSettings(string Provider, Uri PublicSite, Uri RequestUri, HttpStatusCode? StatusCode, DateOnly ReceivedOn, bool TokenSent = false, Func<string, string>? Redact = null);

/// <summary>One page of <c>projects/active</c>, read.</summary>
/// <param name="Gigs">The projects that could be read, in the site's order.</param>
/// <param name="ProjectCount">How many entries the page's <c>projects</c> list had, readable or not: the offset advances by this.</param>
/// <param name="TotalCount">The site's <c>total_count</c>, if it gave one.</param>
/// <param name="Warnings">What was skipped or left out, naming the project.</param>
/// <param name="ExchangeRates">
/// The rates the projects' currency objects published (<c>currency.exchange_rate</c>, USD per unit), one per currency
/// other than USD, dated the day the answer arrived.
/// </param>
internal sealed record FreelancerPage(IReadOnlyList<Gig> Gigs, int ProjectCount, long? TotalCount, IReadOnlyList<GigWarning> Warnings, IReadOnlyList<ExchangeRate> ExchangeRates);

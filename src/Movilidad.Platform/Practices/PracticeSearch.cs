using Movilidad.Platform.Search;

namespace Movilidad.Platform.Practices;

public partial class Practice : ISearchable
{
    /// <summary>Found by anyone once published; a rejected practice by nobody.</summary>
    public SearchEntry? ToSearchEntry() => Status == PracticeStatus.Rejected ? null : new SearchEntry(
        "practice", Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"/practices/{Id}",
        Title.Es, Title.En, SearchTexts.Join(Summary.Es, Body.Es), SearchTexts.Join(Summary.En, Body.En),
        Status == PracticeStatus.Published,
        SearchTexts.Values(Countries.Select(c => c.CountryCode)),
        SearchTexts.Values(Elements.Select(e => e.Element?.Code)),
        SearchTexts.Numbers(GcmObjectives.Select(g => g.Objective)),
        [],
        null,
        PublishedAt?.Year ?? SubmittedAt.Year);
}

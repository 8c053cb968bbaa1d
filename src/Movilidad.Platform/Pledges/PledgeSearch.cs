using Movilidad.Platform.Search;

namespace Movilidad.Platform.Pledges;

public partial class Pledge : ISearchable
{
    /// <summary>Found by anyone once published.</summary>
    public SearchEntry? ToSearchEntry() => new(
        "pledge", Key ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"/pledges/{Id}",
        Title.Es, Title.En, Description.Es, Description.En,
        IsPublished,
        SearchTexts.Values(Pledgers.Select(p => p.Institution?.CountryCode)),
        SearchTexts.Values(Elements.Select(e => e.Element?.Code)),
        SearchTexts.Numbers(GcmObjectives.Select(g => g.Objective)),
        [],
        null,
        CreatedAt.Year);
}

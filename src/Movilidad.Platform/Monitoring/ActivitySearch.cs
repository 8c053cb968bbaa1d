using Movilidad.Platform.Plans;
using Movilidad.Platform.Search;

namespace Movilidad.Platform.Monitoring;

public partial class Activity : ISearchable
{
    /// <summary>Found while not deleted and not under a working group's draft (only that group sees it); by anyone once its plan is published.</summary>
    public SearchEntry? ToSearchEntry() => DeletedAt is not null || Action?.Plan?.IsGroupDraft() == true ? null : new SearchEntry(
        "activity", Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"/monitoring/activities/{Id}",
        SearchTexts.Titled(Code, Title.Es), SearchTexts.Titled(Code, Title.En),
        Description.Es, Description.En,
        Action?.Plan?.IsPublished ?? false,
        SearchTexts.Values(Countries.Select(c => c.CountryCode)),
        SearchTexts.Values(Action?.Parent?.Code, Action?.Code),
        SearchTexts.Numbers(GcmObjectives.Select(g => g.Objective)),
        SearchTexts.Values(WorkingGroup?.Code),
        null,
        StartDate?.Year);
}

using Movilidad.Platform.Search;

namespace Movilidad.Platform.Plans;

public partial class PlanElement : ISearchable
{
    /// <summary>Found while not deleted and not in a working group's draft; by anyone once its plan is published.</summary>
    public SearchEntry? ToSearchEntry() => DeletedAt is not null || Plan?.IsGroupDraft() == true ? null : new SearchEntry(
        "element", Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"/elements/{Id}",
        SearchTexts.Titled(Code, Title.Es), SearchTexts.Titled(Code, Title.En),
        SearchTexts.Join([Text.Es, .. Footnotes.Select(f => f.Text.Es)]), SearchTexts.Join([Text.En, .. Footnotes.Select(f => f.Text.En)]),
        Plan?.IsPublished ?? false,
        [],
        SearchTexts.Values(Parent?.Code, Code),
        SearchTexts.Numbers(GcmObjectives.Select(g => g.Objective)),
        SearchTexts.Values(Axes.Select(a => a.Axis?.Code)),
        null,
        StartDate?.Year ?? Plan?.PeriodStart);
}

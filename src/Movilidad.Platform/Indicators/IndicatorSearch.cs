using Movilidad.Platform.Search;

namespace Movilidad.Platform.Indicators;

public partial class Indicator : ISearchable
{
    /// <summary>Found by anyone once its plan is published.</summary>
    public SearchEntry? ToSearchEntry() => new(
        "indicator", Key, $"/indicators/{Id}",
        SearchTexts.Titled(Code, Name.Es), SearchTexts.Titled(Code, Name.En),
        Definition.Es, Definition.En,
        Plan?.IsPublished ?? false,
        [],
        SearchTexts.Values(Element?.Code),
        [],
        SearchTexts.Values(WorkingGroup?.Code),
        null,
        BaselineYear);
}

using Movilidad.Platform.Data;

namespace Movilidad.Platform.Indicators;

/// <summary>Indicators, reporting periods, reports and values are seen with their plan.</summary>
internal sealed class IndicatorPublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) => filters
        .Seen<Indicator>(i => i.Plan!.IsPublished)
        .Seen<ReportingPeriod>(p => p.Plan!.IsPublished)
        .Seen<IndicatorReport>(r => r.Period!.Plan!.IsPublished)
        .Seen<IndicatorValue>(v => v.Report!.Period!.Plan!.IsPublished);
}

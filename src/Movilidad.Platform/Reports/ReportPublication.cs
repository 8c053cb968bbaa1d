using Movilidad.Platform.Data;

namespace Movilidad.Platform.Reports;

/// <summary>A semi-annual report is seen with its plan (its plan is required: without this filter a reader who cannot see the plan would meet a report without one).</summary>
internal sealed class ReportPublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) => filters.Seen<Report>(r => r.Plan!.IsPublished);
}

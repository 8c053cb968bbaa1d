using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Reports;

/// <summary>The Secretariat's summary of the semester, first in the report.</summary>
public sealed class SummarySection : ReportSection<SummarySection.Data>
{
    public sealed record Data(Bilingual Summary);

    public override string Key => "summary";

    public override int Order => 100;

    protected override async Task<Data> CollectDataAsync(MovilidadDb db, ReportScope scope, CancellationToken ct) =>
        new(await db.Reports.AsNoTracking().Where(r => r.Id == scope.ReportId).Select(r => r.Summary).SingleAsync(ct));

    protected override IEnumerable<Block> Render(Data data, ReportText text)
    {
        yield return new Heading(1, text["Report.Section.Summary"]);
        var (summary, language) = text.PickTagged(data.Summary);
        if (summary.Length == 0)
        {
            yield return new Paragraph(text["Report.NoSummary"], IsNote: true);
            yield break;
        }

        foreach (var paragraph in Paragraphs(summary, language))
        {
            yield return paragraph;
        }
    }
}

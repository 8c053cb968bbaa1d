using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Reports;

namespace Movilidad.Web.Features.Reports;

/// <summary>What the title page and running head say about a report, besides its sections.</summary>
public sealed record ReportHead(int Id, Bilingual PlanTitle, string PlanNumber, Semester Semester, ReportStatus Status, DateTime? ApprovedAt, string? ApprovedBy);

/// <summary>
/// Puts a report together from its sections: the live data of a draft or submitted report, the frozen data of an
/// approved one, rendered in Spanish or English.
/// </summary>
public sealed class ReportAssembly(IEnumerable<IReportSection> sections, TextLocalizer texts, TimeProvider clock, ILogger<ReportAssembly> logger)
{
    private readonly IReadOnlyList<IReportSection> ordered = sections.OrderBy(s => s.Order).ToList();

    public static readonly IReadOnlyList<string> Languages = ["es", "en"];

    public IReadOnlyList<IReportSection> Sections => ordered;

    /// <summary>The data of every section as the database has it now.</summary>
    public async Task<Dictionary<string, JsonElement>> CollectAsync(MovilidadDb db, Report report, CancellationToken ct)
    {
        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var scope = new ReportScope(report.Id, report.PlanId, report.Semester);
        foreach (var section in ordered)
        {
            data[section.Key] = await section.CollectAsync(db, scope, ct);
        }

        return data;
    }

    /// <summary>The frozen data of an approved report, else the live data.</summary>
    public async Task<Dictionary<string, JsonElement>> DataAsync(MovilidadDb db, Report report, CancellationToken ct) =>
        report.Snapshot is { } frozen
            ? JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(frozen) ?? throw new InvalidOperationException($"Report {report.Id} has an empty snapshot.")
            : await CollectAsync(db, report, ct);

    public static async Task<ReportHead?> HeadAsync(MovilidadDb db, int id, CancellationToken ct) =>
        await db.Reports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new ReportHead(r.Id, r.Plan!.Title, r.Plan.Number, new Semester(r.Year, r.Half), r.Status, r.ApprovedAt, r.ApprovedBy))
            .SingleOrDefaultAsync(ct);

    /// <summary>The whole document in a language. A section that a frozen report has no data for (added after its approval) is left out.</summary>
    public ReportDocument Build(ReportHead head, IReadOnlyDictionary<string, JsonElement> data, string language)
    {
        logger.LogInformation("Report {ReportId} ({Semester}, {Status}) assembled in {Language} for a document", head.Id, head.Semester, head.Status, language);
        var text = new ReportText(texts, language);
        var blocks = new List<Block>();
        foreach (var section in ordered)
        {
            if (data.TryGetValue(section.Key, out var sectionData))
            {
                blocks.AddRange(section.Render(sectionData, text));
            }
        }

        var facts = new List<string>
        {
            text.Format("Report.Fact.Status", text["ReportStatus." + head.Status]),
            head.ApprovedAt is { } approved
                ? text.Format("Report.Fact.Approved", text.Date(DateOnly.FromDateTime(approved)))
                : text.Format("Report.Fact.Generated", text.Date(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))),
        };
        var period = text.Period(head.Semester);
        return new ReportDocument(
            language,
            new ReportTitlePage(text["Report.Organisation"], text["Report.DocumentTitle"], text.Pick(head.PlanTitle), period, text["ReportStatus." + head.Status], facts, text.Format("Report.Purpose", text.Pick(head.PlanTitle))),
            text["Report.RunningHead"] + " · " + period,
            text["Report.PageNumbering"],
            blocks);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// One import: while it waits, the columns found, the mapping to confirm or correct and the first rows read with it
/// (with their problems, row and column named); once confirmed, its progress (polled, and read again on a reload); then
/// its dataset or the errors that refused it.
/// </summary>
[Authorize]
public class ImportJobModel(MovilidadDb db, LabourImportStaging staging, LabourImportQueue queue, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : WritePage
{
    public LabourImportView Job { get; private set; } = null!;

    /// <summary>The column chosen for each field of the form, as shown (the job's mapping, or what the person chose).</summary>
    public IReadOnlyDictionary<string, string?> Chosen { get; private set; } = new Dictionary<string, string?>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await MayHandleAsync(id, ct))
        {
            return Forbid();
        }

        return await ShowAsync(id, null, ct);
    }

    /// <summary>The first rows read with the mapping of the form, nothing saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        if (!await MayHandleAsync(id, ct))
        {
            return Forbid();
        }

        // Read without the columns named before, so that the form's choices are compared with what the reader finds alone.
        if (await LabourImports.ViewAsync(db, staging, id, null, LabourUpload.Language, ct, new Dictionary<string, string>()) is not { Layout: { } layout })
        {
            return await ShowAsync(id, null, ct);
        }

        if (!layout.UsesMapping)
        {
            var (columns, refused) = LabourImports.ColumnsFrom(Request.Form, layout.Header, layout.Fields, layout.FoundColumns, text);
            if (columns is null)
            {
                Errors = refused;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return await ShowAsync(id, null, ct, fromForm: true, columns);
        }

        var (mapping, errors) = LabourImports.MappingFrom(Request.Form, layout.Header, text);
        if (mapping is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await ShowAsync(id, mapping, ct, fromForm: true);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var rights = await LabourDatasets.ImportRightsAsync(User, auth);
        if (!await LabourImports.MayHandleAsync(db, id, rights, AuditActor.From(HttpContext), ct))
        {
            return Forbid();
        }

        var outcome = await LabourImports.StartAsync(db, staging, queue, id, Request.Form, text, rights, AuditActor.From(HttpContext), clock, LabourUpload.Language, ct);
        return await PageAfterWriteAsync(outcome, $"/labour-market/import/{id}", () => ShowAsync(id, null, ct, fromForm: true));
    }

    private async Task<bool> MayHandleAsync(int id, CancellationToken ct) =>
        await LabourImports.MayHandleAsync(db, id, await LabourDatasets.ImportRightsAsync(User, auth), AuditActor.From(HttpContext), ct);

    private async Task<IActionResult> ShowAsync(int id, Records.TemplateMapping? mapping, CancellationToken ct, bool fromForm = false, IReadOnlyDictionary<string, string>? columns = null)
    {
        if (await LabourImports.ViewAsync(db, staging, id, mapping, LabourUpload.Language, ct, columns) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        var chosen = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (fromForm)
        {
            foreach (var field in LabourImports.ColumnFields.Concat(Records.Measures.All.Select(LabourImports.MeasureField))
                .Concat(job.Layout?.Fields.Select(f => LabourImports.ColumnField(f.Key)) ?? []))
            {
                chosen[field] = Request.Form[field].ToString();
                chosen[field + "-fixed"] = Request.Form[field + "-fixed"].ToString();
            }
        }
        else if (job.Layout is { UsesMapping: false } known)
        {
            foreach (var field in known.Fields)
            {
                chosen[LabourImports.ColumnField(field.Key)] = known.FoundColumns.GetValueOrDefault(field.Key);
            }
        }
        else if (job.Layout?.Mapping is { } m)
        {
            chosen["occupation"] = m.OccupationColumn;
            chosen["classification"] = m.ClassificationColumn;
            chosen["classification-fixed"] = m.Classification is { } c ? Records.OccupationClassifications.Code(c) : null;
            chosen["country"] = m.CountryColumn;
            chosen["country-fixed"] = m.Country;
            chosen["subdivision"] = m.SubdivisionColumn;
            chosen["period"] = m.PeriodColumn;
            chosen["period-fixed"] = m.Period;
            chosen["programme"] = m.ProgrammeColumn;
            chosen["programme-fixed"] = m.Programme;
            chosen["employer"] = m.EmployerColumn;
            foreach (var measure in m.Measures)
            {
                chosen[LabourImports.MeasureField(measure.Measure)] = measure.Column;
            }
        }

        Chosen = chosen;
        return Page();
    }
}

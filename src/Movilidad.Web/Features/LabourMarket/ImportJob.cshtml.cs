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
        if (!await LabourDatasets.MayImportAnyAsync(User, auth))
        {
            return Forbid();
        }

        return await ShowAsync(id, null, ct);
    }

    /// <summary>The first rows read with the mapping of the form, nothing saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        if (!await LabourDatasets.MayImportAnyAsync(User, auth))
        {
            return Forbid();
        }

        if (await LabourImports.ViewAsync(db, staging, id, null, LabourUpload.Language, ct) is not { Layout: { } layout })
        {
            return await ShowAsync(id, null, ct);
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
        if (!rights(null) && !rights("US") && !rights("CA"))
        {
            return Forbid();
        }

        var outcome = await LabourImports.StartAsync(db, staging, queue, id, Request.Form, text, rights, AuditActor.From(HttpContext), clock, LabourUpload.Language, ct);
        return await PageAfterWriteAsync(outcome, $"/labour-market/import/{id}", () => ShowAsync(id, null, ct, fromForm: true));
    }

    private async Task<IActionResult> ShowAsync(int id, Records.TemplateMapping? mapping, CancellationToken ct, bool fromForm = false)
    {
        if (await LabourImports.ViewAsync(db, staging, id, mapping, LabourUpload.Language, ct) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        var chosen = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (fromForm)
        {
            foreach (var field in LabourImports.ColumnFields.Concat(Records.Measures.All.Select(LabourImports.MeasureField)))
            {
                chosen[field] = Request.Form[field].ToString();
                chosen[field + "-fixed"] = Request.Form[field + "-fixed"].ToString();
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

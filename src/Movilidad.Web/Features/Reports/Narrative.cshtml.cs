using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Reports;
using Movilidad.Platform.Institutions;

namespace Movilidad.Web.Features.Reports;

/// <summary>A country's narrative in a report, written by that country's focal point in Spanish, English or both.</summary>
public class NarrativeModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : ReportPage
{
    public int Id { get; private set; }
    public string Country { get; private set; } = string.Empty;
    public Bilingual CountryName { get; private set; } = Bilingual.Empty;
    public Semester Semester { get; private set; }
    public ReportStatus Status { get; private set; }

    /// <summary>After a conflict: the narrative as the other person saved it.</summary>
    public NarrativeView? Current { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? TextEs { get; set; }

    [BindProperty]
    public string? TextEn { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string country, CancellationToken ct)
    {
        if (await LoadAsync(id, country, ct) is { } refused)
        {
            return refused;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string country, CancellationToken ct)
    {
        var (es, en, version) = (TextEs, TextEn, Version);
        if (await LoadAsync(id, country, ct) is { } refused)
        {
            return refused;
        }

        (TextEs, TextEn, Version) = (es, en, version);
        return await PageAfterWriteAsync(await db.SaveNarrativeAsync(id, Country, new NarrativeEdit(version, new Bilingual(es ?? string.Empty, en ?? string.Empty)), AuditActor.From(HttpContext), clock, ct),
            $"/reports/{ReportEditing.Id(id)}", conflict: current =>
            {
                Current = current;
                Version = current.Version;
            });
    }

    private async Task<IActionResult?> LoadAsync(int id, string country, CancellationToken ct)
    {
        Id = id;
        Country = country.ToUpperInvariant();
        if (!await auth.CanAsync(User, ReportOperations.EditNarrative, new CountryScope(Country)))
        {
            return Forbid();
        }

        var report = await db.Reports.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Year, r.Half, r.Status }).SingleOrDefaultAsync(ct);
        var name = await db.Countries.AsNoTracking().Where(c => c.Alpha2 == Country).Select(c => c.Name).SingleOrDefaultAsync(ct);
        if (report is null || name is null || !(await db.MemberCountriesAsync(ct)).Contains(Country))
        {
            return NotFound();
        }

        Semester = new Semester(report.Year, report.Half);
        Status = report.Status;
        CountryName = name;
        var narrative = await db.ReportNarratives.AsNoTracking().SingleOrDefaultAsync(n => n.ReportId == id && n.CountryCode == Country, ct);
        Version = narrative?.Version ?? 0;
        TextEs = narrative?.Text.Es;
        TextEn = narrative?.Text.En;
        return null;
    }
}

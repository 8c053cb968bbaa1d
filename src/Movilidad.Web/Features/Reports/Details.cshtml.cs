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
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Reports;

/// <summary>A report: its sections as they will print, the narratives per country, the summary, the moves of its status and the downloads.</summary>
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IAuthorizationService auth, ReportAssembly assembly, TimeProvider clock) : ReportPage
{
    public sealed record CountryRow(string Country, Bilingual Name, NarrativeView? Narrative, bool CanEdit);

    public ReportView Report { get; private set; } = null!;
    public ReportHead Head { get; private set; } = null!;
    public ReportDocument Preview { get; private set; } = null!;
    public IReadOnlyList<CountryRow> Countries { get; private set; } = [];
    public bool CanPrepare { get; private set; }
    public bool CanApprove { get; private set; }

    /// <summary>Someone who does not work on the plans: an approved report of a published plan, read-only (any other is not found).</summary>
    public bool IsPublic { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? SummaryEs { get; set; }

    [BindProperty]
    public string? SummaryEn { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, keepTyped: false, ct);

    public async Task<IActionResult> OnPostSummaryAsync(int id, CancellationToken ct) =>
        await auth.CanAsync(User, ReportOperations.Prepare)
            ? await AfterAsync(id, await db.SaveSummaryAsync(id, new SummaryEdit(Version, new Bilingual(SummaryEs ?? string.Empty, SummaryEn ?? string.Empty)), AuditActor.From(HttpContext), clock, ct), ct)
            : Forbid();

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        await auth.CanAsync(User, ReportOperations.Prepare)
            ? await AfterAsync(id, await db.SubmitAsync(id, new ReportMove(Version, null), AuditActor.From(HttpContext), clock, ct), ct)
            : Forbid();

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        await auth.CanAsync(User, ReportOperations.Approve)
            ? await AfterAsync(id, await db.ApproveAsync(id, new ReportMove(Version, null), assembly, AuditActor.From(HttpContext), clock, ct), ct)
            : Forbid();

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        await auth.CanAsync(User, ReportOperations.Approve)
            ? await AfterAsync(id, await db.ReturnAsync(id, new ReportMove(Version, Comment), AuditActor.From(HttpContext), clock, ct), ct)
            : Forbid();

    private Task<IActionResult> AfterAsync(int id, WriteOutcome<ReportView> outcome, CancellationToken ct) =>
        PageAfterWriteAsync(outcome, $"/reports/{ReportEditing.Id(id)}", () => ShowAsync(id, keepTyped: true, ct));

    private async Task<IActionResult> ShowAsync(int id, bool keepTyped, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        IsPublic = !await auth.CanAsync(User, ReportOperations.Read);
        var report = await db.Reports.AsNoTracking().Include(r => r.Narratives).SingleOrDefaultAsync(r => r.Id == id, ct);
        var head = await ReportAssembly.HeadAsync(db, id, ct);
        if (report is null || head is null || (IsPublic && report.Status != ReportStatus.Approved))
        {
            return NotFound();
        }

        Report = ReportEditing.View(report);
        Head = head;
        Preview = assembly.Build(head, await assembly.DataAsync(db, report, ct), System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "es");
        CanPrepare = await auth.CanAsync(User, ReportOperations.Prepare);
        CanApprove = await auth.CanAsync(User, ReportOperations.Approve);
        if (!keepTyped)
        {
            SummaryEs = report.Summary.Es;
            SummaryEn = report.Summary.En;
        }

        // The version the next write starts from: after a conflict, the current one, with what was typed still in the form.
        Version = report.Version;
        var members = await db.MemberCountriesAsync(ct);
        var names = await db.Countries.AsNoTracking().Where(c => members.Contains(c.Alpha2)).ToDictionaryAsync(c => c.Alpha2, c => c.Name, ct);
        var rows = new List<CountryRow>();
        foreach (var country in members)
        {
            var canEdit = report.Status == ReportStatus.Draft && await auth.CanAsync(User, ReportOperations.EditNarrative, new CountryScope(country));
            rows.Add(new CountryRow(country, names.GetValueOrDefault(country) ?? new Bilingual(country, country),
                Report.Narratives.SingleOrDefault(n => n.Country == country), canEdit));
        }

        Countries = rows.OrderBy(r => r.Name.Current, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Page();
    }
}

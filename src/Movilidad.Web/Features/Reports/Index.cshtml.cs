using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Reports;

namespace Movilidad.Web.Features.Reports;

/// <summary>The semi-annual reports (the approved ones for the public), and for the Secretariat the form that starts one.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : ReportPage
{
    public sealed record PlanChoice(int Id, string Number, Bilingual Title);

    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];
    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];
    public bool CanPrepare { get; private set; }

    /// <summary>Someone who does not work on the plans: the approved reports of published plans, read-only.</summary>
    public bool IsPublic { get; private set; }

    [BindProperty]
    public int PlanId { get; set; }

    [BindProperty]
    public string? Semester { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // The semester that has just ended is the one usually reported on.
        var last = today.Month > 6 ? new Semester(today.Year, 1) : new Semester(today.Year - 1, 2);
        Semester = last.ToString();
        // The plan whose actions carry the operational plan's activities.
        PlanId = await db.Activities.AsNoTracking().GroupBy(a => a.Action!.PlanId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
        if (PlanId == 0 && Plans.Count > 0)
        {
            PlanId = Plans[0].Id;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, ReportOperations.Prepare))
        {
            return Forbid();
        }

        return await PageAfterWriteAsync(await db.CreateReportAsync(new ReportCreate(PlanId, Semester ?? string.Empty), AuditActor.From(HttpContext), clock, ct),
            saved => Task.FromResult<IActionResult>(Redirect($"/reports/{ReportEditing.Id(saved.Id)}")), async () =>
            {
                db.ChangeTracker.Clear();
                await LoadAsync(ct);
                return Page();
            });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsPublic = !await auth.CanAsync(User, ReportOperations.Read);
        Reports = await db.ReportSummariesAsync(approvedOnly: IsPublic, ct);
        CanPrepare = await auth.CanAsync(User, ReportOperations.Prepare);
        Plans = await db.Plans.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new PlanChoice(p.Id, p.Number, p.Title)).ToListAsync(ct);
    }
}

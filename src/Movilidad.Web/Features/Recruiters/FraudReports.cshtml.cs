using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>
/// The dashboard of reports received by country and month (counts only, public), and for a focal point (their
/// country's) or the Secretariat (all) the reports with the reporter's contact details and the triage form.
/// </summary>
[AllowAnonymous]
public class FraudReportsModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FraudReportCount> Counts { get; private set; } = [];
    public IReadOnlyList<FraudReportView> Reports { get; private set; } = [];
    public bool MayTriage { get; private set; }
    public int? ConflictId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int id, int version, FraudReportStatus status, string? note, CancellationToken ct)
    {
        var country = await db.FraudReports.Where(f => f.Id == id).Select(f => f.Country).FirstOrDefaultAsync(ct);
        if (country is null)
        {
            return NotFound();
        }

        if (!await auth.CanAsync(User, RecruiterOperations.TriageFraudReports, new CountryScope(country)))
        {
            return Forbid();
        }

        switch (await RecruiterEditing.TriageAsync(db, id, new FraudTriage(version, status, note), AuditActor.From(HttpContext), clock, ct))
        {
            case WriteOutcome<FraudReportView>.Saved:
                return Redirect("/fraud-reports");
            case WriteOutcome<FraudReportView>.Conflict:
                ConflictId = id;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counts = await RecruitersApi.CountsAsync(db, ct);
        if (User.Identity?.IsAuthenticated == true)
        {
            var readable = await RecruitersApi.ReadableCountriesAsync(HttpContext, db, auth, ct);
            MayTriage = readable.Count > 0;
            Reports = (await db.FraudReports.AsNoTracking().Where(f => readable.Contains(f.Country)).OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
                .Take(RecruitersApi.MaxResults).ToListAsync(ct)).Select(RecruiterEditing.View).ToList();
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Mentoring;

/// <summary>
/// The mentoring experts: the validated ones for every signed-in person (contacts only where <see cref="MentoringApi.ExpertsAsync"/>
/// gives them), and for the Secretariat the queue of registrations to validate.
/// </summary>
[Authorize]
public class ExpertsModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : MentoringPage
{
    public IReadOnlyList<ExpertView> Experts { get; private set; } = [];

    public bool Manages { get; private set; }

    public bool Validated { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool validated, CancellationToken ct)
    {
        Validated = validated;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostValidateAsync(int expertId, int version, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, MentoringOperations.Manage, null))
        {
            return Forbid();
        }

        return await PageAfterWriteAsync(await MentoringApi.ValidateAsync(db, expertId, version, AuditActor.From(HttpContext), clock, ct), "/mentoring/experts?validated=true", async () =>
        {
            await LoadAsync(ct);
            return Page();
        });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Manages = await auth.CanAsync(User, MentoringOperations.Manage, null);
        Experts = await MentoringApi.ExpertsAsync(db, User, auth, null, null, ct);
        await LoadNamesAsync(db, ct);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Mentoring;

/// <summary>
/// An expert's own profile: areas, languages, country, hours a month and contact, edited through the API's write
/// (version read, 409 when someone else saved first, audited); the status stays as the Secretariat left it.
/// </summary>
[Authorize]
public class ProfileModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : MentoringPage
{
    public ExpertView? Me { get; private set; }

    [BindProperty]
    public ExpertForm Form { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<(string Key, string? Parent, Bilingual Name)> Areas { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
        if (Me is { } me)
        {
            Form = new ExpertForm
            {
                Name = me.Name, Country = me.Country, Kind = me.Kind, Areas = [.. me.Areas], Languages = [.. me.Languages], HoursPerMonth = me.HoursPerMonth, Contact = me.Contact,
            };
            Version = me.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = AuditActor.From(HttpContext).AccountId;
        var id = await db.MentoringExperts.AsNoTracking().Where(e => e.AccountId == account).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return NotFound();
        }

        var change = new ExpertChange(Version, Form.Name, Form.Country, Form.Kind, Form.Areas, Form.Languages, Form.HoursPerMonth, Form.Contact);
        var outcome = await MentoringApi.EditExpertAsync(db, id.Value, change, User, auth, AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, "/mentoring/profile?saved=true", async () =>
        {
            await LoadAsync(ct);
            return Page();
        }, current => Version = current.Version);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var account = AuditActor.From(HttpContext).AccountId;
        var me = await db.MentoringExperts.AsNoTracking().FirstOrDefaultAsync(e => e.AccountId == account, ct);
        Me = me is null ? null : ExpertView.Of(me);
        Areas = await IndexModel.AreaChoicesAsync(db, ct);
        await LoadNamesAsync(db, ct);
    }
}

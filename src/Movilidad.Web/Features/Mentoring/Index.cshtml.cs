using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Mentoring;

/// <summary>
/// Virtual mentoring for a signed-in person: their requests (as mentee or as expert) with the experts proposed and the
/// reasons of their rank, the contacts once matched; a form to ask for mentoring and one to register as an expert.
/// </summary>
[Authorize]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    public IReadOnlyList<RequestView> Requests { get; private set; } = [];

    public ExpertView? Me { get; private set; }

    public IReadOnlyList<(string Key, string? Parent, Bilingual Name)> Areas { get; private set; } = [];

    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    public bool Manages { get; private set; }

    [BindProperty]
    public MentoringAskForm Ask { get; set; } = new();

    [BindProperty]
    public ExpertForm Register { get; set; } = new();

    public string? Done { get; private set; }

    /// <summary>Which form was sent (ask or register), to show its errors beside it.</summary>
    public string? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done is "asked" or "registered" ? done : null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync(CancellationToken ct)
    {
        Posted = "ask";
        var outcome = await MentoringApi.AskAsync(db, new MentoringAsk(Ask.Country, Ask.Topic, Ask.Language, Ask.Description, Ask.Contact), User, AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, "/mentoring?done=asked", ShowAsync(ct));
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        Posted = "register";
        var body = new ExpertRegistration(Register.Name, Register.Country, Register.Kind, Register.Areas, Register.Languages, Register.HoursPerMonth, Register.Contact);
        var outcome = await MentoringApi.RegisterAsync(db, body, AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, "/mentoring?done=registered", ShowAsync(ct));
    }

    private Func<Task<IActionResult>> ShowAsync(CancellationToken ct) => async () =>
    {
        await LoadAsync(ct);
        return Page();
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Manages = await auth.CanAsync(User, MentoringOperations.Manage, null);
        var mine = await MentoringApi.RequestsAsync(db, User, auth, ct);
        var views = new List<RequestView>();
        foreach (var r in mine.Take(50))
        {
            views.Add((await MentoringApi.RequestAsync(db, r.Id, User, auth, ct))!);
        }

        Requests = views;
        var account = AuditActor.From(HttpContext).AccountId;
        var me = await db.MentoringExperts.AsNoTracking().FirstOrDefaultAsync(e => e.AccountId == account, ct);
        Me = me is null ? null : ExpertView.Of(me);
        Areas = [.. (await MentoringApi.AreasAsync(db, ct)).Select(a => (a.Key, a.Value.Parent, a.Value.Name)).OrderBy(a => a.Key.StartsWith('l') ? 1 : 0).ThenBy(a => a.Parent ?? a.Key, StringComparer.Ordinal).ThenBy(a => a.Parent is null ? 0 : 1)];
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
    }

    public string CountryName(string code) => CountryNames.TryGetValue(code, out var name) ? name.Current : code;

    public string AreaName(string key) => Areas.FirstOrDefault(a => a.Key == key) is { Key: not null } area ? area.Name.Current : key;
}

/// <summary>The request form.</summary>
public sealed class MentoringAskForm
{
    public string? Country { get; set; }

    public string? Topic { get; set; }

    public string? Language { get; set; } = "es";

    public string? Description { get; set; }

    public string? Contact { get; set; }
}

/// <summary>The expert's registration form.</summary>
public sealed class ExpertForm
{
    public string? Name { get; set; }

    public string? Country { get; set; }

    public string? Kind { get; set; }

    public List<string> Areas { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public int? HoursPerMonth { get; set; }

    public string? Contact { get; set; }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Mentoring;

/// <summary>
/// Virtual mentoring for a signed-in person: their requests (as mentee or as expert) with the experts proposed and the
/// reasons of their rank, the contacts once matched; a form to ask for mentoring and one to register as an expert.
/// </summary>
[Authorize]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : MentoringPage
{
    public IReadOnlyList<RequestView> Requests { get; private set; } = [];

    public ExpertView? Me { get; private set; }

    public IReadOnlyList<(string Key, string? Parent, Bilingual Name)> Areas { get; private set; } = [];

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
        return await PageAfterWriteAsync(outcome, r => Task.FromResult<IActionResult>(Redirect($"/mentoring/requests/{r.Id}?done=asked")), ShowAsync(ct));
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
        Areas = await AreaChoicesAsync(db, ct);
        await LoadNamesAsync(db, ct);
    }

    /// <summary>The areas to choose from, each pillar followed by its topics, the plan's lines last.</summary>
    public static async Task<IReadOnlyList<(string Key, string? Parent, Bilingual Name)>> AreaChoicesAsync(MovilidadDb db, CancellationToken ct) =>
        [.. (await MentoringApi.AreasAsync(db, ct)).Select(a => (a.Key, a.Value.Parent, a.Value.Name)).OrderBy(a => a.Key.StartsWith('l') ? 1 : 0).ThenBy(a => a.Parent ?? a.Key, StringComparer.Ordinal).ThenBy(a => a.Parent is null ? 0 : 1)];

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

/// <summary>The fields of an expert's registration or profile, under <paramref name="Prefix"/>, with the areas and countries to choose from.</summary>
public sealed record ExpertFields(ExpertForm Form, string Prefix, IReadOnlyList<(string Key, string? Parent, Bilingual Name)> Areas, IReadOnlyDictionary<string, Bilingual> Countries);

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

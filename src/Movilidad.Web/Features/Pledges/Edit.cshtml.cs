using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Pledges;

public sealed class MilestoneForm
{
    public string? Title { get; set; }
    public string? DueDate { get; set; }
    public bool Done { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(DueDate);
}

/// <summary>The pledge form as typed: dates are text until they are read.</summary>
public sealed class PledgeForm
{
    public int Version { get; set; }
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionEs { get; set; }
    public string? DescriptionEn { get; set; }
    public List<int> Pledgers { get; set; } = [];
    public int? MatchingPledgeId { get; set; }
    public List<int> GcmObjectives { get; set; } = [];
    public List<MilestoneForm> Milestones { get; set; } = [];
    public List<int> Elements { get; set; } = [];
    public List<int> Activities { get; set; } = [];
    public List<int> Indicators { get; set; } = [];

    public static PledgeForm From(PledgeSnapshot p) => new()
    {
        Version = p.Version,
        TitleEs = p.Title.Es,
        TitleEn = p.Title.En,
        DescriptionEs = p.Description.Es,
        DescriptionEn = p.Description.En,
        Pledgers = [.. p.Pledgers.Select(x => x.Id)],
        MatchingPledgeId = p.MatchingPledgeId,
        GcmObjectives = [.. p.GcmObjectives],
        Milestones = [.. p.Milestones.Select(m => new MilestoneForm { Title = m.Title, DueDate = PageFormats.Iso(m.DueDate), Done = m.Done })],
        Elements = [.. p.Elements],
        Activities = [.. p.Activities],
        Indicators = [.. p.Indicators],
    };

    public (PledgeEdit? Edit, Dictionary<string, string[]> Errors) ToEdit()
    {
        var errors = new Dictionary<string, string[]>();
        var milestones = new List<MilestoneEdit>();
        foreach (var (m, i) in Milestones.Where(m => !m.IsBlank).Select((m, i) => (m, i)))
        {
            if (!PageFormats.TryParseDate(m.DueDate, out var due))
            {
                errors[$"milestones[{i}].dueDate"] = [$"{m.DueDate} is not a date."];
            }

            milestones.Add(new MilestoneEdit(m.Title ?? string.Empty, due, m.Done));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new PledgeEdit(Version, new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty), new Bilingual(DescriptionEs ?? string.Empty, DescriptionEn ?? string.Empty),
                Pledgers, MatchingPledgeId, GcmObjectives, milestones, Elements, Activities, Indicators), errors);
    }
}

public class EditModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : PledgePage
{
    public const int BlankMilestones = 3;

    [BindProperty]
    public PledgeForm Form { get; set; } = new();

    public int? Id { get; private set; }
    public PledgeChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await db.FindPledgeAsync(existing, ct) is not { } pledge)
            {
                return NotFound();
            }

            if (!await auth.CanAsync(User, PledgeOperations.Edit, await db.PledgeScopeAsync(pledge, User, ct)))
            {
                return Forbid();
            }

            Form = PledgeForm.From(PledgeEditing.Snapshot(pledge));
        }
        else if (!PledgePermissions.RecordsPledges(User))
        {
            return Forbid();
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!PledgePermissions.RecordsPledges(User))
        {
            return Forbid();
        }

        var (edit, errors) = Form.ToEdit();
        if (edit is null)
        {
            return await RefuseAsync(errors, () => ShowAsync(ct));
        }

        var actor = AuditActor.From(HttpContext);
        WriteOutcome<PledgeSnapshot> outcome;
        if (id is { } existing)
        {
            if (await db.FindPledgeAsync(existing, ct) is not { } current)
            {
                return NotFound();
            }

            if (!await auth.CanAsync(User, PledgeOperations.Edit, await db.PledgeScopeAsync(current, User, ct))
                || !await auth.CanAsync(User, PledgeOperations.Edit, await db.PledgeScopeAsync(edit.Pledgers, current.CreatedById, User, ct)))
            {
                return Forbid();
            }

            db.ChangeTracker.Clear();
            outcome = await db.SaveAsync(existing, edit, actor, clock, ct, await PledgeEditing.SpeaksForAsync(User, auth));
        }
        else
        {
            // A pledge with no pledger yet is judged by its validation, not refused: the form then names the missing field.
            if (edit.Pledgers.Count > 0 && !await auth.CanAsync(User, PledgeOperations.Edit, await db.PledgeScopeAsync(edit.Pledgers, actor.AccountId, User, ct)))
            {
                return Forbid();
            }

            outcome = await db.CreateAsync(edit, actor, clock, ct, await PledgeEditing.SpeaksForAsync(User, auth));
        }

        return await PageAfterWriteAsync(outcome, saved => Task.FromResult<IActionResult>(Redirect($"/pledges/{Int(saved.Id)}")), () => ShowAsync(ct),
            current => Form.Version = current.Version);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Choices = await db.PledgeChoicesAsync(User, ct);
        Form.Milestones.RemoveAll(m => m.IsBlank);
        Form.Milestones.AddRange(Enumerable.Range(0, BlankMilestones).Select(_ => new MilestoneForm()));
        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Monitoring.Activities;

public sealed class BudgetLineForm
{
    public BudgetKind Kind { get; set; }
    public string? Amount { get; set; }
    public string? Currency { get; set; }
    public string? Source { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Source);
}

/// <summary>The activity form as typed: dates and amounts are text until they are read in the reader's language.</summary>
public sealed class ActivityForm
{
    public int Version { get; set; }
    public int ActionId { get; set; }
    public string? Code { get; set; }
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionEs { get; set; }
    public string? DescriptionEn { get; set; }
    public Term? Term { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public int? WorkingGroupId { get; set; }
    public ActivityPriority Priority { get; set; } = ActivityPriority.Medium;
    public int GenderMarker { get; set; }
    public List<int> Responsible { get; set; } = [];
    public List<int> Accompanying { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<BudgetLineForm> BudgetLines { get; set; } = [];
    public List<int> GcmObjectives { get; set; } = [];
    public string? SdgTargets { get; set; }

    public static ActivityForm From(ActivitySnapshot a) => new()
    {
        Version = a.Version,
        ActionId = a.ActionId,
        Code = a.Code,
        TitleEs = a.Title.Es,
        TitleEn = a.Title.En,
        DescriptionEs = a.Description.Es,
        DescriptionEn = a.Description.En,
        Term = a.Term,
        StartDate = PageFormats.Iso(a.StartDate),
        EndDate = PageFormats.Iso(a.EndDate),
        WorkingGroupId = a.WorkingGroupId,
        Priority = a.Priority,
        GenderMarker = a.GenderMarker,
        Responsible = [.. a.Responsible],
        Accompanying = [.. a.Accompanying],
        Countries = [.. a.Countries.Select(c => c.Country)],
        BudgetLines = [.. a.BudgetLines.Select(b => new BudgetLineForm { Kind = b.Kind, Amount = b.Amount.ToString("0.##", CultureInfo.CurrentCulture), Currency = b.Currency, Source = b.Source })],
        GcmObjectives = [.. a.GcmObjectives],
        SdgTargets = string.Join(", ", a.SdgTargets),
    };

    /// <summary>The edit the form describes, or the fields (named as the API names them) that could not be read.</summary>
    public (ActivityEdit? Edit, Dictionary<string, string[]> Errors) ToEdit(CultureInfo culture)
    {
        var fields = new TypedFields(culture);
        var start = fields.Date("startDate", StartDate);
        var end = fields.Date("endDate", EndDate);
        var lines = BudgetLines.Where(l => !l.IsBlank)
            .Select((line, i) => new BudgetLineEdit(line.Kind, fields.RequiredAmount($"budgetLines[{i}].amount", line.Amount), line.Currency ?? string.Empty, line.Source ?? string.Empty))
            .ToList();

        var sdg = (SdgTargets ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Errors.Count > 0
            ? (null, fields.Errors)
            : (new ActivityEdit(Version, ActionId, Code ?? string.Empty, new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty),
                new Bilingual(DescriptionEs ?? string.Empty, DescriptionEn ?? string.Empty), Term, start, end, WorkingGroupId, Priority, GenderMarker,
                Responsible, Accompanying, Countries, lines, GcmObjectives, sdg), fields.Errors);
    }
}

public class EditModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    /// <summary>Empty rows offered under the existing budget lines.</summary>
    public const int BlankBudgetLines = 3;

    [BindProperty]
    public ActivityForm Form { get; set; } = new();

    public int? Id { get; private set; }
    public ActivityChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, int? actionId, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var activity = await db.FindForEditAsync(existing, ct);
            if (activity is null)
            {
                return NotFound();
            }

            if (!await auth.CanAsync(User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(activity.WorkingGroupId, activity.ActionId, ct)))
            {
                return Forbid();
            }

            Form = ActivityForm.From(ActivityEditing.Snapshot(activity));
        }
        else
        {
            if (!await auth.CanAsync(User, MonitoringOperations.Read))
            {
                return Forbid();
            }

            Form.ActionId = actionId ?? 0;
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var (edit, errors) = Form.ToEdit(CultureInfo.CurrentCulture);
        if (edit is null)
        {
            return await RefuseAsync(errors, () => ShowAsync(ct));
        }

        if (!await auth.CanAsync(User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(edit.WorkingGroupId, edit.ActionId, ct)))
        {
            return Forbid();
        }

        WriteOutcome<ActivitySnapshot> outcome;
        if (id is { } existing)
        {
            var current = await db.FindForEditAsync(existing, ct);
            if (current is null)
            {
                return NotFound();
            }

            if (!await auth.CanAsync(User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(current.WorkingGroupId, current.ActionId, ct)))
            {
                return Forbid();
            }

            db.ChangeTracker.Clear();
            outcome = await db.SaveAsync(existing, edit, AuditActor.From(HttpContext), clock, ct);
        }
        else
        {
            outcome = await db.CreateAsync(edit, AuditActor.From(HttpContext), clock, ct);
        }

        return await PageAfterWriteAsync(outcome, saved => Task.FromResult<IActionResult>(Redirect($"/monitoring/activities/{saved.Id.ToString(CultureInfo.InvariantCulture)}")), () => ShowAsync(ct),
            current => Form.Version = current.Version);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Choices = await db.ActivityChoicesAsync(ct);
        Form.BudgetLines.RemoveAll(l => l.IsBlank);
        Form.BudgetLines.AddRange(Enumerable.Range(0, BlankBudgetLines).Select(_ => new BudgetLineForm { Currency = "USD" }));
        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Monitoring.Activities;

/// <summary>The concept note of an activity (before it takes place) and its results (after).</summary>
public class ConceptNoteModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    public sealed class NoteForm
    {
        public int Version { get; set; }
        public string? Objective { get; set; }
        public string? ExpectedResults { get; set; }
        public string? Indicators { get; set; }
        public string? ExpectedWomen { get; set; }
        public string? ExpectedMen { get; set; }
        public string? ExpectedOther { get; set; }
        public Modality? Modality { get; set; }
        public string? Place { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public string? BudgetAmount { get; set; }
        public string? BudgetCurrency { get; set; }
        public string? Responsible { get; set; }
        public string? Partners { get; set; }
        public string? Risks { get; set; }
        public string? ActualWomen { get; set; }
        public string? ActualMen { get; set; }
        public string? ActualOther { get; set; }
        public string? ActualNotReported { get; set; }
        public string? Outputs { get; set; }
    }

    [BindProperty]
    public NoteForm Form { get; set; } = new();

    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public Bilingual Title { get; private set; } = Bilingual.Empty;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public ActivityChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var typed = Form;
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Form = typed;
        var fields = new TypedFields(CultureInfo.CurrentCulture);
        var amount = fields.Amount("budgetAmount", typed.BudgetAmount);
        var edit = new ConceptNoteEdit(
            typed.Version, typed.Objective, typed.ExpectedResults, typed.Indicators,
            fields.Count("expectedWomen", typed.ExpectedWomen), fields.Count("expectedMen", typed.ExpectedMen), fields.Count("expectedOther", typed.ExpectedOther),
            typed.Modality, typed.Place, fields.Date("startDate", typed.StartDate), fields.Date("endDate", typed.EndDate), amount, amount is null ? null : typed.BudgetCurrency,
            typed.Responsible, typed.Partners, typed.Risks,
            fields.Count("actualWomen", typed.ActualWomen), fields.Count("actualMen", typed.ActualMen), fields.Count("actualOther", typed.ActualOther),
            fields.Count("actualNotReported", typed.ActualNotReported), typed.Outputs);
        if (fields.Errors.Count > 0)
        {
            return await RefuseAsync(fields.Errors);
        }

        db.ChangeTracker.Clear();
        return await PageAfterWriteAsync(await db.SaveConceptNoteAsync(id, edit, AuditActor.From(HttpContext), clock, ct),
            $"/monitoring/activities/{AuditTrail.Key(id)}", conflict: current => Form.Version = current.Version);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Id = id;
        var activity = await db.FindForEditAsync(id, ct);
        if (activity is null)
        {
            return NotFound();
        }

        if (!await auth.CanAsync(User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(activity.WorkingGroupId, activity.ActionId, ct)))
        {
            return Forbid();
        }

        Code = activity.Code;
        Title = activity.Title;
        Choices = await db.ActivityChoicesAsync(ct);
        var view = ConceptNoteEditing.View(activity);
        Missing = view.MissingFields;
        var n = view.Note;
        string? Number(int? value) => value?.ToString(CultureInfo.CurrentCulture);
        Form = new NoteForm
        {
            Version = view.Version,
            Objective = n.Objective,
            ExpectedResults = n.ExpectedResults,
            Indicators = n.Indicators,
            ExpectedWomen = Number(n.ExpectedWomen),
            ExpectedMen = Number(n.ExpectedMen),
            ExpectedOther = Number(n.ExpectedOther),
            Modality = n.Modality,
            Place = n.Place,
            StartDate = PageFormats.Iso(n.StartDate),
            EndDate = PageFormats.Iso(n.EndDate),
            BudgetAmount = n.BudgetAmount?.ToString("0.##", CultureInfo.CurrentCulture),
            BudgetCurrency = n.BudgetCurrency ?? "USD",
            Responsible = n.Responsible,
            Partners = n.Partners,
            Risks = n.Risks,
            ActualWomen = Number(n.ActualWomen),
            ActualMen = Number(n.ActualMen),
            ActualOther = Number(n.ActualOther),
            ActualNotReported = Number(n.ActualNotReported),
            Outputs = n.Outputs,
        };
        return null;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Writes;
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
        var errors = new Dictionary<string, string[]>();
        int? Count(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.CurrentCulture, out var count))
            {
                return count;
            }

            errors[field] = [$"{text} is not a whole number."];
            return null;
        }

        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (PageFormats.TryParseDate(text, out var date))
            {
                return date;
            }

            errors[field] = [$"{text} is not a date."];
            return null;
        }

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(typed.BudgetAmount))
        {
            if (PageFormats.TryParseAmount(typed.BudgetAmount, CultureInfo.CurrentCulture, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                errors["budgetAmount"] = [$"{typed.BudgetAmount} is not an amount."];
            }
        }

        var edit = new ConceptNoteEdit(
            typed.Version, typed.Objective, typed.ExpectedResults, typed.Indicators,
            Count("expectedWomen", typed.ExpectedWomen), Count("expectedMen", typed.ExpectedMen), Count("expectedOther", typed.ExpectedOther),
            typed.Modality, typed.Place, Date("startDate", typed.StartDate), Date("endDate", typed.EndDate), amount, amount is null ? null : typed.BudgetCurrency,
            typed.Responsible, typed.Partners, typed.Risks,
            Count("actualWomen", typed.ActualWomen), Count("actualMen", typed.ActualMen), Count("actualOther", typed.ActualOther), Count("actualNotReported", typed.ActualNotReported),
            typed.Outputs);
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.ChangeTracker.Clear();
        switch (await db.SaveConceptNoteAsync(id, edit, AuditActor.From(HttpContext), clock, ct))
        {
            case WriteOutcome<ConceptNoteView>.Saved:
                return Redirect($"/monitoring/activities/{AuditTrail.Key(id)}");
            case WriteOutcome<ConceptNoteView>.Invalid invalid:
                Errors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case WriteOutcome<ConceptNoteView>.Conflict conflict:
                IsConflict = true;
                Form.Version = conflict.Current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
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

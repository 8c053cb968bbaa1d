using Movilidad.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Monitoring;

/// <summary>A concept note as written (before the activity) and its results (after), with the activity's version it was started from.</summary>
public sealed record ConceptNoteEdit(
    int Version, string? Objective, string? ExpectedResults, string? Indicators, int? ExpectedWomen, int? ExpectedMen, int? ExpectedOther,
    Modality? Modality, string? Place, DateOnly? StartDate, DateOnly? EndDate, decimal? BudgetAmount, string? BudgetCurrency,
    string? Responsible, string? Partners, string? Risks,
    int? ActualWomen, int? ActualMen, int? ActualOther, int? ActualNotReported, string? Outputs);

public sealed record ConceptNoteView(int ActivityId, int Version, ConceptNoteEdit Note, IReadOnlyList<string> MissingFields, bool IsComplete);

public static class ConceptNoteEditing
{
    public const string EntityType = "concept-note";

    public static ConceptNoteView View(Activity activity)
    {
        var note = activity.ConceptNote ?? ConceptNote.Empty(activity.Id);
        var missing = note.MissingFields();
        return new(activity.Id, activity.Version, new ConceptNoteEdit(
            activity.Version, note.Objective, note.ExpectedResults, note.Indicators, note.ExpectedWomen, note.ExpectedMen, note.ExpectedOther,
            note.Modality, note.Place, note.StartDate, note.EndDate, note.BudgetAmount, note.BudgetCurrency, note.Responsible, note.Partners, note.Risks,
            note.ActualWomen, note.ActualMen, note.ActualOther, note.ActualNotReported, note.Outputs), missing, missing.Count == 0);
    }

    public static async Task<Dictionary<string, string[]>> ValidateAsync(this MovilidadDb db, ConceptNoteEdit edit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value, max) in new[]
        {
            ("objective", edit.Objective, ActivityConfiguration.TextMaxLength), ("expectedResults", edit.ExpectedResults, ActivityConfiguration.TextMaxLength),
            ("indicators", edit.Indicators, ActivityConfiguration.TextMaxLength), ("place", edit.Place, ActivityConfiguration.SourceMaxLength),
            ("responsible", edit.Responsible, ActivityConfiguration.TextMaxLength), ("partners", edit.Partners, ActivityConfiguration.TextMaxLength),
            ("risks", edit.Risks, ActivityConfiguration.TextMaxLength), ("outputs", edit.Outputs, ActivityConfiguration.TextMaxLength),
        })
        {
            if (value?.Length > max)
            {
                errors[field] = [$"{field} is longer than {max} characters."];
            }
        }

        foreach (var (field, count) in new[]
        {
            ("expectedWomen", edit.ExpectedWomen), ("expectedMen", edit.ExpectedMen), ("expectedOther", edit.ExpectedOther),
            ("actualWomen", edit.ActualWomen), ("actualMen", edit.ActualMen), ("actualOther", edit.ActualOther), ("actualNotReported", edit.ActualNotReported),
        })
        {
            if (count < 0)
            {
                errors[field] = ["A number of participants cannot be negative."];
            }
        }

        if (edit.StartDate is { } start && edit.EndDate is { } end && end < start)
        {
            errors["endDate"] = ["The end date is before the start date."];
        }

        if (edit.BudgetAmount is { } amount && (amount < 0 || decimal.Round(amount, 2) != amount || amount >= 1e16m))
        {
            errors["budgetAmount"] = ["The budget is a positive amount with at most 2 decimals."];
        }

        if (edit.BudgetCurrency is { Length: > 0 } currency && !await db.Currencies.AnyAsync(c => c.Code == currency, ct))
        {
            errors["budgetCurrency"] = [$"{currency} is not an ISO 4217 currency code."];
        }

        return errors;
    }

    /// <summary>The concept note is written as a part of its activity: saving it moves the activity's version, so a status change made from an older reading is a conflict.</summary>
    private static readonly Editable<Activity, ConceptNoteView> Notes = new(EntityType, FindForEditAsync, View, a => AuditTrail.Key(a.Id), Audited: v => v.Note);

    public static Task<WriteOutcome<ConceptNoteView>> SaveConceptNoteAsync(this MovilidadDb db, int activityId, ConceptNoteEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Notes, activityId, edit.Version, AuditActions.Update, async _ => await db.ValidateAsync(edit, ct), activity =>
        {
            var note = activity.ConceptNote ??= ConceptNote.Empty(activity.Id);
            note.Objective = Trim(edit.Objective);
            note.ExpectedResults = Trim(edit.ExpectedResults);
            note.Indicators = Trim(edit.Indicators);
            note.ExpectedWomen = edit.ExpectedWomen;
            note.ExpectedMen = edit.ExpectedMen;
            note.ExpectedOther = edit.ExpectedOther;
            note.Modality = edit.Modality;
            note.Place = Trim(edit.Place);
            note.StartDate = edit.StartDate;
            note.EndDate = edit.EndDate;
            note.BudgetAmount = edit.BudgetAmount;
            note.BudgetCurrency = string.IsNullOrEmpty(edit.BudgetCurrency) ? null : edit.BudgetCurrency;
            note.Responsible = Trim(edit.Responsible);
            note.Partners = Trim(edit.Partners);
            note.Risks = Trim(edit.Risks);
            note.ActualWomen = edit.ActualWomen;
            note.ActualMen = edit.ActualMen;
            note.ActualOther = edit.ActualOther;
            note.ActualNotReported = edit.ActualNotReported;
            note.Outputs = Trim(edit.Outputs);
            return Task.CompletedTask;
        }, actor, clock, ct);

    private static Task<Activity?> FindForEditAsync(MovilidadDb db, int id, CancellationToken ct) => db.FindForEditAsync(id, ct);

    private static string Trim(string? text) => text?.Trim() ?? string.Empty;
}

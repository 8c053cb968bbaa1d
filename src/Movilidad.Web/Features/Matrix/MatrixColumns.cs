using System.Globalization;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Matrix;

/// <summary>How a column's cells are written and read.</summary>
public enum CellKind
{
    Text,
    Integer,
    Amount,
    Date,
}

/// <summary>A hidden list of the workbook that a coded column's drop-down offers.</summary>
public enum MatrixList
{
    Statuses,
    Currencies,
    Institutions,
}

/// <summary>The texts of one export language: headers, coded values and messages.</summary>
public sealed class MatrixLanguage(TextLocalizer texts, string language)
{
    public string Code { get; } = language == "en" ? "en" : "es";

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(language == "en" ? "en" : "es");

    public string this[string key] => texts.All.TryGetValue(key, out var text) ? text.For(Culture) : key;

    public Bilingual Both(string key) => texts.All.TryGetValue(key, out var text) ? text : new Bilingual(key, key);

    public string Status(ActivityStatus status) => this["ActivityStatus." + status];
}

/// <summary>
/// One column of the follow-up matrix: its header (a text key, so both languages), width, kind, whether the
/// country's focal point edits it, and how a row gives its value. The layout is this list: indicator columns
/// join it as more entries.
/// </summary>
public sealed record MatrixColumn(string Key, string HeaderKey, double Width, CellKind Kind, bool Editable, Func<MatrixRow, MatrixLanguage, object?> Value, MatrixList? List = null)
{
    /// <summary>The column's letters in the sheet (A, B, ..., AA) from its zero-based position.</summary>
    public static string Letter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}

public static class MatrixColumns
{
    public const string ActivityId = "activity-id";
    public const string Country = "country";
    public const string Responsible = "responsible";
    public const string Status = "status";
    public const string StatusReason = "status-reason";
    public const string Start = "start";
    public const string End = "end";
    public const string Budget = "budget";
    public const string Currency = "currency";

    public static readonly IReadOnlyList<MatrixColumn> All =
    [
        new(ActivityId, "Matrix.Column.ActivityId", 9, CellKind.Integer, false, (r, _) => r.ActivityId),
        new(Country, "Matrix.Column.Country", 7, CellKind.Text, false, (r, _) => r.Country),
        new("line", "Matrix.Column.Line", 8, CellKind.Text, false, (r, _) => r.Line?.Code),
        new("action", "Matrix.Column.Action", 8, CellKind.Text, false, (r, _) => r.Action.Code),
        new("activity", "Matrix.Column.Activity", 10, CellKind.Text, false, (r, _) => r.ActivityCode),
        new("title", "Matrix.Column.Title", 48, CellKind.Text, false, (r, l) => r.ActivityTitle.For(l.Culture)),
        new("working-group", "Matrix.Column.WorkingGroup", 12, CellKind.Text, false, (r, _) => r.WorkingGroup),
        new("term", "Matrix.Column.Term", 12, CellKind.Text, false, (r, l) => r.Term is { } t ? l["Term." + t] : null),
        new("priority", "Matrix.Column.Priority", 10, CellKind.Text, false, (r, l) => l["Priority." + r.Priority]),
        new("gender-marker", "Matrix.Column.GenderMarker", 10, CellKind.Integer, false, (r, _) => r.GenderMarker),
        new("activity-status", "Matrix.Column.ActivityStatus", 18, CellKind.Text, false, (r, l) => l.Status(r.ActivityStatus)),
        new("concept-note", "Matrix.Column.ConceptNote", 12, CellKind.Text, false, (r, l) => l[r.ConceptNoteMissing.Count == 0 ? "Matrix.Yes" : "Matrix.No"]),
        new("concept-note-missing", "Matrix.Column.ConceptNoteMissing", 36, CellKind.Text, false,
            (r, l) => string.Join(", ", r.ConceptNoteMissing.Select(f => l["ConceptNote.Field." + f]))),
        new("activity-budget-planned", "Matrix.Column.ActivityPlanned", 14, CellKind.Amount, false, (r, _) => r.Budget.Planned),
        new("activity-budget-executed", "Matrix.Column.ActivityExecuted", 14, CellKind.Amount, false, (r, _) => r.Budget.Executed),
        new("activity-budget-currency", "Matrix.Column.ActivityCurrency", 10, CellKind.Text, false, (r, _) => r.Budget.Currency),
        new(Responsible, "Matrix.Column.Responsible", 16, CellKind.Text, true, (r, _) => r.Values.Responsible, MatrixList.Institutions),
        new(Status, "Matrix.Column.Status", 20, CellKind.Text, true, (r, l) => l.Status(r.Values.Status), MatrixList.Statuses),
        new(StatusReason, "Matrix.Column.StatusReason", 30, CellKind.Text, true, (r, _) => r.Values.StatusReason),
        new(Start, "Matrix.Column.Start", 12, CellKind.Date, true, (r, _) => r.Values.Start),
        new(End, "Matrix.Column.End", 12, CellKind.Date, true, (r, _) => r.Values.End),
        new(Budget, "Matrix.Column.Budget", 14, CellKind.Amount, true, (r, _) => r.Values.BudgetAmount),
        new(Currency, "Matrix.Column.Currency", 10, CellKind.Text, true, (r, _) => r.Values.BudgetCurrency, MatrixList.Currencies),
        new("indicators", "Matrix.Column.Indicators", 40, CellKind.Text, false,
            (r, l) => string.Join("; ", r.Indicators.Select(i => $"{i.Code} {i.Name.For(l.Culture)}"))),
        new("indicator-values", "Matrix.Column.IndicatorValues", 36, CellKind.Text, false,
            (r, l) => string.Join("; ", r.Indicators.Where(i => i.Value is not null)
                .Select(i => $"{i.Code}: {i.Value!.Value.ToString("#,##0.##", l.Culture)} ({Movilidad.Platform.Indicators.Periods.Label(i.PeriodCode!, l.Culture)})"))),
    ];

    public static int IndexOf(string key) => All.Select((c, i) => (c, i)).Single(p => p.c.Key == key).i;
}

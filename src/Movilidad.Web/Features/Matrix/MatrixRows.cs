using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Matrix;

/// <summary>A plan element that groups matrix rows: a line of action or an action.</summary>
public sealed record MatrixGroup(int Id, string? Code, Bilingual Title);

/// <summary>An activity's budget lines summed by kind; one currency when all its lines share one.</summary>
public sealed record ActivityBudget(decimal? Planned, decimal? Executed, string? Currency, bool MixedCurrencies);

/// <summary>One row of the follow-up matrix: one country's share of an activity, with the activity's own fields beside it.</summary>
public sealed record MatrixRow(
    MatrixGroup? Line, MatrixGroup Action, int ActivityId, string ActivityCode, Bilingual ActivityTitle, string? WorkingGroup, Term? Term,
    ActivityPriority Priority, int GenderMarker, ActivityStatus ActivityStatus, IReadOnlyList<string> ConceptNoteMissing, ActivityBudget Budget,
    string Country, int Version, ShareValues Values)
{
    /// <summary>The indicators attached to the activity, each with the row's country's latest approved value.</summary>
    public IReadOnlyList<MatrixIndicator> Indicators { get; init; } = [];
}

/// <summary>An indicator an activity contributes to, and its latest approved total for one country (period code and value) when there is one.</summary>
public sealed record MatrixIndicator(string Code, Bilingual Name, string? PeriodCode, decimal? Value);

/// <summary>What the matrix lets a country's focal point change on the country's share: the editable columns.</summary>
public sealed record ShareValues(string? Responsible, ActivityStatus Status, string? StatusReason, DateOnly? Start, DateOnly? End, decimal? BudgetAmount, string? BudgetCurrency)
{
    /// <summary>The values as one invariant text: the export keeps its hash to tell, at import, which rows were edited.</summary>
    public string Canonical() => string.Join('\u001f',
        Responsible ?? string.Empty, ActivityWorkflow.Kebab(Status), StatusReason?.Trim() ?? string.Empty,
        PageFormats.Iso(Start), PageFormats.Iso(End),
        BudgetAmount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, BudgetCurrency ?? string.Empty);

    public string Stamp() => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Canonical())))[..16];
}

/// <summary>Which part of the plan a matrix covers: a plan (by key) and within it one line of action, or everything.</summary>
public sealed record MatrixFilter(string? Plan, int? Line);

public static class MatrixRows
{
    /// <summary>The rows in plan order (plan, line, action, activity code, country), read without tracking.</summary>
    public static async Task<List<MatrixRow>> LoadAsync(this MovilidadDb db, MatrixFilter filter, CancellationToken ct)
    {
        var elements = await db.PlanElements.AsNoTracking()
            .Select(e => new { e.Id, e.ParentId, e.LevelKey, e.Code, e.Title, e.SortOrder, PlanKey = e.Plan!.Key, PlanOrder = e.Plan.SortOrder })
            .ToDictionaryAsync(e => e.Id, ct);
        MatrixGroup? LineOf(int actionId)
        {
            var current = elements.GetValueOrDefault(actionId);
            while (current is not null && current.LevelKey != "line")
            {
                current = current.ParentId is { } parent ? elements.GetValueOrDefault(parent) : null;
            }

            return current is null ? null : new MatrixGroup(current.Id, current.Code, current.Title);
        }

        var institutions = await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Code }).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var shares = await db.ActivityCountries.AsNoTracking().Join(db.Activities.AsNoTracking(), c => c.ActivityId, a => a.Id, (c, a) => new
        {
            a.Id, a.ActionId, a.Code, a.Title, a.WorkingGroupId, a.Term, a.Priority, a.GenderMarker, ActivityStatus = a.Status,
            c.CountryCode, c.Version, c.ResponsibleInstitutionId, c.Status, c.StatusReason, c.StartDate, c.EndDate, c.BudgetAmount, c.BudgetCurrency,
        }).ToListAsync(ct);
        var notes = await db.ConceptNotes.AsNoTracking().ToDictionaryAsync(n => n.ActivityId, ct);
        var budgets = (await db.BudgetLines.AsNoTracking().GroupBy(b => new { b.ActivityId, b.Kind, b.CurrencyCode })
                .Select(g => new { g.Key.ActivityId, g.Key.Kind, g.Key.CurrencyCode, Amount = g.Sum(b => b.Amount) }).ToListAsync(ct))
            .GroupBy(b => b.ActivityId)
            .ToDictionary(g => g.Key, g =>
            {
                var currencies = g.Select(b => b.CurrencyCode).Distinct(StringComparer.Ordinal).ToList();
                return currencies.Count == 1
                    ? new ActivityBudget(
                        g.Where(b => b.Kind == BudgetKind.Planned).Sum(b => (decimal?)b.Amount), g.Where(b => b.Kind == BudgetKind.Executed).Sum(b => (decimal?)b.Amount),
                        currencies[0], false)
                    : new ActivityBudget(null, null, string.Join(" ", currencies.Order(StringComparer.Ordinal)), true);
            });

        var indicators = (await db.Indicators.AsNoTracking().Where(i => i.ActivityId != null).OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                .Select(i => new { i.Id, ActivityId = i.ActivityId!.Value, i.Code, i.Name }).ToListAsync(ct))
            .ToLookup(i => i.ActivityId);
        var latest = (await db.IndicatorValues.AsNoTracking()
                .Where(v => db.Indicators.Any(i => i.Id == v.IndicatorId && i.ActivityId != null) && v.Dimension == Disaggregation.All && v.Total != null && v.Report!.Status == ReportStatus.Approved)
                .Select(v => new { v.IndicatorId, v.Report!.CountryCode, v.Report.Period!.Code, v.Report.Period.End, v.Total }).ToListAsync(ct))
            .GroupBy(v => (v.IndicatorId, v.CountryCode))
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.End)!);

        var none = new ActivityBudget(null, null, null, false);
        return shares
            .Where(s => elements.ContainsKey(s.ActionId))
            .Select(s => new { Share = s, Action = elements[s.ActionId], Line = LineOf(s.ActionId) })
            .Where(x => (filter.Plan is null || x.Action.PlanKey == filter.Plan) && (filter.Line is null || x.Line?.Id == filter.Line))
            .OrderBy(x => x.Action.PlanOrder).ThenBy(x => x.Line is null ? -1 : elements[x.Line.Id].SortOrder).ThenBy(x => x.Action.SortOrder)
            .ThenBy(x => x.Share.Code, StringComparer.Ordinal).ThenBy(x => x.Share.Id).ThenBy(x => x.Share.CountryCode, StringComparer.Ordinal)
            .Select(x =>
            {
                var s = x.Share;
                return new MatrixRow(
                    x.Line, new MatrixGroup(x.Action.Id, x.Action.Code, x.Action.Title), s.Id, s.Code, s.Title,
                    s.WorkingGroupId is { } g ? institutions.GetValueOrDefault(g) : null, s.Term, s.Priority, s.GenderMarker, s.ActivityStatus,
                    (notes.GetValueOrDefault(s.Id) ?? ConceptNote.Empty(s.Id)).MissingFields(), budgets.GetValueOrDefault(s.Id, none),
                    s.CountryCode, s.Version,
                    new ShareValues(s.ResponsibleInstitutionId is { } r ? institutions.GetValueOrDefault(r) : null, s.Status, s.StatusReason, s.StartDate, s.EndDate,
                        s.BudgetAmount, s.BudgetCurrency))
                {
                    Indicators = indicators[s.Id].Select(i => latest.GetValueOrDefault((i.Id, s.CountryCode)) is { } v
                        ? new MatrixIndicator(i.Code, i.Name, v.Code, v.Total)
                        : new MatrixIndicator(i.Code, i.Name, null, null)).ToList(),
                };
            })
            .ToList();
    }
}

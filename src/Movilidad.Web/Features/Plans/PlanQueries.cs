using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Plans;

namespace Movilidad.Web.Features.Plans;

/// <summary>The read side of plans, shared by the API and the pages.</summary>
public static class PlanQueries
{
    public static Task<List<PlanSummary>> PlanSummariesAsync(this MovilidadDb db, CancellationToken ct) =>
        db.Plans.AsNoTracking().OrderBy(p => p.SortOrder)
            .Select(p => new PlanSummary(
                p.Id, p.Key, p.Number, p.Kind, p.Title, p.Summary, p.PeriodStart, p.PeriodEnd,
                p.Owner == null ? null : p.Owner.Code, p.ParentPlan == null ? null : p.ParentPlan.Key,
                p.Elements.Count))
            .ToListAsync(ct);

    public static async Task<PlanDetail?> PlanDetailAsync(this MovilidadDb db, int? id, string? key, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Owner).Include(p => p.ApprovalBody).Include(p => p.ParentPlan).Include(p => p.Levels)
            .Where(p => id != null ? p.Id == id : p.Key == key)
            .SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var count = await db.PlanElements.CountAsync(e => e.PlanId == plan.Id, ct);
        var statedIn = plan.ApprovalSource is { } source
            ? await db.Plans.AsNoTracking().Where(p => p.SourceDocument == source).Select(p => new PlanRef(p.Id, p.Key, p.Title)).FirstOrDefaultAsync(ct)
            : null;
        return new PlanDetail(
            plan.Id, plan.Key, plan.Number, plan.Kind, plan.Title, plan.Summary, plan.PeriodStart, plan.PeriodEnd,
            plan.Owner?.ToRef(), plan.ParentPlan is { } parent ? new PlanRef(parent.Id, parent.Key, parent.Title) : null,
            plan.SourceDocument, plan.ApprovalText, plan.ApprovalDate, plan.ApprovalBody?.ToRef(),
            plan.ApprovalCountries?.Split(',') ?? [], statedIn,
            plan.Levels.OrderBy(l => l.SortOrder).Select(l => new LevelView(l.Key, l.Name)).ToList(), count);
    }

    public static async Task<IReadOnlyList<TreeNode>?> PlanTreeAsync(this MovilidadDb db, int planId, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return null;
        }

        var rows = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId)
            .OrderBy(e => e.SortOrder)
            .Select(e => new { e.Id, e.ParentId, e.Key, e.LevelKey, e.Code, e.Title, e.TimeframeLabel, e.IndicatorType })
            .ToListAsync(ct);
        var byParent = rows.ToLookup(r => r.ParentId);
        IReadOnlyList<TreeNode> Build(int? parent) =>
            byParent[parent].Select(r => new TreeNode(
                r.Id, r.Key, r.LevelKey, r.Code, r.Title, r.TimeframeLabel.IsEmpty ? null : r.TimeframeLabel,
                r.IndicatorType, Build(r.Id))).ToList();
        return Build(null);
    }

    public static async Task<ElementDetail?> ElementDetailAsync(this MovilidadDb db, int id, CancellationToken ct)
    {
        var e = await db.PlanElements.AsNoTracking()
            .Include(x => x.Plan!).ThenInclude(p => p.Levels)
            .Include(x => x.Footnotes)
            .Include(x => x.Institutions).ThenInclude(i => i.Institution)
            .Include(x => x.GcmObjectives).Include(x => x.SdgTargets)
            .Include(x => x.Axes).ThenInclude(a => a.Axis)
            .Include(x => x.Results).ThenInclude(r => r.Result)
            .Include(x => x.Indicators).ThenInclude(i => i.Indicator)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }

        var ancestors = new List<ElementRef>();
        var parentId = e.ParentId;
        while (parentId is { } pid)
        {
            var parent = await db.PlanElements.AsNoTracking().Where(x => x.Id == pid)
                .Select(x => new { Ref = new ElementRef(x.Id, x.Code, x.LevelKey, x.Title), x.ParentId }).SingleOrDefaultAsync(ct);
            if (parent is null)
            {
                // A deleted element hides everything under it, until it is restored.
                return null;
            }

            ancestors.Insert(0, parent.Ref);
            parentId = parent.ParentId;
        }

        var children = await db.PlanElements.AsNoTracking().Where(x => x.ParentId == id).OrderBy(x => x.SortOrder)
            .Select(x => new ElementRef(x.Id, x.Code, x.LevelKey, x.Title)).ToListAsync(ct);
        var plan = e.Plan!;
        var level = plan.Levels.FirstOrDefault(l => l.Key == e.LevelKey);
        var timeframe = e.Term is null && e.StartDate is null && e.EndDate is null && e.TimeframeLabel.IsEmpty
            ? null
            : new TimeframeView(e.Term, e.StartDate, e.EndDate, e.TimeframeLabel);
        return new ElementDetail(
            e.Id, e.Key, new PlanRef(plan.Id, plan.Key, plan.Title), e.LevelKey, level?.Name ?? new(e.LevelKey, e.LevelKey),
            e.Code, e.Title, e.Text,
            e.Footnotes.OrderBy(f => f.Number).Select(f => new FootnoteView(f.Number, f.Text)).ToList(),
            e.Institutions.OrderBy(i => i.Role).ThenBy(i => i.Institution!.Code, StringComparer.Ordinal)
                .Select(i => new InstitutionLink(i.Institution!.ToRef(), i.Role)).ToList(),
            timeframe,
            e.GcmObjectives.Select(g => g.Objective).Order().ToList(),
            e.GcmObjectives.Where(g => g.Inferred).Select(g => g.Objective).Order().ToList(),
            e.SdgTargets.Select(s => s.Target).Order(StringComparer.Ordinal).ToList(),
            e.Axes.Where(a => a.Axis is not null).Select(a => new ElementRef(a.Axis!.Id, a.Axis.Code, a.Axis.LevelKey, a.Axis.Title)).ToList(),
            e.IndicatorType, plan.SourceDocument, e.Section, ancestors, children, e.Version,
            e.Results.Where(r => r.Result is not null).OrderBy(r => r.Result!.SortOrder)
                .Select(r => new TargetRef(r.ResultId, StrategicPlanTargets.ResultCode(r.Result!.Key), r.Result.Title)).ToList(),
            e.Indicators.Where(i => i.Indicator is not null).OrderBy(i => i.Indicator!.SortOrder)
                .Select(i => new TargetRef(i.IndicatorId, i.Indicator!.Code, i.Indicator.Name)).ToList());
    }

    /// <summary>A plan's levels in order, whoever may see the plan (the forms that add to a draft ask for them).</summary>
    public static Task<List<LevelView>> PlanLevelsAsync(this MovilidadDb db, int planId, CancellationToken ct) =>
        db.Plans.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == planId).SelectMany(p => p.Levels).OrderBy(l => l.SortOrder)
            .Select(l => new LevelView(l.Key, l.Name)).ToListAsync(ct);

    /// <summary>What an element may name as its contribution: the Strategic Plan's expected results and indicators, as the reader sees them.</summary>
    public static async Task<ContributionChoices> ContributionChoicesAsync(this MovilidadDb db, CancellationToken ct)
    {
        var results = await db.StrategicResults().AsNoTracking().Select(e => new { e.Id, e.Key, e.Title }).ToListAsync(ct);
        var indicators = await db.StrategicIndicators().AsNoTracking().Select(i => new TargetRef(i.Id, i.Code, i.Name)).ToListAsync(ct);
        return new ContributionChoices(results.Select(r => new TargetRef(r.Id, StrategicPlanTargets.ResultCode(r.Key), r.Title)).ToList(), indicators);
    }
}

using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Reports;

/// <summary>
/// The operational-plan activities of the semester, per line of action and working group: status, countries, dates,
/// budget planned and executed, and whether the concept note is complete. An activity belongs to the semester when
/// its dates (or, without its own, its countries' dates) overlap it; one without any date when it is in progress.
/// </summary>
public sealed class ActivitiesSection : ReportSection<ActivitiesSection.Data>
{
    public sealed record Money(string Currency, decimal Amount);

    /// <summary>A line of action (or the top element of a plan that has no lines) with the name of its level.</summary>
    public sealed record Line(int Id, string? Code, Bilingual Level, Bilingual Title);

    public sealed record Group(int Id, Bilingual Acronym, Bilingual Name);

    public sealed record Item(
        int Id, string Code, string? ActionCode, Bilingual Title, int LineId, int? WorkingGroupId, ActivityStatus Status, IReadOnlyList<string> Countries,
        DateOnly? Start, DateOnly? End, IReadOnlyList<Money> Planned, IReadOnlyList<Money> Executed, IReadOnlyList<string> ConceptNoteMissing);

    public sealed record Data(IReadOnlyList<Line> Lines, IReadOnlyList<Group> Groups, IReadOnlyList<Item> Activities);

    /// <summary>The colour of each status in charts, as on the activity pages.</summary>
    public static string Colour(ActivityStatus status) => status switch
    {
        ActivityStatus.Planned => "#9aa9b8",
        ActivityStatus.ConceptNoteComplete => "#6aa7d8",
        ActivityStatus.Approved => "#0b4f8a",
        ActivityStatus.InProgress => "#e09b12",
        ActivityStatus.Done => "#1f7a68",
        ActivityStatus.Postponed => "#8e5fa8",
        ActivityStatus.Cancelled => "#b3261e",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public override string Key => "activities";

    public override int Order => 200;

    protected override async Task<Data> CollectDataAsync(MovilidadDb db, ReportScope scope, CancellationToken ct)
    {
        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == scope.PlanId)
            .Select(e => new { e.Id, e.ParentId, e.LevelKey, e.Code, e.Title, e.SortOrder }).ToDictionaryAsync(e => e.Id, ct);
        var levels = await db.PlanLevels.AsNoTracking().Where(l => l.PlanId == scope.PlanId).ToDictionaryAsync(l => l.Key, l => l.Name, ct);
        var rows = await db.Activities.AsNoTracking().Where(a => a.Action!.PlanId == scope.PlanId)
            .OrderBy(a => a.Action!.SortOrder).ThenBy(a => a.Code).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Code, ActionCode = a.Action!.Code, a.ActionId, a.Title, a.WorkingGroupId, a.Status, a.StartDate, a.EndDate,
                Countries = a.Countries.Select(c => new { c.CountryCode, c.StartDate, c.EndDate }).ToList(),
                Budget = a.BudgetLines.Select(b => new { b.Kind, b.CurrencyCode, b.Amount }).ToList(),
                a.ConceptNote,
            })
            .AsSplitQuery().ToListAsync(ct);

        int LineOf(int elementId)
        {
            var current = elements[elementId];
            while (current.LevelKey != "line" && current.ParentId is { } parent && elements.ContainsKey(parent))
            {
                current = elements[parent];
            }

            return current.Id;
        }

        static IReadOnlyList<Money> Sum(IEnumerable<(string Currency, decimal Amount)> lines) =>
            lines.GroupBy(l => l.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Money(g.Key, g.Sum(l => l.Amount))).ToList();

        var items = new List<Item>();
        foreach (var a in rows.Where(r => elements.ContainsKey(r.ActionId)))
        {
            var start = a.StartDate ?? a.Countries.Min(c => c.StartDate);
            var end = a.EndDate ?? a.Countries.Max(c => c.EndDate);
            var inSemester = start is null && end is null
                ? a.Status == ActivityStatus.InProgress
                : (start ?? end) <= scope.Semester.End && (end ?? start) >= scope.Semester.Start;
            if (!inSemester)
            {
                continue;
            }

            items.Add(new Item(
                a.Id, a.Code, a.ActionCode, a.Title, LineOf(a.ActionId), a.WorkingGroupId, a.Status,
                a.Countries.Select(c => c.CountryCode).Order(StringComparer.Ordinal).ToList(), start, end,
                Sum(a.Budget.Where(b => b.Kind == BudgetKind.Planned).Select(b => (b.CurrencyCode, b.Amount))),
                Sum(a.Budget.Where(b => b.Kind == BudgetKind.Executed).Select(b => (b.CurrencyCode, b.Amount))),
                (a.ConceptNote ?? ConceptNote.Empty(a.Id)).MissingFields()));
        }

        var lines = items.Select(i => i.LineId).Distinct().Select(id => elements[id]).OrderBy(e => e.SortOrder)
            .Select(e => new Line(e.Id, e.Code, levels.GetValueOrDefault(e.LevelKey) ?? Bilingual.Empty, e.Title)).ToList();
        var groupIds = items.Select(i => i.WorkingGroupId).OfType<int>().Distinct().ToList();
        var groups = await db.Institutions.AsNoTracking().Where(i => groupIds.Contains(i.Id)).OrderBy(i => i.Code)
            .Select(i => new Group(i.Id, i.Acronym, i.Name)).ToListAsync(ct);
        return new Data(lines, groups, items);
    }

    protected override IEnumerable<Block> Render(Data data, ReportText text)
    {
        yield return new Heading(1, text["Report.Section.Activities"]);
        var all = data.Activities;
        if (all.Count == 0)
        {
            yield return new Paragraph(text["Report.NoActivities"], IsNote: true);
            yield break;
        }

        yield return new Paragraph(text.Format("Report.ActivitiesIntro", all.Count, all.Count(a => a.Status == ActivityStatus.Done),
            all.Count(a => a.Status == ActivityStatus.InProgress), all.Count(a => a.ConceptNoteMissing.Count == 0)));

        var statuses = Enum.GetValues<ActivityStatus>().Where(s => all.Any(a => a.Status == s)).ToList();
        yield return new BarChart(
            text["Report.ChartTitle"],
            data.Lines.Select(l => LineLabel(l, text, shortTitle: true)).ToList(),
            statuses.Select(s => new ChartSeries(text["ActivityStatus." + s], Colour(s),
                data.Lines.Select(l => (double)all.Count(a => a.LineId == l.Id && a.Status == s)).ToList())).ToList());

        yield return new Heading(2, text["Report.Overview"]);
        var overview = data.Lines.Select(l =>
        {
            var of = all.Where(a => a.LineId == l.Id).ToList();
            return (IReadOnlyList<string>)
            [
                LineLabel(l, text, shortTitle: false), text.Number(of.Count), text.Number(of.Count(a => a.Status == ActivityStatus.Done)),
                text.Number(of.Count(a => a.Status == ActivityStatus.InProgress)), text.Number(of.Count(a => a.ConceptNoteMissing.Count == 0)),
                Amounts(of.SelectMany(a => a.Planned), text), Amounts(of.SelectMany(a => a.Executed), text),
            ];
        }).ToList();
        overview.Add(
        [
            text["Report.Total"], text.Number(all.Count), text.Number(all.Count(a => a.Status == ActivityStatus.Done)),
            text.Number(all.Count(a => a.Status == ActivityStatus.InProgress)), text.Number(all.Count(a => a.ConceptNoteMissing.Count == 0)),
            Amounts(all.SelectMany(a => a.Planned), text), Amounts(all.SelectMany(a => a.Executed), text),
        ]);
        yield return new Table(
        [
            new(text["Report.Col.Line"], 31), new(text["Report.Col.Activities"], 12, Numeric: true), new(text["ActivityStatus.Done"], 11, Numeric: true),
            new(text["ActivityStatus.InProgress"], 10, Numeric: true), new(text["Report.Col.NoteComplete"], 12, Numeric: true),
            new(text["Report.Col.Planned"], 12, Numeric: true), new(text["Report.Col.Executed"], 12, Numeric: true),
        ], overview, TotalRow: true);
        yield return new Paragraph(text["Report.BudgetNote"], IsNote: true);

        var groups = data.Groups.ToDictionary(g => g.Id);
        foreach (var line in data.Lines)
        {
            yield return new Heading(2, LineLabel(line, text, shortTitle: false));
            var ofLine = all.Where(a => a.LineId == line.Id).ToList();
            foreach (var group in ofLine.GroupBy(a => a.WorkingGroupId).OrderBy(g => g.Key is null).ThenBy(g => g.Key is { } id && groups.TryGetValue(id, out var wg) ? text.Pick(wg.Name) : string.Empty, StringComparer.Ordinal))
            {
                yield return new Heading(3, group.Key is { } id && groups.TryGetValue(id, out var wg) ? text.Pick(wg.Name) : text["Report.NoWorkingGroup"]);
                yield return new Table(
                [
                    new(text["Report.Col.Code"], 9), new(text["Report.Col.Activity"], 22), new(text["Report.Col.Countries"], 10), new(text["Report.Col.Dates"], 13),
                    new(text["Report.Col.Status"], 12), new(text["Report.Col.Planned"], 11, Numeric: true), new(text["Report.Col.Executed"], 11, Numeric: true),
                    new(text["Report.Col.ConceptNote"], 12),
                ],
                group.Select(a => (IReadOnlyList<string>)
                [
                    a.ActionCode is null ? a.Code : a.ActionCode + " · " + a.Code, text.Pick(a.Title), string.Join(" ", a.Countries), Dates(a.Start, a.End, text),
                    text["ActivityStatus." + a.Status], Amounts(a.Planned, text), Amounts(a.Executed, text),
                    a.ConceptNoteMissing.Count == 0 ? text["Report.NoteComplete"] : text.Format("Report.NoteMissing", a.ConceptNoteMissing.Count),
                ]).ToList());
            }
        }
    }

    private static string LineLabel(Line line, ReportText text, bool shortTitle)
    {
        var title = text.Pick(line.Title);
        if (shortTitle && title.Length > 48)
        {
            title = title[..title.LastIndexOf(' ', 46)] + "…";
        }

        var level = text.Pick(line.Level);
        return line.Code is null ? title : shortTitle ? $"{line.Code}. {title}" : $"{level} {line.Code}. {title}";
    }

    private static string Dates(DateOnly? start, DateOnly? end, ReportText text) =>
        (start, end) switch
        {
            ({ } s, { } e) => s.ToString("d", text.Culture) + " –\n" + e.ToString("d", text.Culture),
            ({ } s, null) => s.ToString("d", text.Culture) + " –",
            (null, { } e) => "– " + e.ToString("d", text.Culture),
            _ => "–",
        };

    /// <summary>Amounts per currency, one per line; a dash for none.</summary>
    private static string Amounts(IEnumerable<Money> amounts, ReportText text)
    {
        var totals = amounts.GroupBy(m => m.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => text.Amount(g.Sum(m => m.Amount)) + " " + g.Key).ToList();
        return totals.Count == 0 ? "–" : string.Join("\n", totals);
    }
}

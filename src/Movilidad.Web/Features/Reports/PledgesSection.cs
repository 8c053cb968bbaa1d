using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Features.Pledges;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Reports;

/// <summary>
/// The pledges to the Global Compact in the semester, published or not (the report is the Secretariat's internal document;
/// unpublished ones are marked): every pledge recorded except those withdrawn before the semester, since the platform
/// keeps no date on which a pledge was made. Each with its status at the semester's end, the updates of the semester,
/// and the quarters of the semester, ended when the data is collected, that an open pledge did not report on.
/// </summary>
public sealed class PledgesSection(TimeProvider clock) : ReportSection<PledgesSection.Data>
{
    /// <summary>A pledging institution: a state by its name, any other by its acronym (or name, without one).</summary>
    public sealed record Pledger(string Code, Bilingual Label);

    public sealed record Update(YearQuarter Quarter, PledgeStatus Status, string Narrative);

    /// <summary>
    /// A pledge: its status and last update up to the semester's end, its updates in the semester, the quarters it missed,
    /// and the codes of the plan indicators it contributes to (none in reports frozen before pledges named indicators).
    /// </summary>
    public sealed record Item(
        int Id, Bilingual Title, bool IsPublished, IReadOnlyList<Pledger> Pledgers, IReadOnlyList<int> GcmObjectives, PledgeStatus Status,
        YearQuarter? LastUpdate, IReadOnlyList<Update> Updates, IReadOnlyList<YearQuarter> Missing, IReadOnlyList<string>? Indicators = null);

    /// <summary>The pledges, and the quarters of the semester that had ended on <paramref name="AsOf"/>, whose updates were due.</summary>
    public sealed record Data(DateOnly AsOf, IReadOnlyList<YearQuarter> Due, IReadOnlyList<Item> Pledges);

    private const string Published = "#0b4f8a";
    private const string Unpublished = "#9aa9b8";

    public override string Key => "pledges";

    public override int Order => 400;

    protected override async Task<Data> CollectDataAsync(MovilidadDb db, ReportScope scope, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = YearQuarter.Of(scope.Semester.Start);
        var last = YearQuarter.Of(scope.Semester.End);
        var due = new[] { first, last }.Where(q => q.End < today).ToList();
        var rows = await db.Pledges.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title, p.IsPublished, p.CreatedAt,
                Pledgers = p.Pledgers.Select(x => new { x.Institution!.Code, x.Institution.Kind, x.Institution.Acronym, x.Institution.Name }).ToList(),
                Objectives = p.GcmObjectives.Select(g => g.Objective).ToList(),
                Indicators = p.Indicators.Select(i => i.Indicator!.Code).ToList(),
                Updates = p.Updates.Select(u => new { u.Year, u.Quarter, u.Status, u.Narrative }).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);

        var items = new List<Item>();
        foreach (var p in rows)
        {
            var updates = p.Updates.Select(u => new Update(new YearQuarter(u.Year, u.Quarter), u.Status, u.Narrative)).OrderBy(u => u.Quarter).ToList();
            PledgeStatus StatusBefore(YearQuarter quarter) => updates.LastOrDefault(u => u.Quarter < quarter)?.Status ?? PledgeStatus.NotStarted;
            if (StatusBefore(first) == PledgeStatus.Withdrawn)
            {
                continue;
            }

            var upToEnd = updates.LastOrDefault(u => u.Quarter <= last);
            var recorded = DateOnly.FromDateTime(p.CreatedAt);
            var missing = due.Where(q => recorded <= q.End && updates.All(u => u.Quarter != q)
                && StatusBefore(q) is not (PledgeStatus.Fulfilled or PledgeStatus.Withdrawn)).ToList();
            items.Add(new Item(
                p.Id, p.Title, p.IsPublished,
                p.Pledgers.OrderBy(x => x.Code, StringComparer.Ordinal)
                    .Select(x => new Pledger(x.Code, x.Kind == InstitutionKind.MemberState || x.Acronym.IsEmpty ? x.Name : x.Acronym)).ToList(), p.Objectives.Order().ToList(),
                upToEnd?.Status ?? PledgeStatus.NotStarted, upToEnd?.Quarter, updates.Where(u => u.Quarter >= first && u.Quarter <= last).ToList(), missing,
                p.Indicators.Order(StringComparer.Ordinal).ToList()));
        }

        return new Data(today, due, items);
    }

    protected override IEnumerable<Block> Render(Data data, ReportText text)
    {
        yield return new Heading(1, text["Report.Section.Pledges"]);
        var all = data.Pledges;
        if (all.Count == 0)
        {
            yield return new Paragraph(text["Report.NoPledges"], IsNote: true);
            yield break;
        }

        yield return new Paragraph(text.Format("Report.PledgesIntro", all.Count, all.Count(p => !p.IsPublished), all.Count(p => p.Updates.Count > 0)));

        var statuses = Enum.GetValues<PledgeStatus>();
        yield return new BarChart(
            text["Report.PledgeChartTitle"],
            statuses.Select(s => text["PledgeStatus." + s]).ToList(),
            [
                new ChartSeries(text["Report.PledgesPublished"], Published, statuses.Select(s => (double)all.Count(p => p.Status == s && p.IsPublished)).ToList()),
                new ChartSeries(text["Report.PledgesUnpublished"], Unpublished, statuses.Select(s => (double)all.Count(p => p.Status == s && !p.IsPublished)).ToList()),
            ]);

        yield return new Heading(2, text["Report.PledgesByStatus"]);
        var byStatus = statuses.Select(s => (IReadOnlyList<string>)
        [
            text["PledgeStatus." + s], text.Number(all.Count(p => p.Status == s && p.IsPublished)), text.Number(all.Count(p => p.Status == s && !p.IsPublished)),
            text.Number(all.Count(p => p.Status == s)),
        ]).ToList();
        byStatus.Add([text["Report.Total"], text.Number(all.Count(p => p.IsPublished)), text.Number(all.Count(p => !p.IsPublished)), text.Number(all.Count)]);
        yield return new Table(
        [
            new(text["Report.Col.Status"], 40), new(text["Report.PledgesPublished"], 20, Numeric: true), new(text["Report.PledgesUnpublished"], 20, Numeric: true),
            new(text["Report.Total"], 20, Numeric: true),
        ], byStatus, TotalRow: true);

        yield return new Heading(2, text["Report.PledgeList"]);
        yield return new Table(
        [
            new(text["Report.Col.Pledge"], 32), new(text["Report.Col.Pledgers"], 18), new(text["Report.Col.Gcm"], 10), new(text["Report.Col.PledgeIndicators"], 12),
            new(text["Report.Col.Status"], 12), new(text["Report.Col.LastUpdate"], 16),
        ],
        all.Select(p => (IReadOnlyList<string>)
        [
            Title(p, text), Pledgers(p, text), p.GcmObjectives.Count == 0 ? "–" : string.Join(", ", p.GcmObjectives),
            p.Indicators is { Count: > 0 } indicators ? string.Join(", ", indicators) : "–", text["PledgeStatus." + p.Status],
            p.LastUpdate is { } q ? Quarter(q, text) : text["Report.NeverUpdated"],
        ]).ToList());
        if (GcmLegend(all.SelectMany(p => p.GcmObjectives), text) is { } legend)
        {
            yield return legend;
        }

        yield return new Heading(2, text["Report.PledgeUpdates"]);
        var updated = all.Where(p => p.Updates.Count > 0).ToList();
        if (updated.Count == 0)
        {
            yield return new Paragraph(text["Report.NoPledgeUpdates"], IsNote: true);
        }

        foreach (var pledge in updated)
        {
            yield return new Heading(3, pledge.IsPublished ? text.Pick(pledge.Title) : text.Pick(pledge.Title) + " " + text["Report.UnpublishedMark"]);
            foreach (var update in pledge.Updates)
            {
                yield return new Paragraph(Quarter(update.Quarter, text) + " · " + text["PledgeStatus." + update.Status], IsNote: true);
                foreach (var paragraph in Paragraphs(update.Narrative, language: null))
                {
                    yield return paragraph;
                }
            }
        }

        yield return new Heading(2, text["Report.PledgesOverdue"]);
        if (data.Due.Count == 0)
        {
            yield return new Paragraph(text.Format("Report.NoQuarterDue", text.Date(data.AsOf)), IsNote: true);
            yield break;
        }

        yield return new Paragraph(text.Format("Report.QuartersDue", string.Join(", ", data.Due.Select(q => Quarter(q, text))), text.Date(data.AsOf)), IsNote: true);
        var overdue = all.Where(p => p.Missing.Count > 0).ToList();
        if (overdue.Count == 0)
        {
            yield return new Paragraph(text["Report.NoneOverdue"], IsNote: true);
            yield break;
        }

        yield return new Table(
        [
            new(text["Report.Col.Pledge"], 44), new(text["Report.Col.Pledgers"], 28), new(text["Report.Col.Missing"], 28),
        ],
        overdue.Select(p => (IReadOnlyList<string>)[Title(p, text), Pledgers(p, text), string.Join("\n", p.Missing.Select(q => Quarter(q, text)))]).ToList());
    }

    private static string Title(Item pledge, ReportText text) =>
        pledge.IsPublished ? text.Pick(pledge.Title) : text.Pick(pledge.Title) + "\n" + text["Report.UnpublishedMark"];

    private static string Pledgers(Item pledge, ReportText text) =>
        string.Join("\n", pledge.Pledgers.Select(p => text.Pick(p.Label)));

    private static string Quarter(YearQuarter quarter, ReportText text) => text.Format("Report.Quarter", quarter.Year, quarter.Quarter);
}

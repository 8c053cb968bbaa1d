using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Reports;

/// <summary>
/// The good practices published in the semester, and the publication calendar of its six months against the target of
/// one practice a month (the UN Regional Network's work plan, activity 1.4): which month holds a practice, which is empty.
/// </summary>
public sealed class PracticesSection : ReportSection<PracticesSection.Data>
{
    public sealed record Item(
        int Id, Bilingual Title, Bilingual Summary, Bilingual Institution, IReadOnlyList<string> Countries, IReadOnlyList<int> GcmObjectives, DateOnly PublishedOn);

    /// <summary>A month of the semester and the practice scheduled in it, if any, whatever its publication.</summary>
    public sealed record Month(DateOnly First, int? PracticeId, Bilingual? Title, PracticeStatus? Status, DateOnly? PublishedOn);

    public sealed record Data(IReadOnlyList<Item> Published, IReadOnlyList<Month> Calendar);

    public override string Key => "practices";

    public override int Order => 500;

    protected override async Task<Data> CollectDataAsync(MovilidadDb db, ReportScope scope, CancellationToken ct)
    {
        var from = scope.Semester.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = scope.Semester.End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var published = await db.Practices.AsNoTracking()
            .Where(p => p.Status == PracticeStatus.Published && p.PublishedAt >= from && p.PublishedAt < to)
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title, p.Summary, Institution = p.Institution!.Name, PublishedAt = p.PublishedAt!.Value,
                Countries = p.Countries.Select(c => c.CountryCode).ToList(),
                Objectives = p.GcmObjectives.Select(g => g.Objective).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);

        var months = Enumerable.Range(0, 6).Select(i => scope.Semester.Start.AddMonths(i)).ToList();
        var scheduled = await db.Practices.AsNoTracking().Where(p => p.ScheduledMonth >= scope.Semester.Start && p.ScheduledMonth <= scope.Semester.End)
            .Select(p => new { p.Id, Month = p.ScheduledMonth!.Value, p.Title, p.Status, p.PublishedAt }).ToListAsync(ct);
        return new Data(
            published.Select(p => new Item(
                p.Id, p.Title, p.Summary, p.Institution, p.Countries.Order(StringComparer.Ordinal).ToList(), p.Objectives.Order().ToList(), DateOnly.FromDateTime(p.PublishedAt)))
                .ToList(),
            months.Select(m => scheduled.SingleOrDefault(p => p.Month == m) is { } p
                ? new Month(m, p.Id, p.Title, p.Status, p.PublishedAt is { } at ? DateOnly.FromDateTime(at) : null)
                : new Month(m, null, null, null, null)).ToList());
    }

    protected override IEnumerable<Block> Render(Data data, ReportText text)
    {
        yield return new Heading(1, text["Report.Section.Practices"]);
        var filled = data.Calendar.Count(m => m.Status == PracticeStatus.Published);
        yield return new Paragraph(text.Format("Report.PracticesIntro", data.Published.Count, filled, data.Calendar.Count));

        yield return new Heading(2, text["Report.PracticesPublished"]);
        if (data.Published.Count == 0)
        {
            yield return new Paragraph(text["Report.NoPractices"], IsNote: true);
        }
        else
        {
            yield return new Table(
            [
                new(text["Report.Col.PublishedOn"], 12), new(text["Report.Col.Practice"], 26), new(text["Report.Col.Countries"], 10), new(text["Report.Col.Gcm"], 10),
                new(text["Report.Col.Summary"], 42),
            ],
            data.Published.Select(p => (IReadOnlyList<string>)
            [
                p.PublishedOn.ToString("d", text.Culture), text.Pick(p.Title) + "\n" + text.Pick(p.Institution), string.Join(" ", p.Countries),
                string.Join(", ", p.GcmObjectives), text.Pick(p.Summary),
            ]).ToList());
            if (GcmLegend(data.Published.SelectMany(p => p.GcmObjectives), text) is { } legend)
            {
                yield return legend;
            }
        }

        yield return new Heading(2, text["Report.PracticeCalendar"]);
        yield return new Table(
            [new(text["Report.Col.Month"], 22), new(text["Report.Col.Practice"], 50), new(text["Report.Col.Status"], 28)],
            data.Calendar.Select(m => (IReadOnlyList<string>)
            [
                text.Month(m.First), m.Title is { } title ? text.Pick(title) : "–",
                m.Status switch
                {
                    null => text["Report.MonthEmpty"],
                    PracticeStatus.Published when m.PublishedOn is { } on => text.Format("Report.PublishedOn", on.ToString("d", text.Culture)),
                    PracticeStatus.Accepted => text["Report.MonthScheduled"],
                    { } status => text["PracticeStatus." + status],
                },
            ]).ToList());
    }
}

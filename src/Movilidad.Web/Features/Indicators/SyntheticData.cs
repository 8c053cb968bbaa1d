using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Institutions;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Web.Features.Indicators;

/// <summary>What a synthetic data set holds.</summary>
public sealed record SyntheticSize(string Name, int Lines, int ActionsPerLine, int Activities, int Indicators, int Years)
{
    /// <summary>11 countries, 2,000 activities, 200 indicators, 16 semesters, 4 sex categories: about 140,000 values.</summary>
    public static readonly SyntheticSize Realistic = new("realistic", 8, 25, 2_000, 200, 8);

    /// <summary>100 times the indicators and activities of <see cref="Realistic"/>: about 14 million values.</summary>
    public static readonly SyntheticSize Stress = new("stress", 8, 250, 200_000, 20_000, 8);
}

/// <summary>
/// A reproducible synthetic plan (same seed, same data) for benchmarks: lines and actions, activities with country
/// shares, indicators with targets, a semi-annual calendar, and every member country's approved values by sex.
/// Written in batches with change tracking off, so memory stays flat; a data set of the same name is replaced.
/// </summary>
public static class SyntheticData
{
    private const int Batch = 5_000;

    public static async Task<(int Indicators, int Values)> SeedAsync(MovilidadDb db, SyntheticSize size, int seed, Action<string> progress, CancellationToken ct)
    {
        var random = new Random(seed);
        db.ShowsUnpublished = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var key = "sintetico-" + size.Name;
        // Replacing a data set of the same name: what hangs from the plan's elements first (those links are restricted), then the plan.
        await db.Activities.IgnoreQueryFilters().Where(a => a.Action!.Plan!.Key == key).ExecuteDeleteAsync(ct);
        await db.Indicators.IgnoreQueryFilters().Where(i => i.Plan!.Key == key).ExecuteDeleteAsync(ct);
        await db.PlanElements.IgnoreQueryFilters().Where(e => e.Plan!.Key == key && e.ParentId != null).ExecuteDeleteAsync(ct);
        await db.Plans.IgnoreQueryFilters().Where(p => p.Key == key).ExecuteDeleteAsync(ct);
        var countries = (await ActivityEditing.MemberCountriesAsync(db, ct)).Order(StringComparer.Ordinal).ToList();
        var groups = await db.Institutions.Where(i => i.Kind == InstitutionKind.WorkingGroup).Select(i => i.Id).ToListAsync(ct);
        var first = 2023;
        var plan = new Plan
        {
            Key = key, Number = "S" + size.Name[..1].ToUpperInvariant(), Kind = PlanKind.OperationalPlan, SourceDocument = "synthetic", PeriodStart = first, PeriodEnd = first + size.Years - 1,
            Title = new($"Plan sintético ({size.Name})", $"Synthetic plan ({size.Name})"), SortOrder = 1_000, SourceHash = "synthetic",
            Levels = [new() { Key = "line", Name = new("Línea", "Line") }, new() { Key = "action", Name = new("Acción", "Action") }],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);

        var actions = new List<PlanElement>();
        for (var l = 0; l < size.Lines; l++)
        {
            var line = new PlanElement { PlanId = plan.Id, Key = $"l{l + 1}", LevelKey = "line", Code = $"{l + 1}", Title = new($"Línea {l + 1}", $"Line {l + 1}"), Section = "synthetic", SortOrder = l };
            db.PlanElements.Add(line);
            await db.SaveChangesAsync(ct);
            for (var a = 0; a < size.ActionsPerLine; a++)
            {
                var action = new PlanElement { PlanId = plan.Id, ParentId = line.Id, Depth = 1, Key = $"l{l + 1}a{a + 1}", LevelKey = "action", Code = $"{l + 1}.{a + 1}", Title = new($"Acción {l + 1}.{a + 1}", $"Action {l + 1}.{a + 1}"), Section = "synthetic", SortOrder = a };
                actions.Add(action);
                db.PlanElements.Add(action);
            }

            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        progress($"{actions.Count} actions");
        for (var i = 0; i < size.Activities; i++)
        {
            var start = new DateOnly(first, 1, 1).AddDays(random.Next(size.Years * 365 - 60));
            var done = start.AddDays(60) < new DateOnly(first + (size.Years / 2), 1, 1);
            db.Activities.Add(new Activity
            {
                ActionId = actions[i % actions.Count].Id, Code = $"A{i + 1}", Title = new($"Actividad {i + 1}", $"Activity {i + 1}"), WorkingGroupId = groups[random.Next(groups.Count)],
                StartDate = start, EndDate = start.AddDays(60), CreatedAt = DateTime.UtcNow, Status = done ? ActivityStatus.Done : ActivityStatus.Planned,
                Countries = countries.Where(_ => random.NextDouble() < 0.3).Select(c => new ActivityCountry { CountryCode = c, Status = done ? ActivityStatus.Done : ActivityStatus.Planned }).ToList(),
            });
            if ((i + 1) % Batch == 0)
            {
                await FlushAsync(db, ct);
            }
        }

        await FlushAsync(db, ct);
        progress($"{size.Activities} activities");

        db.ReportingCalendars.Add(new ReportingCalendar { PlanId = plan.Id, PeriodType = PeriodType.Semester, DueDays = 30, SourceReference = "synthetic" });
        var periods = Periods.Between(first, first + size.Years - 1, PeriodType.Semester)
            .Select(p => new ReportingPeriod { PlanId = plan.Id, Code = p.Code, Type = p.Type, Start = p.Start, End = p.End, Due = p.End.AddDays(30) }).ToList();
        db.ReportingPeriods.AddRange(periods);
        var indicators = new List<Indicator>();
        for (var i = 0; i < size.Indicators; i++)
        {
            const bool people = true;
            var indicator = new Indicator
            {
                PlanId = plan.Id, Key = $"i{i + 1}", Code = $"S{i + 1}", ElementId = actions[i % actions.Count].Id, WorkingGroupId = groups[i % groups.Count],
                Type = (IndicatorType)(i % 3), Name = new($"Indicador sintético {i + 1}", $"Synthetic indicator {i + 1}"), Definition = new("Sintético.", "Synthetic."),
                Unit = people ? new("Personas", "People") : new("Número", "Number"), UnitCode = people ? "PERSONS" : "NUMBER",
                TargetType = i % 4 == 0 ? TargetType.Cumulative : TargetType.Incremental, Aggregation = AggregationRule.Sum, SourceReference = "synthetic", SortOrder = i, EditedAt = DateTime.UtcNow,
                Targets = countries.Select(c => new IndicatorTarget { CountryCode = c, PeriodCode = periods[^1].Code, Value = random.Next(50, 500) }).ToList(),
            };
            indicators.Add(indicator);
            db.Indicators.Add(indicator);
            if ((i + 1) % 500 == 0)
            {
                await db.SaveChangesAsync(ct);
            }
        }

        await FlushAsync(db, ct);
        progress($"{indicators.Count} indicators, {periods.Count} periods");

        var values = 0;
        foreach (var period in periods)
        {
            foreach (var country in countries)
            {
                var report = new IndicatorReport { PeriodId = period.Id, CountryCode = country, Status = ReportStatus.Approved, UpdatedAt = DateTime.UtcNow, Version = 3 };
                db.IndicatorReports.Add(report);
                await db.SaveChangesAsync(ct);
                foreach (var indicator in indicators)
                {
                    var total = random.Next(0, 60);
                    var women = random.Next(0, total + 1);
                    var men = random.Next(0, total - women + 1);
                    var other = random.Next(0, Math.Min(2, total - women - men) + 1);
                    db.IndicatorValues.Add(indicator.UnitCode == "PERSONS"
                        ? new IndicatorValue { ReportId = report.Id, IndicatorId = indicator.Id, Total = total, Women = women, Men = men, Other = other, NotReported = total - women - men - other }
                        : new IndicatorValue { ReportId = report.Id, IndicatorId = indicator.Id, Total = total });
                    values += indicator.UnitCode == "PERSONS" ? 4 : 1;
                    if (db.ChangeTracker.Entries().Count() >= Batch)
                    {
                        await FlushAsync(db, ct);
                    }
                }
            }

            await FlushAsync(db, ct);
            progress($"{period.Code}: {values} values");
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return (indicators.Count, values);
    }

    private static async Task FlushAsync(MovilidadDb db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

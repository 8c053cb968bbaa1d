using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;

namespace Movilidad.Matrix.Bench;

/// <summary>Activities of realistic shape spread over the actions of the plans: deterministic, so runs compare.</summary>
public static class Seeding
{
    private static readonly string[] Countries = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"];

    public static Task MatrixAsync(IServiceProvider services, int activities) => AddAsync(services, activities, countries: 2);

    /// <summary>
    /// The IATI data: activities in three countries, each with one indicator of its own (IATI results hold only indicators
    /// attached to an activity), targets per country for the four semesters of 2024-2025 and approved values by sex.
    /// </summary>
    public static async Task IatiAsync(IServiceProvider services, int activities)
    {
        await AddAsync(services, activities, countries: 3);
        await IndicatorsAsync(services);
    }

    private static async Task AddAsync(IServiceProvider services, int count, int countries)
    {
        var random = new Random(4);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        db.ShowsUnpublished = true;
        var actions = await db.PlanElements.Where(e => e.LevelKey == "action").Select(e => e.Id).ToListAsync();
        var groups = await db.Institutions.Where(i => i.Kind == InstitutionKind.WorkingGroup).Select(i => i.Id).ToListAsync();
        var states = await db.Institutions.Where(i => i.Kind == InstitutionKind.MemberState).Select(i => new { i.Id, i.CountryCode }).ToListAsync();
        var others = await db.Institutions.Where(i => i.Kind == InstitutionKind.UnAgency).Select(i => i.Id).ToListAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var start = new DateOnly(2024, 1, 1).AddDays(random.Next(900));
            var status = (ActivityStatus)random.Next(7);
            var chosen = Countries.OrderBy(_ => random.Next()).Take(countries).ToList();
            db.Activities.Add(new Activity
            {
                ActionId = actions[i % actions.Count],
                Code = $"B{i:D5}",
                Title = new($"Actividad de referencia {i}: taller regional de movilidad laboral", $"Benchmark activity {i}: regional labour mobility workshop"),
                Description = new("Intercambio de experiencias entre ministerios de trabajo y agencias.", "Exchange of experience between labour ministries and agencies."),
                Term = (Term)random.Next(3),
                StartDate = start,
                EndDate = start.AddDays(30 + random.Next(300)),
                WorkingGroupId = groups[i % groups.Count],
                GenderMarker = random.Next(3),
                Status = status,
                StatusReason = status is ActivityStatus.Postponed or ActivityStatus.Cancelled ? "Sin fondos" : null,
                CreatedAt = DateTime.UtcNow,
                Countries = chosen.Select(c => new ActivityCountry
                {
                    CountryCode = c,
                    ResponsibleInstitutionId = states.FirstOrDefault(s => s.CountryCode == c)?.Id,
                    StartDate = start,
                    BudgetAmount = random.Next(100, 50_000) + 0.25m,
                    BudgetCurrency = "USD",
                }).ToList(),
                Institutions = [new() { InstitutionId = others[i % others.Count], Role = InstitutionRole.Accompanying }],
                BudgetLines =
                [
                    new() { Kind = BudgetKind.Planned, Amount = random.Next(1000, 90_000), CurrencyCode = "USD", Source = "Fondo de la CRM" },
                    new() { Kind = BudgetKind.Executed, Amount = random.Next(0, 1000), CurrencyCode = "USD", Source = "Fondo de la CRM" },
                ],
                GcmObjectives = [new() { Objective = 1 + (i % 23) }],
                SdgTargets = [new() { Target = "8.8" }],
            });
            if (i % 1000 == 999)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    private static async Task IndicatorsAsync(IServiceProvider services)
    {
        var random = new Random(5);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        db.ShowsUnpublished = true;
        var activities = await db.Activities.Where(a => EF.Functions.Like(a.Code, "B%"))
            .Select(a => new { a.Id, a.Code, a.Action!.PlanId, Countries = a.Countries.Select(c => c.CountryCode).ToList() }).ToListAsync();
        var spans = Periods.Between(2024, 2025, PeriodType.Semester).ToList();
        var periods = new Dictionary<(int Plan, string Code), ReportingPeriod>();
        foreach (var planId in activities.Select(a => a.PlanId).Distinct())
        {
            if (!await db.ReportingCalendars.AnyAsync(c => c.PlanId == planId))
            {
                db.ReportingCalendars.Add(new ReportingCalendar { PlanId = planId, PeriodType = PeriodType.Semester, DueDays = 30, SourceReference = "bench" });
            }

            var existing = await db.ReportingPeriods.Where(p => p.PlanId == planId).ToListAsync();
            foreach (var span in spans)
            {
                var period = existing.FirstOrDefault(p => p.Code == span.Code);
                if (period is null)
                {
                    period = new ReportingPeriod { PlanId = planId, Code = span.Code, Type = span.Type, Start = span.Start, End = span.End, Due = span.End.AddDays(30) };
                    db.ReportingPeriods.Add(period);
                }

                periods[(planId, span.Code)] = period;
            }
        }

        await db.SaveChangesAsync();
        var reports = new Dictionary<(int Period, string Country), IndicatorReport>();
        foreach (var period in periods.Values)
        {
            foreach (var country in Countries)
            {
                var report = await db.IndicatorReports.FirstOrDefaultAsync(r => r.PeriodId == period.Id && r.CountryCode == country)
                    ?? db.IndicatorReports.Add(new IndicatorReport { PeriodId = period.Id, CountryCode = country, UpdatedAt = DateTime.UtcNow }).Entity;
                report.Status = ReportStatus.Approved;
                reports[(period.Id, country)] = report;
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var indicator = new Indicator
            {
                PlanId = activity.PlanId, ActivityId = activity.Id, Key = "bench-" + activity.Code, Code = "I-" + activity.Code, Type = (IndicatorType)(i % 3),
                Name = new($"Personas capacitadas en la actividad {activity.Code}", $"People trained in activity {activity.Code}"),
                Definition = new("Participantes que completan la formación.", "Participants who complete the training."),
                Unit = new("Personas", "People"), UnitCode = "PERSONS", Baseline = random.Next(0, 20), BaselineYear = 2023,
                TargetType = TargetType.Incremental, Aggregation = AggregationRule.Sum, SourceReference = "bench", SortOrder = i, EditedAt = DateTime.UtcNow,
                Targets = activity.Countries.SelectMany(c => spans.Select(s => new IndicatorTarget { CountryCode = c, PeriodCode = s.Code, Value = random.Next(20, 200) })).ToList(),
            };
            db.Indicators.Add(indicator);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            foreach (var country in activity.Countries)
            {
                foreach (var span in spans)
                {
                    var total = random.Next(0, 180);
                    var women = random.Next(0, total + 1);
                    var men = random.Next(0, total - women + 1);
                    var other = Math.Min(random.Next(0, 3), total - women - men);
                    db.IndicatorValues.Add(new IndicatorValue
                    {
                        ReportId = reports[(periods[(activity.PlanId, span.Code)].Id, country)].Id, IndicatorId = indicator.Id,
                        Total = total, Women = women, Men = men, Other = other, NotReported = total - women - men - other,
                    });
                }
            }

            if (i % 200 == 199)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Web.Features.Institutions;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Matrix.Bench;

/// <summary>Activities of realistic shape spread over the actions of the plans: deterministic, so runs compare.</summary>
public static class Seeding
{
    private static readonly string[] Countries = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"];

    public static Task MatrixAsync(IServiceProvider services, int activities) => AddAsync(services, activities, countries: 2);

    public static Task IatiAsync(IServiceProvider services, int activities) => AddAsync(services, activities, countries: 3);

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
}

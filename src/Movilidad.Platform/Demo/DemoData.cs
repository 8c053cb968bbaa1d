using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Comments;
using Movilidad.Platform.Data;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Reports;
using IndicatorReportStatus = Movilidad.Platform.Indicators.ReportStatus;

namespace Movilidad.Platform.Demo;

/// <summary>What <see cref="DemoData.SeedAsync"/> wrote, or <see cref="DemoData.RemoveAsync"/> took out.</summary>
public sealed record DemoSummary(int Activities, int IndicatorReports, int Targets, int Pledges, int Practices, int Reports, int Comments)
{
    public override string ToString() =>
        $"{Activities} activities, {IndicatorReports} indicator reports, {Targets} targets, {Pledges} pledges, {Practices} good practices, {Reports} semi-annual reports, {Comments} comments";
}

/// <summary>
/// A demonstration data set on the real plans, so a fresh install shows what follow-up looks like: activities under the
/// Regional Plan's actions with country shares, budgets and concept notes in every state; targets and values of the
/// Strategic Plan's indicators reported, submitted, approved and returned for periods that have ended; pledges with
/// quarterly updates; good practices in the publication calendar; a semi-annual report in draft; comments. Every date
/// is relative to <c>today</c>, so nothing is done, approved or published in the future, and every row obeys the
/// platform's workflow (<see cref="WorkflowChecks"/>, run before the transaction commits). Each row written is listed
/// in <see cref="DemoRecord"/>: removing the demonstration takes out those rows and nothing else.
/// </summary>
public static class DemoData
{
    public const string RegionalPlan = "prml-2023-2027";
    public const string StrategicPlan = "pe-crm-2023-2026";
    public const string ActivityCodePrefix = "DEMO-";
    public const string AccountEmail = "demostracion@movilidad.invalid";

    private const string ActivityType = "activity";
    private const string ReportType = "indicator-report";
    private const string TargetType = "indicator-target";
    private const string PledgeType = "pledge";
    private const string PracticeType = "practice";
    private const string SemiAnnualType = "report";
    private const string CommentType = "comment";
    private const string AccountType = "account";

    private static readonly (Bilingual Kind, Modality Modality)[] Kinds =
    [
        (new("Taller regional", "Regional workshop"), Modality.InPerson),
        (new("Diagnóstico nacional", "National assessment"), Modality.Hybrid),
        (new("Curso virtual", "Online course"), Modality.Virtual),
        (new("Mesa técnica", "Technical round table"), Modality.Hybrid),
        (new("Intercambio de experiencias", "Exchange of experiences"), Modality.InPerson),
    ];

    public static Task<bool> IsPresentAsync(MovilidadDb db, CancellationToken ct) => db.DemoRecords.AnyAsync(ct);

    public static async Task<DemoSummary> SeedAsync(MovilidadDb db, DateOnly today, CancellationToken ct)
    {
        db.ShowsUnpublished = true;
        if (await db.DemoRecords.AnyAsync(ct))
        {
            throw new InvalidOperationException("Demonstration data is already loaded: remove it first (seed --remove-demo).");
        }

        var before = (await WorkflowChecks.ViolationsAsync(db, today, ct)).ToHashSet(StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var records = new List<DemoRecord>();
        var countries = (await db.MemberCountriesAsync(ct)).Order(StringComparer.Ordinal).ToList();
        var institutions = await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Code, i.Kind, i.CountryCode }).ToListAsync(ct);
        int Institution(string code) => institutions.Single(i => i.Code == code).Id;
        int State(string country) => institutions.First(i => i.Kind == InstitutionKind.MemberState && i.CountryCode == country).Id;

        var account = new Account
        {
            Email = AccountEmail, NormalizedEmail = AccountEmail.ToUpperInvariant(), DisplayName = "Equipo de demostración / Demonstration team",
            SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now.AddDays(-720),
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        records.Add(new() { EntityType = AccountType, EntityId = account.Id });

        var activities = await ActivitiesAsync(db, today, now, countries, State, Institution("GT-ML"), ct);
        records.AddRange(activities.Select(a => new DemoRecord { EntityType = ActivityType, EntityId = a.Id }));

        var (reports, targets) = await IndicatorsAsync(db, today, now, countries, ct);
        records.AddRange(reports.Select(id => new DemoRecord { EntityType = ReportType, EntityId = id }));
        records.AddRange(targets.Select(id => new DemoRecord { EntityType = TargetType, EntityId = id }));

        var pledges = await PledgesAsync(db, today, now, activities, State, Institution, ct);
        records.AddRange(pledges.Select(id => new DemoRecord { EntityType = PledgeType, EntityId = id }));

        var practices = await PracticesAsync(db, today, now, State, ct);
        records.AddRange(practices.Select(id => new DemoRecord { EntityType = PracticeType, EntityId = id }));

        var semiAnnual = await SemiAnnualReportAsync(db, today, now, ct);
        records.AddRange(semiAnnual.Select(id => new DemoRecord { EntityType = SemiAnnualType, EntityId = id }));

        var comments = activities.Where(a => a.Status is ActivityStatus.Done or ActivityStatus.InProgress).Take(6).Select((a, i) => new Comment
        {
            EntityType = ActivityType, EntityId = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AccountId = account.Id, CreatedAt = now.AddDays(-3 - (i * 5)),
            Text = i % 2 == 0
                ? "Datos de demostración: ¿podemos compartir la relatoría de esta actividad con los demás países?"
                : "Demonstration data: the list of participants is attached to the concept note.",
        }).ToList();
        db.Comments.AddRange(comments);
        await db.SaveChangesAsync(ct);
        records.AddRange(comments.Select(c => new DemoRecord { EntityType = CommentType, EntityId = c.Id }));

        db.DemoRecords.AddRange(records);
        var summary = new DemoSummary(activities.Count, reports.Count, targets.Count, pledges.Count, practices.Count, semiAnnual.Count, comments.Count);
        await db.SaveAuditedAsync(AuditActor.CommandLine(), () => new(AuditActions.Create, "demo-data", "1", null, summary), TimeProvider.System, ct);

        var added = (await WorkflowChecks.ViolationsAsync(db, today, ct)).Where(p => !before.Contains(p)).ToList();
        if (added.Count > 0)
        {
            throw new InvalidOperationException("The demonstration data breaks the platform's workflow rules:\n" + string.Join('\n', added));
        }

        await transaction.CommitAsync(ct);
        return summary;
    }

    /// <summary>Takes out every row the demonstration wrote (and the links real rows made to them), and nothing else.</summary>
    public static async Task<DemoSummary> RemoveAsync(MovilidadDb db, CancellationToken ct)
    {
        db.ShowsUnpublished = true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var listed = await db.DemoRecords.AsNoTracking().ToListAsync(ct);
        List<int> Ids(string type) => listed.Where(r => r.EntityType == type).Select(r => r.EntityId).ToList();
        var (activities, reports, targets, pledges, practices, semiAnnual, comments, accounts) =
            (Ids(ActivityType), Ids(ReportType), Ids(TargetType), Ids(PledgeType), Ids(PracticeType), Ids(SemiAnnualType), Ids(CommentType), Ids(AccountType));

        await db.Comments.Where(c => comments.Contains(c.Id)).ExecuteDeleteAsync(ct);
        await db.Set<PledgeActivity>().IgnoreQueryFilters().Where(l => activities.Contains(l.ActivityId)).ExecuteDeleteAsync(ct);
        await db.Pledges.Where(p => p.MatchingPledgeId != null && pledges.Contains(p.MatchingPledgeId.Value)).ExecuteUpdateAsync(s => s.SetProperty(p => p.MatchingPledgeId, (int?)null), ct);
        await db.Pledges.Where(p => pledges.Contains(p.Id)).ExecuteDeleteAsync(ct);
        await db.Practices.Where(p => practices.Contains(p.Id)).ExecuteDeleteAsync(ct);
        await db.Reports.Where(r => semiAnnual.Contains(r.Id)).ExecuteDeleteAsync(ct);
        var touched = await db.IndicatorReports.Where(r => reports.Contains(r.Id)).Select(r => new { r.Period!.PlanId, r.PeriodId, r.CountryCode }).ToListAsync(ct);
        await db.IndicatorReports.Where(r => reports.Contains(r.Id)).ExecuteDeleteAsync(ct);
        foreach (var t in touched)
        {
            await IndicatorTotals.RefreshAsync(db, t.PlanId, t.PeriodId, t.CountryCode, ct);
        }

        await db.IndicatorTargets.Where(t => targets.Contains(t.Id)).ExecuteDeleteAsync(ct);
        await db.Indicators.Where(i => i.ActivityId != null && activities.Contains(i.ActivityId.Value)).ExecuteUpdateAsync(s => s.SetProperty(i => i.ActivityId, (int?)null), ct);
        await db.Activities.IgnoreQueryFilters().Where(a => activities.Contains(a.Id)).ExecuteDeleteAsync(ct);
        await db.Accounts.Where(a => accounts.Contains(a.Id)).ExecuteDeleteAsync(ct);
        await db.DemoRecords.ExecuteDeleteAsync(ct);
        var summary = new DemoSummary(activities.Count, reports.Count, targets.Count, pledges.Count, practices.Count, semiAnnual.Count, comments.Count);
        if (listed.Count > 0)
        {
            await db.SaveAuditedAsync(AuditActor.CommandLine(), () => new(AuditActions.Delete, "demo-data", "1", summary, null), TimeProvider.System, ct);
        }

        // The deletes above bypass the change tracker: the data version moves when they commit.
        db.ContentChanged();
        await transaction.CommitAsync(ct);
        return summary;
    }

    private static async Task<List<Activity>> ActivitiesAsync(MovilidadDb db, DateOnly today, DateTime now, List<string> countries, Func<string, int> state, int workingGroup, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Key == RegionalPlan, ct);
        var actions = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == plan.Id && e.LevelKey == "action")
            .OrderBy(e => e.Depth).ThenBy(e => e.SortOrder).ThenBy(e => e.Id).Select(e => new { e.Id, e.Code }).ToListAsync(ct);
        var (first, last) = (new DateOnly(plan.PeriodStart, 1, 1), new DateOnly(plan.PeriodEnd, 12, 31));
        var activities = new List<Activity>();
        var count = actions.Count * 2;
        for (var n = 0; n < count; n++)
        {
            var action = actions[n / 2];
            var (kind, modality) = Kinds[n % Kinds.Length];

            // From about 30 months ago to a year ahead, inside the plan's period.
            var start = today.AddDays(-900 + (n * 1300 / count));
            var end = start.AddDays(30 + (n % 5 * 45));
            (start, end) = (start < first ? first : start, end > last ? last : end);
            start = start > end ? end.AddDays(-30) : start;
            var status = end < today ? (n % 9 == 4 ? ActivityStatus.Cancelled : ActivityStatus.Done)
                : start <= today ? ActivityStatus.InProgress
                : (n % 11 == 3 ? ActivityStatus.Postponed : (n % 4) switch { 0 or 1 => ActivityStatus.Planned, 2 => ActivityStatus.ConceptNoteComplete, _ => ActivityStatus.Approved });
            var shares = countries.Skip(n % countries.Count).Concat(countries).Take(2 + (n % 4)).ToList();
            var budget = 15_000m + (n % 7 * 5_000m);
            var activity = new Activity
            {
                ActionId = action.Id, Code = $"{ActivityCodePrefix}{action.Code}-{(n % 2) + 1}",
                Title = new($"{kind.Es} sobre la acción {action.Code} (demostración)", $"{kind.En} on action {action.Code} (demonstration)"),
                Description = new(
                    "Actividad de demostración: muestra cómo se sigue una actividad del Plan Operativo, con sus países, presupuesto y nota conceptual.",
                    "Demonstration activity: it shows how an Operational Plan activity is followed up, with its countries, budget and concept note."),
                StartDate = start, EndDate = end, WorkingGroupId = workingGroup, Priority = (ActivityPriority)(n % 3), GenderMarker = n % 3, Status = status,
                StatusReason = status switch
                {
                    ActivityStatus.Cancelled => "Sustituida por un curso virtual de la OIT (demostración).",
                    ActivityStatus.Postponed => "A la espera de confirmar el financiamiento (demostración).",
                    _ => null,
                },
                CreatedAt = now.AddDays(-960 + n), Version = 1,
                Countries = shares.Select((c, i) => new ActivityCountry
                {
                    CountryCode = c, Status = status, StatusReason = status is ActivityStatus.Cancelled or ActivityStatus.Postponed ? "Véase la actividad (demostración)." : null,
                    ResponsibleInstitutionId = state(c), BudgetAmount = budget / shares.Count, BudgetCurrency = "USD", Version = 1,
                }).ToList(),
                BudgetLines = [new() { Kind = BudgetKind.Planned, Amount = budget, CurrencyCode = "USD", Source = "OIT / ILO" }],
                GcmObjectives = [new() { Objective = 6 }, new() { Objective = n % 2 == 0 ? 5 : 18 }],
            };
            if (status is ActivityStatus.Done or ActivityStatus.InProgress)
            {
                activity.BudgetLines.Add(new() { Kind = BudgetKind.Executed, Amount = status == ActivityStatus.Done ? budget * 0.9m : budget * 0.4m, CurrencyCode = "USD", Source = "OIT / ILO" });
            }

            activity.ConceptNote = Note(n, status, kind, modality, start, end, budget);
            activities.Add(activity);
        }

        db.Activities.AddRange(activities);
        await db.SaveChangesAsync(ct);
        return activities;
    }

    /// <summary>Complete for every activity past the concept-note step (with results once done); partial or none for those still planned, postponed or cancelled.</summary>
    private static ConceptNote? Note(int n, ActivityStatus status, Bilingual kind, Modality modality, DateOnly start, DateOnly end, decimal budget)
    {
        var complete = WorkflowChecks.IsPastConceptNote(status) || (status is ActivityStatus.Cancelled && n % 2 == 0);
        if (!complete && n % 3 == 0)
        {
            return null;
        }

        var note = new ConceptNote
        {
            Objective = $"{kind.Es}: fortalecer las capacidades de las instituciones de trabajo en movilidad laboral (demostración).",
            ExpectedResults = "Personal capacitado y una hoja de ruta acordada por los países participantes.",
            Modality = modality, StartDate = start, EndDate = end,
        };
        if (complete)
        {
            note.Indicators = "R2: buenas prácticas identificadas; P1: procesos fortalecidos.";
            (note.ExpectedWomen, note.ExpectedMen, note.ExpectedOther) = (12 + (n % 5), 10 + (n % 4), 0);
            note.Place = modality == Modality.Virtual ? "En línea" : "Ciudad de Panamá";
            (note.BudgetAmount, note.BudgetCurrency) = (budget, "USD");
            note.Responsible = "Secretaría Ejecutiva de la CRM";
            note.Partners = "OIT, OIM";
            note.Risks = "Cambios de autoridades; se mitiga con puntos focales suplentes.";
        }

        if (status == ActivityStatus.Done)
        {
            (note.ActualWomen, note.ActualMen, note.ActualOther, note.ActualNotReported) = (11 + (n % 6), 9 + (n % 5), n % 2, 1);
            note.Outputs = "Relatoría y lista de participantes (demostración).";
        }

        return note;
    }

    private static async Task<(List<int> Reports, List<int> Targets)> IndicatorsAsync(MovilidadDb db, DateOnly today, DateTime now, List<string> countries, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Key == StrategicPlan, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id && i.Source == IndicatorSource.Reported)
            .OrderBy(i => i.SortOrder).Select(i => new { i.Id, i.UnitCode }).ToListAsync(ct);
        var periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == plan.Id).OrderBy(p => p.Start).ToListAsync(ct);
        var existingTargets = (await db.IndicatorTargets.AsNoTracking().Where(t => indicators.Select(i => i.Id).Contains(t.IndicatorId))
            .Select(t => new { t.IndicatorId, t.CountryCode, t.PeriodCode }).ToListAsync(ct)).Select(t => (t.IndicatorId, t.CountryCode, t.PeriodCode)).ToHashSet();
        var targets = (from i in indicators.Select((indicator, index) => (indicator.Id, index))
                       from c in countries.Select((country, index) => (Code: country, index))
                       from p in periods.Select((period, index) => (period.Code, index))
                       where !existingTargets.Contains((i.Id, c.Code, p.Code))
                       select new IndicatorTarget { IndicatorId = i.Id, CountryCode = c.Code, PeriodCode = p.Code, Value = 1 + ((i.index + c.index + p.index) % 4) }).ToList();
        db.IndicatorTargets.AddRange(targets);

        var ended = periods.Where(p => p.End < today).ToList();
        var existingReports = (await db.IndicatorReports.AsNoTracking().Where(r => r.Period!.PlanId == plan.Id).Select(r => new { r.PeriodId, r.CountryCode }).ToListAsync(ct))
            .Select(r => (r.PeriodId, r.CountryCode)).ToHashSet();
        var reports = new List<IndicatorReport>();
        foreach (var (period, p) in ended.Select((period, p) => (period, p)))
        {
            var latest = p == ended.Count - 1;
            foreach (var (country, c) in countries.Select((country, c) => (country, c)))
            {
                // The latest ended period is still being reported: approved, submitted, returned, in draft, or not started.
                IndicatorReportStatus? status = !latest ? IndicatorReportStatus.Approved : c switch
                {
                    < 4 => IndicatorReportStatus.Approved,
                    < 6 => IndicatorReportStatus.Submitted,
                    6 => IndicatorReportStatus.Returned,
                    < 9 => IndicatorReportStatus.Draft,
                    _ => null,
                };
                if (status is null || existingReports.Contains((period.Id, country)))
                {
                    continue;
                }

                var updated = period.End.AddDays(20 + c).ToDateTime(new TimeOnly(15, 30), DateTimeKind.Utc);
                reports.Add(new IndicatorReport
                {
                    PeriodId = period.Id, CountryCode = country, Status = status.Value, Version = 3,
                    UpdatedAt = updated < now ? updated : now.AddHours(-1),
                    Comment = status == IndicatorReportStatus.Returned ? "Revisar el total de R2: no coincide con el informe nacional (demostración)." : null,
                    Values = indicators.Select((i, k) => new IndicatorValue { IndicatorId = i.Id, Total = i.UnitCode == "PERCENT" ? 20 + ((p + c + k) * 7 % 70) : (p + c + k) % 4 }).ToList(),
                });
            }
        }

        db.IndicatorReports.AddRange(reports);
        await db.SaveChangesAsync(ct);
        foreach (var report in reports)
        {
            await IndicatorTotals.RefreshAsync(db, plan.Id, report.PeriodId, report.CountryCode, ct);
        }

        return (reports.Select(r => r.Id).ToList(), targets.Select(t => t.Id).ToList());
    }

    private static async Task<List<int>> PledgesAsync(MovilidadDb db, DateOnly today, DateTime now, List<Activity> activities, Func<string, int> state, Func<string, int> institution, CancellationToken ct)
    {
        var current = ((today.Year * 4) + ((today.Month - 1) / 3));
        (int Year, int Quarter) Quarter(int index) => (index / 4, (index % 4) + 1);
        DateTime Recorded(int index)
        {
            var (year, quarter) = Quarter(index);
            var at = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(9).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            return at < now ? at : now.AddHours(-2);
        }

        PledgeUpdate Update(int index, PledgeStatus status, string narrative) =>
            new() { Year = Quarter(index).Year, Quarter = Quarter(index).Quarter, Status = status, Narrative = narrative, RecordedAt = Recorded(index) };

        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Plan!.Key == StrategicPlan && i.Source == IndicatorSource.Reported).OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync(ct);
        var pledges = new List<Pledge>
        {
            new()
            {
                Title = new("Ventanilla única de información sobre vías regulares de empleo (demostración)", "One-stop information desk on regular employment pathways (demonstration)"),
                Description = new("Compromiso de demostración de un Estado Miembro.", "A Member State's demonstration pledge."),
                IsPublished = true, CreatedAt = now.AddDays(-500), Version = 5,
                Pledgers = [new() { InstitutionId = state("GT") }], GcmObjectives = [new() { Objective = 3 }, new() { Objective = 5 }],
                Milestones = [new() { Title = "Diseño de la ventanilla", DueDate = today.AddDays(-300), Done = true }, new() { Title = "Apertura al público", DueDate = today.AddDays(90) }],
                Activities = [new() { ActivityId = activities[0].Id }], Indicators = [new() { IndicatorId = indicator }],
                Updates = [Update(current - 4, PledgeStatus.InProgress, "Diseño aprobado."), Update(current - 3, PledgeStatus.InProgress, "Personal contratado."),
                    Update(current - 2, PledgeStatus.InProgress, "Piloto en dos departamentos."), Update(current - 1, PledgeStatus.InProgress, "Piloto evaluado.")],
            },
            new()
            {
                Title = new("Formación conjunta en contratación equitativa (demostración)", "Joint training on fair recruitment (demonstration)"),
                Description = new("Compromiso conjunto de demostración de dos agencias.", "A joint demonstration pledge by two agencies."),
                IsPublished = true, CreatedAt = now.AddDays(-300), Version = 4,
                Pledgers = [new() { InstitutionId = institution("OIT") }, new() { InstitutionId = institution("OIM") }], GcmObjectives = [new() { Objective = 6 }],
                Updates = [Update(current - 2, PledgeStatus.InProgress, "Currículo acordado."), Update(current - 1, PledgeStatus.Fulfilled, "Tres cohortes formadas.")],
            },
            new()
            {
                Title = new("Portabilidad de la seguridad social (demostración)", "Portability of social security (demonstration)"),
                Description = new("Compromiso de demostración aún sin publicar.", "A demonstration pledge not yet published."),
                IsPublished = false, CreatedAt = now.AddDays(-100), Version = 2,
                Pledgers = [new() { InstitutionId = state("MX") }], GcmObjectives = [new() { Objective = 22 }],
                Updates = [Update(current - 1, PledgeStatus.NotStarted, "A la espera del convenio.")],
            },
        };
        db.Pledges.AddRange(pledges);
        await db.SaveChangesAsync(ct);
        return pledges.Select(p => p.Id).ToList();
    }

    private static async Task<List<int>> PracticesAsync(MovilidadDb db, DateOnly today, DateTime now, Func<string, int> state, CancellationToken ct)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var taken = (await db.Practices.Where(p => p.ScheduledMonth != null).Select(p => p.ScheduledMonth!.Value).ToListAsync(ct)).ToHashSet();
        var practices = new List<Practice>();
        Practice Practice(int n, string country, PracticeStatus status) => new()
        {
            Title = new($"Buena práctica de demostración {n}: certificación de competencias de personas migrantes", $"Demonstration good practice {n}: certifying migrant workers' skills"),
            Summary = new("Un resumen breve de la práctica (demostración).", "A short summary of the practice (demonstration)."),
            Body = new("Qué se hizo, con quién y con qué resultados.\n\nTexto de demostración.", "What was done, with whom and with what results.\n\nDemonstration text."),
            InstitutionId = state(country), Status = status, SubmittedAt = now.AddDays(-150 + (n * 10)), Countries = [new() { CountryCode = country }], GcmObjectives = [new() { Objective = 18 }],
        };
        foreach (var (months, n) in new[] { (-3, 1), (-2, 2), (-1, 3) })
        {
            var month = thisMonth.AddMonths(months);
            if (taken.Contains(month))
            {
                continue;
            }

            var practice = Practice(n, n == 2 ? "CR" : "SV", PracticeStatus.Published);
            (practice.ConsentGivenBy, practice.ConsentGivenOn, practice.ConsentRecordedAt) = ("Dirección de Empleo", month.AddDays(-20), month.AddDays(-19).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            (practice.ScheduledMonth, practice.PublishedAt) = (month, month.AddDays(2).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
            practices.Add(practice);
        }

        if (!taken.Contains(thisMonth.AddMonths(1)))
        {
            var scheduled = Practice(4, "PA", PracticeStatus.Accepted);
            (scheduled.ConsentGivenBy, scheduled.ConsentGivenOn, scheduled.ScheduledMonth) = ("Ministerio de Trabajo", today.AddDays(-10), thisMonth.AddMonths(1));
            practices.Add(scheduled);
        }

        practices.Add(Practice(5, "HN", PracticeStatus.Submitted));
        var returned = Practice(6, "DO", PracticeStatus.Returned);
        returned.ReviewComment = "Añadir los resultados en cifras (demostración).";
        practices.Add(returned);
        db.Practices.AddRange(practices);
        await db.SaveChangesAsync(ct);
        return practices.Select(p => p.Id).ToList();
    }

    private static async Task<List<int>> SemiAnnualReportAsync(MovilidadDb db, DateOnly today, DateTime now, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Key == StrategicPlan, ct);
        var semester = today.Month > 6 ? new Semester(today.Year, 1) : new Semester(today.Year - 1, 2);
        if (await db.Reports.AnyAsync(r => r.PlanId == plan.Id && r.Year == semester.Year && r.Half == semester.Half, ct))
        {
            return [];
        }

        var report = new Report
        {
            PlanId = plan.Id, Year = semester.Year, Half = semester.Half, Status = Reports.ReportStatus.Draft, CreatedAt = now.AddDays(-5), Version = 2,
            Summary = new("Borrador de demostración: resumen del semestre preparado por la Secretaría Ejecutiva.", "Demonstration draft: the Executive Secretariat's summary of the semester."),
            Narratives = [new() { CountryCode = "GT", Text = new("Guatemala informa avances en la ventanilla única (demostración).", string.Empty), UpdatedAt = now.AddDays(-2), UpdatedBy = "Demostración" }],
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        return [report.Id];
    }
}

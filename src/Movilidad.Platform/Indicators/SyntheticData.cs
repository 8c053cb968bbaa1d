using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Npgsql;
using NpgsqlTypes;

namespace Movilidad.Platform.Indicators;

/// <summary>What a synthetic data set holds.</summary>
public sealed record SyntheticSize(string Name, int Lines, int ActionsPerLine, int Activities, int Indicators, int Years)
{
    /// <summary>11 countries, 2,000 activities, 200 indicators, 16 semesters, 4 sex categories: about 140,000 values.</summary>
    public static readonly SyntheticSize Realistic = new("realistic", 8, 25, 2_000, 200, 8);

    /// <summary>100 times the indicators and activities of <see cref="Realistic"/>: about 14 million values.</summary>
    public static readonly SyntheticSize Stress = new("stress", 8, 250, 200_000, 20_000, 8);
}

/// <summary>
/// A reproducible synthetic plan (same seed and day, same data, on either database) for benchmarks: lines and actions,
/// activities with country shares, indicators with targets, a semi-annual calendar, every member country's approved
/// values by sex, and their totals (<see cref="IndicatorTotals"/>). Its dates obey the platform's rules relative to
/// <c>today</c> (<see cref="WorkflowChecks"/>): the values fill the semesters of the <see cref="SyntheticSize.Years"/>
/// years before this one, all ended; the plan runs to the end of next year, and an activity is done only once it has
/// ended, in progress once it has started, each of those with a complete concept note. The rows are generated in one fixed order and
/// written in one transaction: with PostgreSQL's binary COPY for the bulk tables, with the change tracker in batches
/// on SQLite. A data set of the same name is replaced.
/// </summary>
public static class SyntheticData
{
    private const int Batch = 5_000;

    public static async Task<(int Indicators, int Values)> SeedAsync(MovilidadDb db, SyntheticSize size, int seed, DateOnly today, Action<string> progress, CancellationToken ct)
    {
        var random = new Random(seed);
        db.ShowsUnpublished = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Replacing a stress data set deletes millions of rows; the bulk writes below take minutes on a busy server.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var key = "sintetico-" + size.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Replacing a data set of the same name: what hangs from the plan's elements first (those links are restricted), then the plan.
        await db.Activities.IgnoreQueryFilters().Where(a => a.Action!.Plan!.Key == key).ExecuteDeleteAsync(ct);
        await db.Indicators.IgnoreQueryFilters().Where(i => i.Plan!.Key == key).ExecuteDeleteAsync(ct);
        await db.PlanElements.IgnoreQueryFilters().Where(e => e.Plan!.Key == key && e.ParentId != null).ExecuteDeleteAsync(ct);
        await db.Plans.IgnoreQueryFilters().Where(p => p.Key == key).ExecuteDeleteAsync(ct);
        var countries = (await db.MemberCountriesAsync(ct)).Order(StringComparer.Ordinal).ToList();
        var groups = await db.Institutions.Where(i => i.Kind == InstitutionKind.WorkingGroup).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var first = today.Year - size.Years;
        var last = today.Year + 1;
        var plan = new Plan
        {
            Key = key, Number = "S" + size.Name[..1].ToUpperInvariant(), Kind = PlanKind.OperationalPlan, SourceDocument = "synthetic", PeriodStart = first, PeriodEnd = last,
            Title = new($"Plan sintético ({size.Name})", $"Synthetic plan ({size.Name})"), SortOrder = 1_000, SourceHash = "synthetic",
            Levels = [new() { Key = "line", Name = new("Línea", "Line") }, new() { Key = "action", Name = new("Acción", "Action"), Actionable = true }],
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
                var action = new PlanElement { PlanId = plan.Id, ParentId = line.Id, Depth = 1, Key = $"l{l + 1}a{a + 1}", LevelKey = "action", IsActionable = true, Code = $"{l + 1}.{a + 1}", Title = new($"Acción {l + 1}.{a + 1}", $"Action {l + 1}.{a + 1}"), Section = "synthetic", SortOrder = a };
                actions.Add(action);
                db.PlanElements.Add(action);
            }

            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        progress($"{actions.Count} actions");
        var sink = db.Database.IsNpgsql() ? (ISink)new CopySink((NpgsqlConnection)db.Database.GetDbConnection()) : new TrackedSink(db);
        var now = DateTime.UtcNow;
        var activities = new List<Activity>(Batch);
        for (var i = 0; i < size.Activities; i++)
        {
            var start = new DateOnly(first, 1, 1).AddDays(random.Next(((last - first + 1) * 365) - 60));
            var end = start.AddDays(60);
            var status = end < today ? ActivityStatus.Done : start <= today ? ActivityStatus.InProgress : ActivityStatus.Planned;
            activities.Add(new Activity
            {
                ActionId = actions[i % actions.Count].Id, Code = $"A{i + 1}", Title = new($"Actividad {i + 1}", $"Activity {i + 1}"), WorkingGroupId = groups[random.Next(groups.Count)],
                StartDate = start, EndDate = end, CreatedAt = now, Status = status,
                Countries = countries.Where(_ => random.NextDouble() < 0.3).Select(c => new ActivityCountry { CountryCode = c, Status = status }).ToList(),
                ConceptNote = status == ActivityStatus.Planned ? null : Note(i, start, end),
            });
            if (activities.Count == Batch || i == size.Activities - 1)
            {
                await sink.ActivitiesAsync(activities, ct);
                activities.Clear();
                if ((i + 1) % (Batch * 10) == 0 || i == size.Activities - 1)
                {
                    progress($"{i + 1} activities");
                }
            }
        }

        db.ReportingCalendars.Add(new ReportingCalendar { PlanId = plan.Id, PeriodType = PeriodType.Semester, DueDays = 30, SourceReference = "synthetic" });
        var calendar = Periods.Between(first, last, PeriodType.Semester)
            .Select(p => new ReportingPeriod { PlanId = plan.Id, Code = p.Code, Type = p.Type, Start = p.Start, End = p.End, Due = p.End.AddDays(30) }).ToList();
        db.ReportingPeriods.AddRange(calendar);
        await db.SaveChangesAsync(ct);

        // The values fill the years before this one: every such period has ended.
        var periods = calendar.Where(p => p.End.Year < today.Year).ToList();

        var indicators = new List<Indicator>(size.Indicators);
        for (var i = 0; i < size.Indicators; i++)
        {
            const bool people = true;
            indicators.Add(new Indicator
            {
                PlanId = plan.Id, Key = $"i{i + 1}", Code = $"S{i + 1}", ElementId = actions[i % actions.Count].Id, WorkingGroupId = groups[i % groups.Count],
                Type = (IndicatorType)(i % 3), Name = new($"Indicador sintético {i + 1}", $"Synthetic indicator {i + 1}"), Definition = new("Sintético.", "Synthetic."),
                Unit = people ? new("Personas", "People") : new("Número", "Number"), UnitCode = people ? "PERSONS" : "NUMBER",
                TargetType = i % 4 == 0 ? TargetType.Cumulative : TargetType.Incremental, Aggregation = AggregationRule.Sum, SourceReference = "synthetic", SortOrder = i, EditedAt = now,
                Targets = countries.Select(c => new IndicatorTarget { CountryCode = c, PeriodCode = periods[^1].Code, Value = random.Next(50, 500) }).ToList(),
            });
        }

        foreach (var chunk in indicators.Chunk(Batch / 5))
        {
            await sink.IndicatorsAsync(chunk, ct);
        }

        progress($"{indicators.Count} indicators, {periods.Count} periods reported");
        var reports = periods.SelectMany(p => countries.Select(c => new IndicatorReport { PeriodId = p.Id, CountryCode = c, Status = ReportStatus.Approved, UpdatedAt = now, Version = 3 })).ToList();
        db.IndicatorReports.AddRange(reports);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Every report is approved, so every value counts: the totals are summed as the values are generated.
        var values = 0;
        var byPeriod = new Dictionary<(int Indicator, int Period), IndicatorPeriodTotal>();
        var byCountry = new Dictionary<(int Indicator, string Country), IndicatorCountryTotal>();
        IEnumerable<IndicatorValue> Values()
        {
            var report = 0;
            foreach (var period in periods)
            {
                foreach (var country in countries)
                {
                    var reportId = reports[report++].Id;
                    foreach (var indicator in indicators)
                    {
                        var total = random.Next(0, 60);
                        var women = random.Next(0, total + 1);
                        var men = random.Next(0, total - women + 1);
                        var other = random.Next(0, Math.Min(2, total - women - men) + 1);
                        values += indicator.UnitCode == "PERSONS" ? 4 : 1;
                        Count(indicator.Id, period, country, total);
                        yield return indicator.UnitCode == "PERSONS"
                            ? new IndicatorValue { ReportId = reportId, IndicatorId = indicator.Id, Total = total, Women = women, Men = men, Other = other, NotReported = total - women - men - other }
                            : new IndicatorValue { ReportId = reportId, IndicatorId = indicator.Id, Total = total };
                    }
                }

                progress($"{period.Code}: {values} values");
            }
        }

        void Count(int indicator, ReportingPeriod period, string country, int total)
        {
            if (!byPeriod.TryGetValue((indicator, period.Id), out var inPeriod))
            {
                byPeriod[(indicator, period.Id)] = inPeriod = new IndicatorPeriodTotal { IndicatorId = indicator, PeriodId = period.Id };
            }

            (inPeriod.Sum, inPeriod.Count, inPeriod.Positive) = (inPeriod.Sum + total, inPeriod.Count + 1, inPeriod.Positive + (total > 0 ? 1 : 0));
            if (!byCountry.TryGetValue((indicator, country), out var inCountry))
            {
                byCountry[(indicator, country)] = inCountry = new IndicatorCountryTotal { IndicatorId = indicator, CountryCode = country, LatestPeriod = period.Code };
            }

            // The periods come in order of time, so the latest value is the last one seen.
            (inCountry.Sum, inCountry.LatestPeriod, inCountry.Latest) = (inCountry.Sum + total, period.Code, total);
        }

        await sink.ValuesAsync(Values(), ct);
        await sink.TotalsAsync(byPeriod.Values, byCountry.Values, ct);
        await transaction.CommitAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // Fresh statistics, so the planner sees the tables as they now are.
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "Activities", "ActivityCountries", "Indicators", "IndicatorTargets", "IndicatorReports", "IndicatorValues", "IndicatorPeriodTotals", "IndicatorCountryTotals" """, ct);
        }

        progress("committed");
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return (indicators.Count, values);
    }

    /// <summary>A complete concept note (<see cref="ConceptNote.MissingFields"/> empty), which an activity needs to be in progress or done.</summary>
    private static ConceptNote Note(int i, DateOnly start, DateOnly end) => new()
    {
        Objective = $"Objetivo de la actividad sintética {i + 1}.", ExpectedResults = "Resultados esperados.", Indicators = "Indicadores sintéticos.",
        ExpectedWomen = 10, ExpectedMen = 10, ExpectedOther = 0, Modality = Modality.Virtual, Place = "En línea", StartDate = start, EndDate = end,
        BudgetAmount = 10_000, BudgetCurrency = "USD", Responsible = "Grupo de trabajo", Partners = "OIT", Risks = "Ninguno.",
    };

    /// <summary>Where the bulk rows go.</summary>
    private interface ISink
    {
        Task ActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken ct);

        /// <summary>Writes indicators with their targets and sets their ids.</summary>
        Task IndicatorsAsync(IReadOnlyList<Indicator> indicators, CancellationToken ct);

        Task ValuesAsync(IEnumerable<IndicatorValue> values, CancellationToken ct);

        Task TotalsAsync(IEnumerable<IndicatorPeriodTotal> byPeriod, IEnumerable<IndicatorCountryTotal> byCountry, CancellationToken ct);
    }

    /// <summary>Through the change tracker, a batch at a time (SQLite).</summary>
    private sealed class TrackedSink(MovilidadDb db) : ISink
    {
        public Task ActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken ct) => AddAsync(activities, ct);

        public Task IndicatorsAsync(IReadOnlyList<Indicator> indicators, CancellationToken ct) => AddAsync(indicators, ct);

        public Task ValuesAsync(IEnumerable<IndicatorValue> values, CancellationToken ct) => AddAsync(values, ct);

        public async Task TotalsAsync(IEnumerable<IndicatorPeriodTotal> byPeriod, IEnumerable<IndicatorCountryTotal> byCountry, CancellationToken ct)
        {
            await AddAsync(byPeriod, ct);
            await AddAsync(byCountry, ct);
        }

        private async Task AddAsync<T>(IEnumerable<T> rows, CancellationToken ct)
            where T : class
        {
            foreach (var chunk in rows.Chunk(Batch))
            {
                db.Set<T>().AddRange(chunk);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>With PostgreSQL's binary COPY; the ids that other rows point to are drawn from the tables' sequences first.</summary>
    private sealed class CopySink(NpgsqlConnection connection) : ISink
    {
        public async Task ActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken ct)
        {
            var ids = await IdsAsync("Activities", activities.Count, ct);
            for (var i = 0; i < activities.Count; i++)
            {
                activities[i].Id = ids[i];
            }

            await CopyAsync("Activities", ["Id", "ActionId", "Code", "CodeSortKey", "TitleEs", "TitleEn", "DescriptionEs", "DescriptionEn", "StartDate", "EndDate", "WorkingGroupId", "Priority", "GenderMarker", "Status", "CreatedAt", "Version"],
                activities, (w, a) =>
                {
                    w.Write(a.Id, NpgsqlDbType.Integer);
                    w.Write(a.ActionId, NpgsqlDbType.Integer);
                    Text(w, a.Code, a.CodeSortKey, a.Title.Es, a.Title.En, a.Description.Es, a.Description.En);
                    Nullable(w, a.StartDate, NpgsqlDbType.Date);
                    Nullable(w, a.EndDate, NpgsqlDbType.Date);
                    Nullable(w, a.WorkingGroupId, NpgsqlDbType.Integer);
                    Text(w, a.Priority.ToString());
                    w.Write(a.GenderMarker, NpgsqlDbType.Integer);
                    Text(w, a.Status.ToString());
                    w.Write(a.CreatedAt, NpgsqlDbType.TimestampTz);
                    w.Write(a.Version, NpgsqlDbType.Integer);
                }, ct);
            await CopyAsync("ActivityCountries", ["ActivityId", "CountryCode", "Status", "Version"], activities.SelectMany(a => a.Countries.Select(c => (a.Id, c))), (w, row) =>
            {
                w.Write(row.Id, NpgsqlDbType.Integer);
                Text(w, row.c.CountryCode, row.c.Status.ToString());
                w.Write(row.c.Version, NpgsqlDbType.Integer);
            }, ct);
            await CopyAsync("ConceptNotes", ["ActivityId", "Objective", "ExpectedResults", "Indicators", "Place", "Responsible", "Partners", "Risks", "Outputs", "Modality",
                "ExpectedWomen", "ExpectedMen", "ExpectedOther", "StartDate", "EndDate", "BudgetAmount", "BudgetCurrency"],
                activities.Where(a => a.ConceptNote is not null).Select(a => (a.Id, Note: a.ConceptNote!)), (w, row) =>
                {
                    var n = row.Note;
                    w.Write(row.Id, NpgsqlDbType.Integer);
                    Text(w, n.Objective, n.ExpectedResults, n.Indicators, n.Place, n.Responsible, n.Partners, n.Risks, n.Outputs, n.Modality!.Value.ToString());
                    foreach (var count in new[] { n.ExpectedWomen, n.ExpectedMen, n.ExpectedOther })
                    {
                        Nullable(w, count, NpgsqlDbType.Integer);
                    }

                    Nullable(w, n.StartDate, NpgsqlDbType.Date);
                    Nullable(w, n.EndDate, NpgsqlDbType.Date);
                    Nullable(w, n.BudgetAmount, NpgsqlDbType.Numeric);
                    Text(w, n.BudgetCurrency!);
                }, ct);
        }

        public async Task IndicatorsAsync(IReadOnlyList<Indicator> indicators, CancellationToken ct)
        {
            var ids = await IdsAsync("Indicators", indicators.Count, ct);
            for (var i = 0; i < indicators.Count; i++)
            {
                indicators[i].Id = ids[i];
            }

            await CopyAsync("Indicators", ["Id", "PlanId", "Key", "Code", "ElementId", "WorkingGroupId", "Type", "NameEs", "NameEn", "DefinitionEs", "DefinitionEn", "UnitEs", "UnitEn", "UnitCode",
                "TargetType", "Aggregation", "Source", "Dimensions", "SourceReference", "SortOrder", "SourceHash", "EditedAt", "Version"], indicators, (w, i) =>
            {
                w.Write(i.Id, NpgsqlDbType.Integer);
                w.Write(i.PlanId, NpgsqlDbType.Integer);
                Text(w, i.Key, i.Code);
                Nullable(w, i.ElementId, NpgsqlDbType.Integer);
                Nullable(w, i.WorkingGroupId, NpgsqlDbType.Integer);
                Text(w, i.Type.ToString(), i.Name.Es, i.Name.En, i.Definition.Es, i.Definition.En, i.Unit.Es, i.Unit.En, i.UnitCode, i.TargetType.ToString(), i.Aggregation.ToString(), i.Source.ToString(),
                    i.Dimensions, i.SourceReference);
                w.Write(i.SortOrder, NpgsqlDbType.Integer);
                Text(w, i.SourceHash);
                Nullable(w, i.EditedAt, NpgsqlDbType.TimestampTz);
                w.Write(i.Version, NpgsqlDbType.Integer);
            }, ct);
            await CopyAsync("IndicatorTargets", ["IndicatorId", "CountryCode", "PeriodCode", "Value"], indicators.SelectMany(i => i.Targets.Select(t => (i.Id, t))), (w, row) =>
            {
                w.Write(row.Id, NpgsqlDbType.Integer);
                if (row.t.CountryCode is { } country)
                {
                    Text(w, country);
                }
                else
                {
                    w.WriteNull();
                }

                Text(w, row.t.PeriodCode);
                w.Write(row.t.Value, NpgsqlDbType.Numeric);
            }, ct);
        }

        public Task ValuesAsync(IEnumerable<IndicatorValue> values, CancellationToken ct) =>
            CopyAsync("IndicatorValues", ["ReportId", "IndicatorId", "Dimension", "Total", "Women", "Men", "Other", "NotReported"], values, (w, v) =>
            {
                w.Write(v.ReportId, NpgsqlDbType.Integer);
                w.Write(v.IndicatorId, NpgsqlDbType.Integer);
                Text(w, v.Dimension);
                foreach (var part in new[] { v.Total, v.Women, v.Men, v.Other, v.NotReported })
                {
                    Nullable(w, part, NpgsqlDbType.Numeric);
                }
            }, ct);

        public async Task TotalsAsync(IEnumerable<IndicatorPeriodTotal> byPeriod, IEnumerable<IndicatorCountryTotal> byCountry, CancellationToken ct)
        {
            await CopyAsync("IndicatorPeriodTotals", ["IndicatorId", "PeriodId", "Sum", "Count", "Positive"], byPeriod, (w, t) =>
            {
                w.Write(t.IndicatorId, NpgsqlDbType.Integer);
                w.Write(t.PeriodId, NpgsqlDbType.Integer);
                w.Write(t.Sum, NpgsqlDbType.Double);
                w.Write(t.Count, NpgsqlDbType.Integer);
                w.Write(t.Positive, NpgsqlDbType.Integer);
            }, ct);
            await CopyAsync("IndicatorCountryTotals", ["IndicatorId", "CountryCode", "Sum", "LatestPeriod", "Latest"], byCountry, (w, t) =>
            {
                w.Write(t.IndicatorId, NpgsqlDbType.Integer);
                Text(w, t.CountryCode);
                w.Write(t.Sum, NpgsqlDbType.Double);
                Text(w, t.LatestPeriod);
                w.Write(t.Latest, NpgsqlDbType.Double);
            }, ct);
        }

        private async Task<int[]> IdsAsync(string table, int count, CancellationToken ct)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id')) FROM generate_series(1, @count)""";
            command.Parameters.AddWithValue("count", count);
            var ids = new List<int>(count);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(checked((int)reader.GetInt64(0)));
            }

            return [.. ids];
        }

        private async Task CopyAsync<T>(string table, string[] columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);

            // Millions of rows: the server may still be checking keys and filling indexes long after the last one is sent.
            importer.Timeout = TimeSpan.FromHours(1);
            foreach (var row in rows)
            {
                // The importer buffers: its synchronous writes only copy into memory until a buffer is full.
                importer.StartRow();
                write(importer, row);
            }

            await importer.CompleteAsync(ct);
        }

        private static void Text(NpgsqlBinaryImporter w, params string[] texts)
        {
            foreach (var text in texts)
            {
                w.Write(text, NpgsqlDbType.Varchar);
            }
        }

        private static void Nullable<TValue>(NpgsqlBinaryImporter w, TValue? value, NpgsqlDbType type)
            where TValue : struct
        {
            if (value is { } v)
            {
                w.Write(v, type);
            }
            else
            {
                w.WriteNull();
            }
        }
    }
}

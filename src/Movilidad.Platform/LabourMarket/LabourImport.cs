using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Platform.Writes;
using Movilidad.Records;

namespace Movilidad.Platform.LabourMarket;

/// <summary>
/// What to import: the file, its publication when the person names it, whether only signed-in people read it, the dataset
/// it replaces, the column mapping of a table read as a template, and for a known publication the columns named for its
/// reader's fields (<see cref="RecordReaderOptions.Columns"/>).
/// </summary>
public sealed record LabourImportRequest(
    Stream File, string FileName, RecordSource? Source = null, bool Restricted = false, int? Replaces = null, TemplateMapping? Template = null, IReadOnlyDictionary<string, string>? Columns = null);

/// <summary>A measure's total in a dataset and the part that maps to ISCO-08.</summary>
public sealed record LabourMeasureTotal(string Measure, decimal Total, decimal Mapped, double ShareMapped);

/// <summary>A dataset as the API and the command line show it.</summary>
public sealed record LabourDatasetSummary(
    int Id, string Source, string? PublisherCountry, string FileName, string Sha256, string? Period, int? FiscalYear, string? Classification,
    int RowsRead, int RowsImported, int RowsSkipped, int Observations, bool IsRestricted, DateTime ImportedAt, string ImportedBy,
    IReadOnlyList<LabourMeasureTotal> Totals);

/// <summary>
/// Imports a labour-market file read by <see cref="RecordFile"/> into a dataset and its observations, whole or not at all:
/// one transaction holds the dataset, its observations (PostgreSQL's binary COPY, prepared inserts on SQLite, a batch at a
/// time), the employers and recruiters it names, the rows it skipped and the audit entry. The same file (same SHA-256) is
/// not imported twice; a dataset is deleted or replaced by whoever may import its source.
/// </summary>
public static class LabourImport
{
    public const string EntityType = "labour-dataset";
    public const string ImportAction = "import";

    /// <summary>The audit action of an import refused because a row is of a country the person may not import.</summary>
    public const string RefusedAction = "import-refused";
    private const int Batch = 5_000;

    // Serialises imports on PostgreSQL, so that two imports of the same file cannot both pass the hash check.
    private const long ImportLock = 7240532;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The country whose ministry publishes a source (US for OFLC, CA for ESDC), or null for ILOSTAT and templates.</summary>
    public static string? PublisherCountry(RecordSource source) => source switch
    {
        RecordSource.OflcH2A or RecordSource.OflcH2B or RecordSource.OflcH2BRecruiters => "US",
        RecordSource.EsdcLmia => "CA",
        RecordSource.Ilostat or RecordSource.Template => null,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>
    /// Reads and imports the file. Refused files and rows are errors by field (<c>file</c>, <c>source</c>, <c>replaces</c>)
    /// in <paramref name="language"/>; a file already imported is a conflict carrying the dataset that holds it;
    /// <paramref name="mayImport"/> decides, given the source's publisher country, whether the person may import it. A
    /// template carries any country's rows: whoever may import international sources (the Secretariat) imports it whole,
    /// anyone else only when every row is of a country they may import (a focal point, their own): the first row of another
    /// country refuses the file (nothing is imported), naming the row and the country, and the refusal is audited.
    /// </summary>
    public static async Task<WriteOutcome<LabourDatasetSummary>> ImportAsync(
        MovilidadDb db, LabourImportRequest request, Func<string?, bool> mayImport, AuditActor actor, TimeProvider clock, string language,
        IProgress<RecordProgress>? progress = null, CancellationToken ct = default)
    {
        RecordRead read;
        try
        {
            read = RecordFile.Open(request.File, request.FileName, new RecordReaderOptions { Source = request.Source, Template = request.Template, Columns = request.Columns, Progress = progress });
        }
        catch (RecordFileException e)
        {
            return Refused(e, language);
        }

        using (read)
        {
            var publisher = PublisherCountry(read.Source);
            var rowByRow = read.Source == RecordSource.Template && !mayImport(null);
            if (!rowByRow && !mayImport(publisher))
            {
                return new WriteOutcome<LabourDatasetSummary>.Forbidden();
            }

            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (db.Database.IsNpgsql())
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ImportLock})", ct);
                }

                var audit = new List<AuditRecord>();
                if (request.Replaces is { } replaced)
                {
                    var old = await SummaryAsync(db, replaced, ct);
                    if (old is null)
                    {
                        return new WriteOutcome<LabourDatasetSummary>.NotFound();
                    }

                    if (!mayImport(old.PublisherCountry))
                    {
                        return new WriteOutcome<LabourDatasetSummary>.Forbidden();
                    }

                    await RemoveAsync(db, replaced, ct);
                    audit.Add(new AuditRecord(AuditActions.Delete, EntityType, AuditTrail.Key(replaced), old, null, old.PublisherCountry));
                }

                var sha = read.Report.Sha256;
                if (await db.LabourDatasets.AsNoTracking().Where(d => d.Sha256 == sha).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct) is { } existing)
                {
                    return new WriteOutcome<LabourDatasetSummary>.Conflict((await SummaryAsync(db, existing, ct))!);
                }

                var dataset = NewDataset(read, publisher, request.Restricted, actor, clock);
                db.LabourDatasets.Add(dataset);
                await db.SaveChangesAsync(ct);
                RowsWritten written;
                try
                {
                    written = await WriteRowsAsync(db, dataset.Id, read, rowByRow ? mayImport : null, ct);
                }
                catch (RecordFileException e)
                {
                    return Refused(e, language);
                }

                if (written.Foreign is { } foreign)
                {
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return await RefuseForeignRowAsync(db, request, read.Report.Sha256, foreign, mayImport, actor, clock, language, ct);
                }

                dataset.Observations = written.Observations;

                // A template whose rows are all of one country is that country's source: its focal point may replace or delete it.
                if (read.Source == RecordSource.Template && written.Countries.Count == 1)
                {
                    dataset.PublisherCountry = publisher = written.Countries.Single();
                }

                Complete(dataset, read.Report);
                db.ChangeTracker.DetectChanges();
                var summary = Summary(dataset, read.Report.Totals.Select(Total).ToList());
                audit.Add(new AuditRecord(ImportAction, EntityType, AuditTrail.Key(dataset.Id), null, summary, publisher));
                await db.SaveAuditedManyAsync(actor, () => audit, clock, ct);
                if (read.Source is RecordSource.OflcH2BRecruiters or RecordSource.OflcH2B)
                {
                    // The recruiters the file declares join the directory in the same transaction.
                    await db.LinkDeclaredRecruitersAsync(actor, clock, ct);
                }

                await transaction.CommitAsync(ct);
                return new WriteOutcome<LabourDatasetSummary>.Saved(summary);
            }
            finally
            {
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            }
        }
    }

    /// <summary>Deletes a dataset and its observations (the organisations it named stay: other datasets may name them), audited.</summary>
    public static async Task<WriteOutcome<LabourDatasetSummary>> DeleteAsync(MovilidadDb db, int id, Func<string?, bool> mayDelete, AuditActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var old = await SummaryAsync(db, id, ct);
        if (old is null)
        {
            return new WriteOutcome<LabourDatasetSummary>.NotFound();
        }

        if (!mayDelete(old.PublisherCountry))
        {
            return new WriteOutcome<LabourDatasetSummary>.Forbidden();
        }

        await RemoveAsync(db, id, ct);
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Delete, EntityType, AuditTrail.Key(id), old, null, old.PublisherCountry), clock, ct);
        await transaction.CommitAsync(ct);
        return new WriteOutcome<LabourDatasetSummary>.Saved(old);
    }

    /// <summary>A dataset's summary with its totals, or null.</summary>
    public static async Task<LabourDatasetSummary?> SummaryAsync(MovilidadDb db, int id, CancellationToken ct)
    {
        var dataset = await db.LabourDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return dataset is null ? null : Summary(dataset, LabourReport.Read(dataset.ReportJson).Totals);
    }

    internal static LabourDatasetSummary Summary(LabourDataset d, IReadOnlyList<LabourMeasureTotal> totals) =>
        new(d.Id, d.Source, d.PublisherCountry, d.FileName, d.Sha256, d.PeriodCode, d.FiscalYear, d.Classification, d.RowsRead, d.RowsImported, d.RowsSkipped,
            d.Observations, d.IsRestricted, d.ImportedAt, d.ImportedBy, totals);

    private static LabourMeasureTotal Total(MeasureTotal t) => new(t.Measure.Code(), t.Total, t.Mapped, t.ShareMapped);

    private static WriteOutcome<LabourDatasetSummary> Refused(RecordFileException e, string language) =>
        new WriteOutcome<LabourDatasetSummary>.Invalid(new Dictionary<string, string[]>
        {
            [e.Reason == "source-mismatch" ? "source" : "file"] = [e.Describe(language)],
        });

    private static async Task RemoveAsync(MovilidadDb db, int id, CancellationToken ct)
    {
        await db.LabourObservationSums.Where(o => o.DatasetId == id).ExecuteDeleteAsync(ct);
        await db.LabourObservations.Where(o => o.DatasetId == id).ExecuteDeleteAsync(ct);
        await db.LabourDatasetIssues.Where(i => i.DatasetId == id).ExecuteDeleteAsync(ct);
        await db.LabourDatasets.Where(d => d.Id == id).ExecuteDeleteAsync(ct);
        db.ContentChanged();
    }

    private static LabourDataset NewDataset(RecordRead read, string? publisher, bool restricted, AuditActor actor, TimeProvider clock)
    {
        var report = read.Report;
        var now = clock.GetUtcNow().UtcDateTime;
        return new LabourDataset
        {
            Source = read.Source.Slug(),
            PublisherCountry = publisher,
            FileName = Cut(report.FileName, LabourMarketConfiguration.NameMaxLength)!,
            Sha256 = report.Sha256,
            Bytes = report.Bytes,
            Format = report.Format,
            Encoding = report.Encoding,
            Sheet = Cut(report.Sheet, 200),
            HeaderRow = report.HeaderRow,
            Title = Cut(report.Title, 2000),
            DescriptionEs = Cut(report.Description.Es, LabourMarketConfiguration.NameMaxLength)!,
            DescriptionEn = Cut(report.Description.En, LabourMarketConfiguration.NameMaxLength)!,
            FiscalYear = report.FiscalYear,
            IsRestricted = restricted,
            ImportedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            ImportedById = actor.AccountId,
            ImportedBy = Cut(actor.Name, LabourMarketConfiguration.NameMaxLength)!,
            ReportJson = "{}",
        };
    }

    private static void Complete(LabourDataset dataset, RecordReport report)
    {
        dataset.Classification = report.Classification?.Code();
        dataset.PeriodCode = report.PeriodCovered?.Code;
        dataset.PeriodStart = report.PeriodCovered?.Start;
        dataset.PeriodEnd = report.PeriodCovered?.End;
        dataset.RowsRead = report.RowsRead;
        dataset.RowsImported = report.RowsImported;
        dataset.RowsSkipped = report.RowsSkipped;
        dataset.FootnoteRows = report.FootnoteRows;
        dataset.ReportJson = LabourReport.From(report).ToJson();
        dataset.Issues = [.. report.Issues.Select(i => new LabourDatasetIssue
        {
            Kind = LabourReport.Kind(i.Kind),
            Sheet = Cut(i.Location.Sheet, 200),
            Row = i.Location.Row,
            Column = Cut(i.Column, 200),
            Reason = Cut(i.Reason, LabourMarketConfiguration.CodeMaxLength)!,
            Value = Cut(i.Value, LabourMarketConfiguration.NameMaxLength),
            MessageEs = Cut(i.Message.Es, 2000)!,
            MessageEn = Cut(i.Message.En, 2000)!,
        })];
    }

    /// <summary>What <see cref="WriteRowsAsync"/> wrote: how many observations, the countries of the rows, or the first row of a country the person may not import (nothing more is written then).</summary>
    private sealed record RowsWritten(int Observations, IReadOnlySet<string> Countries, RecordRow? Foreign);

    /// <summary>
    /// Audits the refusal of a template with a row of another country (in its own transaction: the import's is rolled
    /// back) and answers the error that names the row, its country and the countries the person may import.
    /// </summary>
    private static async Task<WriteOutcome<LabourDatasetSummary>> RefuseForeignRowAsync(
        MovilidadDb db, LabourImportRequest request, string sha256, RecordRow row, Func<string?, bool> mayImport, AuditActor actor, TimeProvider clock, string language, CancellationToken ct)
    {
        var own = string.Join(", ", Accounts.AccountAdministration.CrmCountries.Where(c => mayImport(c)).Order(StringComparer.Ordinal));
        var country = row.Place.Country;
        var at = row.Location;
        await db.SaveAuditedAsync(actor, () => new AuditRecord(RefusedAction, EntityType, sha256, null,
            new { FileName = Cut(request.FileName, LabourMarketConfiguration.NameMaxLength), Sha256 = sha256, at.Sheet, at.Row, Country = country, Allowed = own }, country), clock, ct);
        var column = request.Template?.CountryColumn;
        var message = language == "es"
            ? $"{at.File}{(at.Sheet is null ? "" : $", hoja «{at.Sheet}»")}, fila {at.Row}{(column is null ? "" : $", columna «{column}»")}: el país {country} no es el suyo. "
              + $"Un punto focal importa solo filas de su país ({own}); las de otro país las importa la Secretaría o el punto focal de ese país. No se importó nada."
            : $"{at.File}{(at.Sheet is null ? "" : $", sheet '{at.Sheet}'")}, row {at.Row}{(column is null ? "" : $", column '{column}'")}: country {country} is not yours. "
              + $"A focal point imports only rows of their own country ({own}); another country's rows are imported by the Secretariat or that country's focal point. Nothing was imported.";
        return new WriteOutcome<LabourDatasetSummary>.Invalid(new Dictionary<string, string[]> { ["country"] = [message] });
    }

    /// <summary>
    /// Writes the observations a batch at a time and, once all are written, their sums (<see cref="LabourObservationSum"/>).
    /// With <paramref name="mayImportRow"/>, each row's country is checked first and the first row refused stops the writing.
    /// </summary>
    private static async Task<RowsWritten> WriteRowsAsync(MovilidadDb db, int datasetId, RecordRead read, Func<string?, bool>? mayImportRow, CancellationToken ct)
    {
        var organisations = await LabourOrganisations.OpenAsync(db, ct);
        var sums = new Dictionary<SumKey, LabourObservationSum>();
        await using var sink = LabourObservationSink.For(db);
        var batch = new List<(RecordRow Row, Observation Observation)>(Batch);
        var count = 0;
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in read.Rows)
        {
            ct.ThrowIfCancellationRequested();
            if (countries.Add(row.Place.Country) && mayImportRow is not null && !mayImportRow(row.Place.Country))
            {
                return new RowsWritten(count, countries, row);
            }

            foreach (var observation in row.Observations)
            {
                batch.Add((row, observation));
            }

            if (batch.Count >= Batch)
            {
                count += await FlushAsync(db, datasetId, organisations, sink, sums, batch, ct);
            }
        }

        count += await FlushAsync(db, datasetId, organisations, sink, sums, batch, ct);
        db.LabourObservationSums.AddRange(sums.Values);
        await db.SaveChangesAsync(ct);
        return new RowsWritten(count, countries, null);
    }

    private static async Task<int> FlushAsync(
        MovilidadDb db, int datasetId, LabourOrganisations organisations, LabourObservationSink sink, Dictionary<SumKey, LabourObservationSum> sums,
        List<(RecordRow Row, Observation Observation)> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await organisations.AddNewAsync(db, batch.SelectMany(b => new[] { b.Row.Employer, b.Row.Recruiter }).OfType<Organisation>(), ct);
        var rows = batch.Select(b => new LabourObservation
        {
            DatasetId = datasetId,
            Measure = b.Observation.Measure.Code(),
            Value = b.Observation.Value,
            Weight = b.Observation.Weight,
            SourceClassification = b.Row.Occupation.Classification?.Code(),
            SourceCode = Cut(b.Row.Occupation.Code, LabourMarketConfiguration.CodeMaxLength),
            Isco08 = b.Observation.Isco08,
            Country = b.Row.Place.Country,
            Subdivision = b.Row.Place.Subdivision,
            Period = b.Row.Period.Code,
            PeriodStart = b.Row.Period.Start,
            PeriodEnd = b.Row.Period.End,
            FiscalYear = b.Row.Period.FiscalYear,
            Programme = Cut(b.Row.Programme, 200),
            EmployerId = organisations.IdOf(b.Row.Employer),
            RecruiterId = organisations.IdOf(b.Row.Recruiter),
            SourceRow = b.Row.Location.Row,
            CaseNumber = Cut(b.Row.CaseNumber, 64),
        }).ToList();
        await sink.WriteAsync(rows, ct);
        foreach (var o in rows)
        {
            var key = new SumKey(o.Measure, o.Isco08, o.Country, o.Subdivision, o.Period, o.PeriodStart, o.PeriodEnd, o.FiscalYear, o.Programme);
            if (!sums.TryGetValue(key, out var sum))
            {
                sums[key] = sum = new LabourObservationSum
                {
                    DatasetId = datasetId, Measure = o.Measure, Isco08 = o.Isco08, Country = o.Country, Subdivision = o.Subdivision,
                    Period = o.Period, PeriodStart = o.PeriodStart, PeriodEnd = o.PeriodEnd, FiscalYear = o.FiscalYear, Programme = o.Programme,
                };
            }

            sum.Value += o.Value;
            sum.Observations++;
        }

        batch.Clear();
        return rows.Count;
    }

    private readonly record struct SumKey(
        string Measure, string? Isco08, string Country, string? Subdivision, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, int? FiscalYear, string? Programme);

    internal static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

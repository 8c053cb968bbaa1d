using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Writes;
using Movilidad.Records;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>A row of the preview as the import would read it: the occupation (source and ISCO-08), place, period, programme and each value.</summary>
public sealed record LabourPreviewRow(int Row, string? Occupation, string? Isco08, string Place, string Period, string? Programme, IReadOnlyList<LabourPreviewValue> Values);

/// <summary>A value of a preview row: its measure's code and the value.</summary>
public sealed record LabourPreviewValue(string Measure, decimal Value);

/// <summary>
/// What the file looks like, while the import waits for the person: the header row (sheet and row), the columns a
/// publication's reader found by name and alias, the first rows as they are, whether the file is read through a column
/// mapping (a table of no known publication, or the template) and which (the one saved for this header, else the one
/// proposed from the names), the first rows as the import would read them and their problems (row and column named), and
/// the errors that would refuse the file; for a known publication, every field its reader looks for and the columns the
/// person named for some of them (a column renamed or moved in this edition of the file).
/// </summary>
public sealed record LabourImportLayout(
    string? Sheet, int HeaderRow, IReadOnlyList<string> Header, IReadOnlyDictionary<string, string> FoundColumns, IReadOnlyList<TablePreviewRow> Rows, string Signature,
    bool UsesMapping, TemplateMapping? Mapping, bool MappingSaved, IReadOnlyList<LabourPreviewRow> Preview, IReadOnlyList<LabourIssueView> Issues, IDictionary<string, string[]> Errors,
    IReadOnlyList<RecordField> Fields, IReadOnlyDictionary<string, string>? Columns);

/// <summary>An import started from the page: its file, status and progress, the dataset it made or the errors that refused it, and while it waits for the person its layout.</summary>
public sealed record LabourImportView(
    int Id, string Status, string FileName, string Sha256, long Bytes, string? Source, string? Detected, bool Restricted, int? Replaces, double Progress, int RowsRead,
    int? DatasetId, IDictionary<string, string[]>? Errors, DateTime CreatedAt, string CreatedBy, DateTime? FinishedAt, LabourImportLayout? Layout);

/// <summary>
/// The import page's steps: an upload is staged and inspected (a file that cannot be read is refused at once, naming
/// file, sheet, row and column); the person checks the columns, corrects the mapping and sees the first rows read; on
/// confirmation the mapping is saved for this header (audited) and the import is queued (<see cref="LabourImportQueue"/>).
/// </summary>
public static class LabourImports
{
    public const string EntityType = "labour-import";
    public const int PreviewRows = 12;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The mapping's fields as the form names them: a column each, and a fixed value for those a table may lack.</summary>
    public static readonly string[] ColumnFields = ["occupation", "classification", "country", "subdivision", "period", "programme", "employer"];

    public static string MeasureField(Measure measure) => "measure-" + measure.Code();

    /// <summary>The form's name for the column of a known publication's field.</summary>
    public static string ColumnField(string key) => "column-" + key;

    /// <summary>
    /// How the job's file is read: its publication (the one named, else the template when it is read through a mapping),
    /// the template's mapping, or for a known publication the columns the person named for its fields.
    /// </summary>
    public static (RecordSource? Source, TemplateMapping? Template, IReadOnlyDictionary<string, string>? Columns) Reading(LabourImportJob job)
    {
        RecordSource? named = job.Source is { } slug && RecordSources.TryParse(slug, out var parsed) ? parsed : null;
        RecordSource? detected = job.Detected is { } found && RecordSources.TryParse(found, out var seen) ? seen : null;
        return UsesMapping(detected, named)
            ? (RecordSource.Template, job.MappingJson is { } mapping ? TemplateMapping.FromJson(mapping) : null, null)
            : (named, null, job.MappingJson is { } columns ? JsonSerializer.Deserialize<Dictionary<string, string>>(columns, Json) : null);
    }

    public static async Task<WriteOutcome<LabourImportView>> UploadAsync(
        MovilidadDb db, LabourImportStaging staging, Stream upload, string fileName, LabourImportRequest options, AuditActor actor, TimeProvider clock, string language, CancellationToken ct)
    {
        var (staged, file) = await staging.StageAsync(upload, ct);
        TableInspection inspection;
        await using (file)
        {
            try
            {
                inspection = RecordFile.Inspect(file, fileName);
            }
            catch (RecordFileException e)
            {
                await file.DisposeAsync();
                staging.Delete(staged);
                return new WriteOutcome<LabourImportView>.Invalid(new Dictionary<string, string[]> { ["file"] = [e.Describe(language)] });
            }
        }

        var usesMapping = UsesMapping(inspection.Source, options.Source);
        var mapping = usesMapping ? await LabourColumnMappings.FindAsync(db, inspection.Signature, ct) ?? TemplateMapping.Propose(inspection.Header) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new LabourImportJob
        {
            Status = "mapping",
            FileName = LabourImport.Cut(fileName, LabourMarketConfiguration.NameMaxLength)!,
            StagedFile = staged,
            Sha256 = inspection.Sha256,
            Bytes = new FileInfo(Path.Combine(staging.Folder, staged)).Length,
            Source = options.Source?.Slug(),
            Detected = inspection.Source?.Slug(),
            Restricted = options.Restricted,
            Replaces = options.Replaces,
            Signature = inspection.Signature,
            MappingJson = mapping?.ToJson(),
            Language = language,
            CreatedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            CreatedById = actor.AccountId,
            CreatedBy = LabourImport.Cut(actor.Name, LabourMarketConfiguration.NameMaxLength)!,
            CreatedFrom = LabourImport.Cut(actor.Address, 64),
            Via = LabourImport.Cut(actor.Via, LabourMarketConfiguration.NameMaxLength),
        };
        db.LabourImportJobs.Add(job);
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Create, EntityType, AuditTrail.Key(job.Id), null,
            new { job.FileName, job.Sha256, job.Bytes, job.Source, job.Detected, job.Signature }, null), clock, ct);
        return new WriteOutcome<LabourImportView>.Saved((await ViewAsync(db, staging, job.Id, null, language, ct))!);
    }

    /// <summary>Whether the file is read through a column mapping: a table no reader recognised, or the template, unless the person named a publication.</summary>
    private static bool UsesMapping(RecordSource? detected, RecordSource? named) =>
        named is null or RecordSource.Template && detected is null or RecordSource.Template;

    /// <summary>The import as it stands; while it waits for the person, its layout read with <paramref name="mapping"/> (the one saved with the import when null).</summary>
    public static async Task<LabourImportView?> ViewAsync(
        MovilidadDb db, LabourImportStaging staging, int id, TemplateMapping? mapping, string language, CancellationToken ct, IReadOnlyDictionary<string, string>? columns = null)
    {
        if (await db.LabourImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is not { } job)
        {
            return null;
        }

        var errors = job.Errors is { } json ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(json, Json) : null;
        var reading = Reading(job);
        var layout = job.Status == "mapping" ? await LayoutAsync(db, staging, job, mapping ?? reading.Template, columns ?? reading.Columns, language, ct) : null;
        var progress = job.Status == "done" ? 1 : job.Fraction ?? 0;
        return new LabourImportView(job.Id, job.Status, job.FileName, job.Sha256, job.Bytes, job.Source, job.Detected, job.Restricted, job.Replaces, progress, job.RowsRead,
            job.DatasetId, errors, job.CreatedAt, job.CreatedBy, job.FinishedAt, layout);
    }

    private static async Task<LabourImportLayout?> LayoutAsync(
        MovilidadDb db, LabourImportStaging staging, LabourImportJob job, TemplateMapping? mapping, IReadOnlyDictionary<string, string>? columns, string language, CancellationToken ct)
    {
        await using var file = staging.Open(job.StagedFile);
        if (file is null)
        {
            return null;
        }

        var inspection = RecordFile.Inspect(file, job.FileName, new RecordReaderOptions { Columns = columns });
        var (source, _, _) = Reading(job);
        var usesMapping = source == RecordSource.Template;
        var saved = usesMapping && mapping is not null && await db.LabourColumnMappings.AnyAsync(m => m.Signature == job.Signature && m.MappingJson == mapping!.ToJson(), ct);
        var preview = new List<LabourPreviewRow>();
        var issues = new List<LabourIssueView>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var read = RecordFile.Open(file, job.FileName, new RecordReaderOptions { Source = source, Template = mapping, Columns = usesMapping ? null : columns });
            foreach (var row in read.Rows)
            {
                preview.Add(new LabourPreviewRow(row.Location.Row,
                    row.Occupation.Code is { } code ? $"{row.Occupation.Classification?.Code()}:{code}" : null,
                    string.Join(", ", row.Observations.Select(o => o.Isco08).OfType<string>().Distinct(StringComparer.Ordinal)) is { Length: > 0 } isco ? isco : null,
                    row.Place.Subdivision ?? row.Place.Country, row.Period.Code, row.Programme,
                    [.. row.Values.Select(v => new LabourPreviewValue(v.Measure.Code(), v.Value))]));
                if (preview.Count >= PreviewRows)
                {
                    break;
                }
            }

            issues.AddRange(read.Report.Issues.Select(i => new LabourIssueView(LabourReport.Kind(i.Kind), i.Location.Sheet, i.Location.Row, i.Column, i.Reason, i.Value, i.Message.Es, i.Message.En)));
        }
        catch (RecordFileException e)
        {
            errors[e.Reason == "source-mismatch" ? "source" : "file"] = [e.Describe(language)];
        }

        return new LabourImportLayout(inspection.Sheet, inspection.HeaderRow, inspection.Header, inspection.FoundColumns, inspection.Rows, inspection.Signature, usesMapping,
            mapping, saved, preview, issues, errors, inspection.Fields, usesMapping ? null : columns);
    }

    /// <summary>
    /// The columns a form names for a known publication's fields (<c>column-KEY</c>) where they differ from the ones its
    /// reader finds by name and alias (<paramref name="found"/>), or the errors naming each field: a column not in the
    /// header, one named twice.
    /// </summary>
    public static (Dictionary<string, string>? Columns, Dictionary<string, string[]> Errors) ColumnsFrom(
        IFormCollection form, IReadOnlyList<string> header, IReadOnlyList<RecordField> fields, IReadOnlyDictionary<string, string> found, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var value = form[ColumnField(field.Key)].ToString();
            if (value.Length == 0)
            {
                continue;
            }

            if (!header.Contains(value, StringComparer.Ordinal))
            {
                errors[ColumnField(field.Key)] = [text["LabourMarket.Import.NoSuchColumn", Short(value)]];
                continue;
            }

            chosen[field.Key] = value;
            if (found.GetValueOrDefault(field.Key) != value)
            {
                columns[field.Key] = value;
            }
        }

        if (chosen.GroupBy(c => c.Value, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.TryAdd("mapping", [text["LabourMarket.Import.ColumnTwice", Short(twice.Key)]]);
        }

        return (errors.Count == 0 ? columns : null, errors);
    }

    /// <summary>The mapping a form gives (one column per field, fixed values for classification, country, period and programme), or the errors naming each field.</summary>
    public static (TemplateMapping? Mapping, Dictionary<string, string[]> Errors) MappingFrom(IFormCollection form, IReadOnlyList<string> header, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Column(string field)
        {
            var value = form[field].ToString();
            if (value.Length == 0)
            {
                return null;
            }

            if (!header.Contains(value, StringComparer.Ordinal))
            {
                errors[field] = [text["LabourMarket.Import.NoSuchColumn", Short(value)]];
            }

            return value;
        }

        string? Fixed(string field) => form[field + "-fixed"].ToString().Trim() is { Length: > 0 } value ? value : null;

        OccupationClassification? classification = null;
        if (Fixed("classification") is { } code)
        {
            if (OccupationClassifications.TryParse(code, out var parsed))
            {
                classification = parsed;
            }
            else
            {
                errors["classification-fixed"] = [text["LabourMarket.Import.BadClassification", Short(code)]];
            }
        }

        var period = Fixed("period");
        if (period is not null && !Period.TryParse(period, out _))
        {
            errors["period-fixed"] = [text["LabourMarket.Import.BadPeriod", Short(period)]];
        }

        var mapping = new TemplateMapping
        {
            OccupationColumn = Column("occupation"),
            ClassificationColumn = Column("classification"),
            Classification = classification,
            CountryColumn = Column("country"),
            Country = Fixed("country")?.ToUpperInvariant(),
            SubdivisionColumn = Column("subdivision"),
            PeriodColumn = Column("period"),
            Period = period,
            ProgrammeColumn = Column("programme"),
            Programme = Fixed("programme"),
            EmployerColumn = Column("employer"),
            Measures = [.. Measures.All.Select(m => (Measure: m, Column: Column(MeasureField(m)))).Where(m => m.Column is not null).Select(m => new TemplateMeasure(m.Column!, m.Measure))],
        };
        if (mapping.OccupationColumn is null)
        {
            errors.TryAdd("occupation", [text["LabourMarket.Import.NeedOccupation"]]);
        }

        if (mapping.ClassificationColumn is null && mapping.Classification is null)
        {
            errors.TryAdd("classification", [text["LabourMarket.Import.NeedClassification"]]);
        }

        if (mapping.CountryColumn is null && mapping.Country is null)
        {
            errors.TryAdd("country", [text["LabourMarket.Import.NeedCountry"]]);
        }

        if (mapping.PeriodColumn is null && mapping.Period is null)
        {
            errors.TryAdd("period", [text["LabourMarket.Import.NeedPeriod"]]);
        }

        if (mapping.Measures.Count == 0)
        {
            errors.TryAdd(MeasureField(Measure.WorkersRequested), [text["LabourMarket.Import.NeedMeasure"]]);
        }

        var used = new[] { mapping.OccupationColumn, mapping.ClassificationColumn, mapping.CountryColumn, mapping.SubdivisionColumn, mapping.PeriodColumn, mapping.ProgrammeColumn, mapping.EmployerColumn }
            .Concat(mapping.Measures.Select(m => m.Column)).OfType<string>().GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (used is not null)
        {
            errors.TryAdd("mapping", [text["LabourMarket.Import.ColumnTwice", Short(used.Key)]]);
        }

        return (errors.Count == 0 ? mapping : null, errors);
    }

    /// <summary>
    /// Confirms an import: with its mapping (for a table read through one; saved for this header, audited) and the rights the
    /// person has now (the import checks them against the file's publisher), queued. 400 names the field of a bad mapping.
    /// </summary>
    public static async Task<WriteOutcome<LabourImportView>> StartAsync(
        MovilidadDb db, LabourImportStaging staging, LabourImportQueue queue, int id, IFormCollection form, IStringLocalizer text, Func<string?, bool> rights, AuditActor actor,
        TimeProvider clock, string language, CancellationToken ct)
    {
        if (await db.LabourImportJobs.SingleOrDefaultAsync(j => j.Id == id, ct) is not { } job)
        {
            return new WriteOutcome<LabourImportView>.NotFound();
        }

        if (job.Status != "mapping")
        {
            return new WriteOutcome<LabourImportView>.Conflict((await ViewAsync(db, staging, id, null, language, ct))!);
        }

        if (Reading(job).Source == RecordSource.Template)
        {
            await using var file = staging.Open(job.StagedFile);
            if (file is null)
            {
                return new WriteOutcome<LabourImportView>.Invalid(new Dictionary<string, string[]> { ["file"] = [text["LabourMarket.Import.Gone"]] });
            }

            var header = RecordFile.Inspect(file, job.FileName).Header;
            var (mapping, errors) = MappingFrom(form, header, text);
            if (mapping is null)
            {
                return new WriteOutcome<LabourImportView>.Invalid(errors);
            }

            await LabourColumnMappings.SaveAsync(db, job.Signature, header, mapping, actor, clock, ct);
            job.MappingJson = mapping.ToJson();
        }
        else
        {
            await using var file = staging.Open(job.StagedFile);
            if (file is null)
            {
                return new WriteOutcome<LabourImportView>.Invalid(new Dictionary<string, string[]> { ["file"] = [text["LabourMarket.Import.Gone"]] });
            }

            var inspection = RecordFile.Inspect(file, job.FileName);
            var (columns, errors) = ColumnsFrom(form, inspection.Header, inspection.Fields, inspection.FoundColumns, text);
            if (columns is null)
            {
                return new WriteOutcome<LabourImportView>.Invalid(errors);
            }

            // A field the file lacks (its column renamed or moved in this edition) must be given a column before the import.
            foreach (var group in inspection.Missing.Where(g => !g.Any(columns.ContainsKey)))
            {
                var names = string.Join(" / ", group.Select(k => inspection.Fields.First(f => f.Key == k).Name));
                errors[ColumnField(group[0])] = [text["LabourMarket.Import.NeedColumn", names]];
            }

            if (errors.Count > 0)
            {
                return new WriteOutcome<LabourImportView>.Invalid(errors);
            }

            job.MappingJson = columns.Count > 0 ? JsonSerializer.Serialize(columns, Json) : null;
        }

        job.Rights = string.Join(",", AccountAdministration.CrmCountries.Prepend(null).Where(rights).Select(c => c ?? string.Empty));
        job.Status = "queued";
        job.Language = language;
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return new WriteOutcome<LabourImportView>.Saved((await ViewAsync(db, staging, id, null, language, ct))!);
    }

    /// <summary>Whether the person may see and confirm the import: with the rights of international sources (the Secretariat) any, everyone else the ones they started.</summary>
    public static async Task<bool> MayHandleAsync(MovilidadDb db, int id, Func<string?, bool> rights, AuditActor actor, CancellationToken ct) =>
        LabourDatasets.MayImportAny(rights) && (rights(null) || !await db.LabourImportJobs.AnyAsync(j => j.Id == id && j.CreatedById != actor.AccountId, ct));

    private static string Short(string value) => value.Length > 60 ? value[..60] : value;

    /// <summary>A value's text for the preview in the reader's culture.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);
}

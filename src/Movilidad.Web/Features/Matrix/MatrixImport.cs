using System.Globalization;
using System.Security.Claims;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Search;

using Movilidad.Web.Infrastructure.Observability;

namespace Movilidad.Web.Features.Matrix;

/// <summary>Something to fix in the file: where (sheet, row, column with its header) and what to do, in both languages.</summary>
public sealed record MatrixError(string Sheet, int Row, string Column, string Header, Bilingual Message);

/// <summary>A value of a conflicting row: what the file says and what the platform has now.</summary>
public sealed record ConflictField(string Header, string InFile, string InPlatform);

/// <summary>A row edited in the file whose share was saved in the platform after the export: nothing of it is applied.</summary>
public sealed record MatrixConflict(int Row, int ActivityId, string ActivityCode, string Country, int ExportedVersion, int CurrentVersion, IReadOnlyList<ConflictField> Fields);

/// <summary>What an import did: the rows applied (all or none), the rows left as they were, and why nothing was applied.</summary>
public sealed record MatrixOutcome(int Applied, int Unchanged, IReadOnlyList<MatrixError> Errors, IReadOnlyList<MatrixConflict> Conflicts)
{
    public bool Saved => Errors.Count == 0 && Conflicts.Count == 0;
}

/// <summary>
/// Reads an edited follow-up matrix back and applies it in one transaction: every row is validated, a row changed in
/// the platform since the export is a conflict, a row of another country is refused, and nothing lands unless all do.
/// </summary>
public static class MatrixImport
{
    private sealed record Stamp(int Version, string Value);

    private sealed record Edited(int Row, int ActivityId, string Country, ShareValues Values, Stamp Exported);

    /// <summary>Imports an edited matrix whole or not at all; the outcome, its counts and its duration are logged and measured.</summary>
    public static async Task<MatrixOutcome> ImportAsync(
        this MovilidadDb db, Stream file, ClaimsPrincipal user, IAuthorizationService auth, TextLocalizer texts, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var outcome = await ReadAndApplyAsync(db, file, user, auth, texts, actor, clock, ct);
        var elapsed = clock.GetElapsedTime(started);
        var result = outcome.Saved ? "saved" : outcome.Conflicts.Count > 0 ? "conflicts" : "refused";
        db.Logger("Movilidad.Imports").LogInformation(
            "Matrix import by account {AccountId}: {Outcome}, {Applied} rows applied, {Unchanged} unchanged, {Errors} errors, {Conflicts} conflicts, in {ElapsedMilliseconds} ms",
            actor.AccountId, result, outcome.Applied, outcome.Unchanged, outcome.Errors.Count, outcome.Conflicts.Count, (long)elapsed.TotalMilliseconds);
        FileMetrics.Imported("matrix", result, elapsed);
        return outcome;
    }

    private static async Task<MatrixOutcome> ReadAndApplyAsync(
        MovilidadDb db, Stream file, ClaimsPrincipal user, IAuthorizationService auth, TextLocalizer texts, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<MatrixError>();
        MatrixOutcome Refused(string sheet, int row, string column, string header, string key, params object[] args)
        {
            errors.Add(Error(texts, sheet, row, column, header, key, args));
            return new MatrixOutcome(0, 0, errors, []);
        }

        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(file, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            return Refused(string.Empty, 0, string.Empty, string.Empty, "Matrix.Error.NotAWorkbook");
        }

        using (document)
        {
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var exportSheet = sheets.FirstOrDefault(s => s.Name == MatrixFormat.ExportSheet);
            var matrixSheet = sheets.FirstOrDefault(s => s.Name != MatrixFormat.ExportSheet && s.Name != MatrixFormat.ListsSheet);
            if (workbook is null || exportSheet?.Id?.Value is not { } exportId || matrixSheet?.Id?.Value is not { } matrixId)
            {
                return Refused(MatrixFormat.ExportSheet, 0, string.Empty, string.Empty, "Matrix.Error.NotAMatrix");
            }

            var shared = MatrixCells.SharedStrings(workbook);
            var stamps = new Dictionary<(int, string), Stamp>();
            var format = string.Empty;
            foreach (var row in MatrixCells.Rows((WorksheetPart)workbook.GetPartById(exportId), shared))
            {
                if (row.Number == 1)
                {
                    format = row.Text(1);
                }
                else if (row.Number >= MatrixFormat.StampsFirstRow
                    && int.TryParse(row.Text(0), NumberStyles.None, CultureInfo.InvariantCulture, out var activity)
                    && int.TryParse(row.Text(2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    stamps[(activity, row.Text(1))] = new Stamp(version, row.Text(3));
                }
            }

            if (format != MatrixFormat.Name)
            {
                return Refused(MatrixFormat.ExportSheet, 1, "B", string.Empty, "Matrix.Error.NotAMatrix");
            }

            var sheetName = matrixSheet.Name?.Value ?? string.Empty;
            var edited = await ReadRowsAsync(db, (WorksheetPart)workbook.GetPartById(matrixId), shared, sheetName, stamps, texts, errors, ct);
            if (errors.Count > 0)
            {
                return new MatrixOutcome(0, 0, errors, []);
            }

            return await ApplyAsync(db, edited.Rows, edited.Unchanged, sheetName, user, auth, texts, actor, clock, ct);
        }
    }

    private static async Task<(List<Edited> Rows, int Unchanged)> ReadRowsAsync(
        MovilidadDb db, WorksheetPart part, IReadOnlyList<string> shared, string sheet, Dictionary<(int, string), Stamp> stamps, TextLocalizer texts,
        List<MatrixError> errors, CancellationToken ct)
    {
        var institutions = (await db.Institutions.AsNoTracking().Select(i => i.Code).ToListAsync(ct)).ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        var currencies = (await db.Currencies.AsNoTracking().Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var statuses = new Dictionary<string, ActivityStatus>(StringComparer.Ordinal);
        foreach (var status in Enum.GetValues<ActivityStatus>())
        {
            statuses[Fold(ActivityWorkflow.Kebab(status))] = status;
            var label = texts.All["ActivityStatus." + status];
            statuses[Fold(label.Es)] = status;
            statuses[Fold(label.En)] = status;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<Edited>();
        var seen = new Dictionary<(int, string), int>();
        var unchanged = 0;
        foreach (var row in MatrixCells.Rows(part, shared))
        {
            if (row.Number == 1)
            {
                foreach (var column in MatrixColumns.All)
                {
                    var header = texts.All[column.HeaderKey];
                    var found = row.Cells.FirstOrDefault(c => Fold(c.Value.Text) == Fold(header.Es) || Fold(c.Value.Text) == Fold(header.En));
                    if (found.Value is not null)
                    {
                        columns[column.Key] = found.Key;
                    }
                    else if (column.Editable || column.Key is MatrixColumns.ActivityId or MatrixColumns.Country)
                    {
                        errors.Add(Error(texts, sheet, 1, MatrixColumn.Letter(MatrixColumns.IndexOf(column.Key)), header.Es + " / " + header.En, "Matrix.Error.MissingColumn", header.Es, header.En));
                    }
                }

                if (errors.Count > 0)
                {
                    return ([], 0);
                }

                continue;
            }

            if (columns.Count == 0)
            {
                errors.Add(Error(texts, sheet, 1, "A", string.Empty, "Matrix.Error.NoHeader"));
                return ([], 0);
            }

            var idText = row.Text(columns[MatrixColumns.ActivityId]);
            var country = row.Text(columns[MatrixColumns.Country]).ToUpperInvariant();
            if (idText.Length == 0)
            {
                // A line or action heading; rows are added in the platform, not in the file.
                if (MatrixColumns.All.Where(c => c.Editable).Any(c => row.Text(columns[c.Key]).Length > 0))
                {
                    errors.Add(Error(texts, sheet, row.Number, Letter(columns, MatrixColumns.ActivityId), Header(texts, MatrixColumns.ActivityId), "Matrix.Error.NewRow"));
                }

                continue;
            }

            if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var activityId) || !stamps.TryGetValue((activityId, country), out var stamp))
            {
                errors.Add(Error(texts, sheet, row.Number, Letter(columns, MatrixColumns.ActivityId), Header(texts, MatrixColumns.ActivityId), "Matrix.Error.UnknownRow", idText, country));
                continue;
            }

            if (seen.TryGetValue((activityId, country), out var first))
            {
                errors.Add(Error(texts, sheet, row.Number, Letter(columns, MatrixColumns.ActivityId), Header(texts, MatrixColumns.ActivityId), "Matrix.Error.DuplicateRow", first));
                continue;
            }

            seen[(activityId, country)] = row.Number;
            var before = errors.Count;
            void Fail(string key, string messageKey, params object[] args) =>
                errors.Add(Error(texts, sheet, row.Number, Letter(columns, key), Header(texts, key), messageKey, args));

            string? responsible = null;
            if (row.Text(columns[MatrixColumns.Responsible]) is { Length: > 0 } code)
            {
                if (institutions.TryGetValue(code, out var known))
                {
                    responsible = known;
                }
                else
                {
                    Fail(MatrixColumns.Responsible, "Matrix.Error.UnknownInstitution", code);
                }
            }

            var statusText = row.Text(columns[MatrixColumns.Status]);
            if (!statuses.TryGetValue(Fold(statusText), out var newStatus))
            {
                Fail(MatrixColumns.Status, "Matrix.Error.UnknownStatus", statusText);
            }

            var reason = row.Text(columns[MatrixColumns.StatusReason]);
            if (reason.Length > ActivityConfiguration.ReasonMaxLength)
            {
                Fail(MatrixColumns.StatusReason, "Matrix.Error.TooLong", ActivityConfiguration.ReasonMaxLength);
            }

            DateOnly? Date(string key)
            {
                if (row[columns[key]] is not { } cell || cell.Text.Trim().Length == 0)
                {
                    return null;
                }

                if (MatrixCells.TryDate(cell, out var date))
                {
                    return date;
                }

                Fail(key, "Matrix.Error.NotADate", cell.Text);
                return null;
            }

            var start = Date(MatrixColumns.Start);
            var end = Date(MatrixColumns.End);
            decimal? amount = null;
            if (row[columns[MatrixColumns.Budget]] is { } amountCell && amountCell.Text.Trim().Length > 0)
            {
                if (!MatrixCells.TryAmount(amountCell, out var parsed))
                {
                    Fail(MatrixColumns.Budget, "Matrix.Error.NotANumber", amountCell.Text);
                }
                else if (parsed < 0 || decimal.Round(parsed, 2) != parsed || parsed >= 1e16m)
                {
                    Fail(MatrixColumns.Budget, "Matrix.Error.BadAmount", amountCell.Text);
                }
                else
                {
                    amount = parsed;
                }
            }

            var currency = row.Text(columns[MatrixColumns.Currency]).ToUpperInvariant();
            if (currency.Length > 0 && !currencies.Contains(currency))
            {
                Fail(MatrixColumns.Currency, "Matrix.Error.UnknownCurrency", currency);
            }

            if (errors.Count > before)
            {
                continue;
            }

            var values = new ShareValues(responsible, newStatus, reason.Length == 0 ? null : reason, start, end, amount, currency.Length == 0 ? null : currency);
            if (values.Stamp() == stamp.Value)
            {
                unchanged++;
                continue;
            }

            if (start is { } s && end is { } e && e < s)
            {
                Fail(MatrixColumns.End, "Matrix.Error.EndBeforeStart");
            }

            if ((amount is null) != (values.BudgetCurrency is null))
            {
                Fail(amount is null ? MatrixColumns.Budget : MatrixColumns.Currency, "Matrix.Error.AmountAndCurrency");
            }

            rows.Add(new Edited(row.Number, activityId, country, values, stamp));
        }

        if (columns.Count == 0 && errors.Count == 0)
        {
            errors.Add(Error(texts, sheet, 1, "A", string.Empty, "Matrix.Error.NoHeader"));
        }

        return (rows, unchanged);
    }

    private static async Task<MatrixOutcome> ApplyAsync(
        MovilidadDb db, List<Edited> rows, int unchanged, string sheet, ClaimsPrincipal user, IAuthorizationService auth, TextLocalizer texts, AuditActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<MatrixError>();
        var conflicts = new List<MatrixConflict>();
        string L(string key) => MatrixColumn.Letter(MatrixColumns.IndexOf(key));
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!allowed.TryGetValue(row.Country, out var may))
            {
                may = allowed[row.Country] = await auth.CanAsync(user, MonitoringOperations.EditCountryShare, new CountryScope(row.Country));
            }

            if (!may)
            {
                errors.Add(Error(texts, sheet, row.Row, L(MatrixColumns.Country), Header(texts, MatrixColumns.Country), "Matrix.Error.NotYourCountry", row.Country));
            }
        }

        if (errors.Count > 0 || rows.Count == 0)
        {
            return new MatrixOutcome(0, unchanged, errors, []);
        }

        var ids = rows.Select(r => r.ActivityId).Distinct().ToList();
        var shares = new Dictionary<(int, string), ActivityCountry>();
        var activities = new Dictionary<int, (string Code, ConceptNote? Note)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var share in await db.ActivityCountries.Where(c => chunk.Contains(c.ActivityId)).ToListAsync(ct))
            {
                shares[(share.ActivityId, share.CountryCode)] = share;
            }

            foreach (var a in await db.Activities.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.ConceptNote }).ToListAsync(ct))
            {
                activities[a.Id] = (a.Code, a.ConceptNote);
            }
        }

        var institutions = await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Code }).ToListAsync(ct);
        var institutionIds = institutions.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal);
        var institutionCodes = institutions.ToDictionary(i => i.Id, i => i.Code);
        ShareValues Current(ActivityCountry s) => new(
            s.ResponsibleInstitutionId is { } r ? institutionCodes.GetValueOrDefault(r) : null, s.Status, s.StatusReason, s.StartDate, s.EndDate, s.BudgetAmount, s.BudgetCurrency);

        var language = new MatrixLanguage(texts, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var records = new List<AuditRecord>();
        foreach (var row in rows)
        {
            if (!shares.TryGetValue((row.ActivityId, row.Country), out var share) || !activities.TryGetValue(row.ActivityId, out var activity))
            {
                errors.Add(Error(texts, sheet, row.Row, L(MatrixColumns.ActivityId), Header(texts, MatrixColumns.ActivityId), "Matrix.Error.Gone", row.ActivityId, row.Country));
                continue;
            }

            if (Current(share).Stamp() == row.Values.Stamp())
            {
                // Someone made the same change in the platform: nothing to apply, nothing lost.
                unchanged++;
                continue;
            }

            if (share.Version != row.Exported.Version)
            {
                conflicts.Add(new MatrixConflict(row.Row, row.ActivityId, activity.Code, row.Country, row.Exported.Version, share.Version,
                    ConflictFields(row.Values, Current(share), language)));
                continue;
            }

            var v = row.Values;
            foreach (var field in ActivityWorkflow.Check(share.Status, v.Status, v.StatusReason, activity.Note).Keys)
            {
                var key = field == "statusReason" ? MatrixColumns.StatusReason : MatrixColumns.Status;
                var messageKey = field switch
                {
                    "conceptNote" => "Matrix.Error.ConceptNoteIncomplete",
                    "statusReason" => "Matrix.Error.ReasonRequired",
                    _ => "Matrix.Error.StatusMove",
                };
                var missing = (activity.Note ?? ConceptNote.Empty(row.ActivityId)).MissingFields().Select(f => texts.All["ConceptNote.Field." + f]).ToList();
                var next = ActivityWorkflow.Next(share.Status).Select(s => texts.All["ActivityStatus." + s]).ToList();
                errors.Add(Error(texts, sheet, row.Row, L(key), Header(texts, key), messageKey, texts.All["ActivityStatus." + share.Status], texts.All["ActivityStatus." + v.Status],
                    new Bilingual(string.Join(", ", missing.Select(m => m.Es)), string.Join(", ", missing.Select(m => m.En))),
                    new Bilingual(string.Join(", ", next.Select(m => m.Es)), string.Join(", ", next.Select(m => m.En)))));
            }

            var before = ActivityEditing.Share(share);
            share.ResponsibleInstitutionId = v.Responsible is { } code ? institutionIds[code] : null;
            share.Status = v.Status;
            share.StatusReason = ActivityWorkflow.NeedsReason(v.Status) ? v.StatusReason : null;
            share.StartDate = v.Start;
            share.EndDate = v.End;
            share.BudgetAmount = v.BudgetAmount;
            share.BudgetCurrency = v.BudgetCurrency;
            share.Version++;
            var id = row.ActivityId;
            records.Add(new AuditRecord(AuditActions.Update, ActivityEditing.ShareEntityType, $"{AuditTrail.Key(id)}:{row.Country}", before, null, row.Country));
        }

        if (errors.Count > 0 || conflicts.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new MatrixOutcome(0, unchanged, errors, conflicts);
        }

        try
        {
            await db.SaveAuditedManyAsync(actor, () => records.Select(r =>
            {
                var parts = r.EntityId.Split(':');
                var share = shares[(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1])];
                return r with { After = ActivityEditing.Share(share) };
            }).ToList(), clock, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved one of these shares between the check above and the write: nothing was saved; the next try shows the conflict.
            db.ChangeTracker.Clear();
            return new MatrixOutcome(0, unchanged, [Error(texts, sheet, 0, string.Empty, string.Empty, "Matrix.Error.SavedMeanwhile")], []);
        }

        return new MatrixOutcome(records.Count, unchanged, [], []);
    }

    private static List<ConflictField> ConflictFields(ShareValues file, ShareValues current, MatrixLanguage language)
    {
        static string Amount(decimal? a) => a?.ToString("N2", CultureInfo.CurrentCulture) ?? string.Empty;
        var pairs = new (string Key, string File, string Current)[]
        {
            (MatrixColumns.Responsible, file.Responsible ?? string.Empty, current.Responsible ?? string.Empty),
            (MatrixColumns.Status, language.Status(file.Status), language.Status(current.Status)),
            (MatrixColumns.StatusReason, file.StatusReason ?? string.Empty, current.StatusReason ?? string.Empty),
            (MatrixColumns.Start, PageFormats.Iso(file.Start), PageFormats.Iso(current.Start)),
            (MatrixColumns.End, PageFormats.Iso(file.End), PageFormats.Iso(current.End)),
            (MatrixColumns.Budget, Amount(file.BudgetAmount), Amount(current.BudgetAmount)),
            (MatrixColumns.Currency, file.BudgetCurrency ?? string.Empty, current.BudgetCurrency ?? string.Empty),
        };
        return pairs.Where(p => p.File != p.Current)
            .Select(p => new ConflictField(language[MatrixColumns.All[MatrixColumns.IndexOf(p.Key)].HeaderKey], p.File, p.Current)).ToList();
    }

    private static string Letter(Dictionary<string, int> columns, string key) => MatrixColumn.Letter(columns[key]);

    private static string Header(TextLocalizer texts, string key) => texts.All[MatrixColumns.All[MatrixColumns.IndexOf(key)].HeaderKey].Current;

    private static MatrixError Error(TextLocalizer texts, string sheet, int row, string column, string header, string key, params object[] args)
    {
        var text = texts.All[key];
        string Format(CultureInfo culture, string format) =>
            string.Format(culture, format, args.Select(a => a is Bilingual b ? b.For(culture) : a).ToArray());
        return new MatrixError(sheet, row, column, header, new Bilingual(Format(CultureInfo.GetCultureInfo("es"), text.Es), Format(CultureInfo.GetCultureInfo("en"), text.En)));
    }

    /// <summary>Case and accents ignored, so "En curso", "en curso" and "EN CURSO" are one status.</summary>
    private static string Fold(string text) => TextSearch.Fold(text.Trim());
}

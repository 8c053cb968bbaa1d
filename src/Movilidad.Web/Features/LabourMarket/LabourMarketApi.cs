using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Web;
using Movilidad.Platform.LabourMarket;
using Movilidad.Records;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// Labour-market records for machine readers: the datasets with their provenance and mapping report, the observations
/// summed by any dimensions, SDMX-CSV; and the import, replacement and deletion of files. Public datasets need no account.
/// </summary>
public static class LabourMarketApi
{
    public static IEndpointRouteBuilder MapLabourMarketApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/labour-market").WithTags("Labour market").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        api.MapGet("/datasets", async (string? source, int? start, int? size, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                TypedResults.Ok(ListPage.Of(await LabourDatasets.PageAsync(await LabourDatasets.VisibleAsync(db, http.User, auth), source,
                    start ?? 0, size ?? Paging.DefaultSize, ct))))
            .AllowAnonymous()
            .CacheOutput(LabourMarketCache.Policy)
            .WithSummary("The imported datasets, newest first, of one source (publication slug) when given: source, file, SHA-256, period, rows read, imported and skipped, totals per measure with the share mapped to ISCO-08; start (0-based) and size (25, 50, 100 or 200) page them.");

        api.MapGet("/datasets/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await LabourDatasets.DetailsAsync(await LabourDatasets.VisibleAsync(db, http.User, auth), db, id, ct) is { } details
                    ? TypedResults.Ok(details)
                    : NotFoundProblem.Of("dataset", id))
            .AllowAnonymous()
            .CacheOutput(LabourMarketCache.Policy)
            .WithSummary("One dataset: provenance, the mapping report (totals, unmapped codes, issues by reason, notes) and the rows skipped, not counted or noted, with why.");

        api.MapGet("/observations", async Task<IResult> (string? measure, string? occupation, string? area, string? period, string? programme, string? dataset, string? groupBy, string? limit,
                HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, CancellationToken ct) =>
            {
                var (filter, errors) = await ObservationQuery.ParseAsync(db, measure, occupation, area, period, programme, dataset, groupBy, text, ct);
                if (!QueryParameter.TryInt(limit, "limit", 1, ObservationQuery.MaxRows, 1_000, text, out var rows, out var problem))
                {
                    errors["limit"] = [.. problem!.ProblemDetails.Errors["limit"]];
                }

                if (filter is null || errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                }

                return TypedResults.Ok(await ObservationQuery.SumAsync(await ObservationQuery.VisibleAsync(db, http.User, auth, ct), filter, rows, ct));
            })
            .AllowAnonymous()
            .CacheOutput(LabourMarketCache.Policy)
            .WithSummary("Observations summed by groupBy (measure, dataset, occupation, occupation-1..3, country, subdivision, period, fiscal-year, programme), filtered by measure, "
                + "ISCO-08 occupation at any level (or 'unmapped'), area (ISO 3166-1 alpha-2/alpha-3 or ISO 3166-2), period (SDMX), programme and dataset; largest first.");

        api.MapGet("/outlook", async Task<IResult> (string? area, string? programme, string? measure, string? level, string? sector, string? horizon, string? rank,
                HttpContext http, MovilidadDb db, ContentCache cache, IAuthorizationService auth, IStringLocalizer text, CancellationToken ct) =>
            {
                var sectors = await OutlookSectors.ListAsync(db, ct);
                var (filter, errors) = LabourOutlook.Parse(area, programme, measure, level, sector, horizon, rank, sectors, text);
                if (filter is null)
                {
                    return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                }

                return TypedResults.Ok(await LabourOutlook.ComputeAsync(db, cache, await auth.CanAsync(http.User, LabourMarketOperations.ReadRestricted), filter, sectors, text, ct));
            })
            .AllowAnonymous()
            .CacheOutput(LabourMarketCache.Policy)
            .ProducesRead<OutlookResult>()
            .ProducesValidationProblem()
            .WithSummary("The occupation outlook (action 2.2): ISCO-08 groups (level 1-4, default 4) of a destination (area, ISO 3166-1 alpha-2), programme and measure ranked by projected "
                + "change over horizon years (1-5, default 3; rank absolute or relative), optionally within a sector of footnote 8; each series forecast by a trend line and by Holt's "
                + "exponential smoothing, the method chosen by back-test on the last 2 whole years, with the back-test errors and a 95 % band.");

        api.MapPut("/outlook/sectors/{id:int}", async Task<IResult> (int id, OutlookSectorEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text,
                IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, LabourMarketOperations.EditSectors))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await OutlookSectors.SaveAsync(db, id, edit, text, AuditActor.From(http), clock, ct);
                await cache.EvictByTagAsync(LabourMarketCache.Tag, ct);
                return outcome.ToHttp("sector", id);
            })
            .RequireAuthorization()
            .ProducesWrite<OutlookSector>()
            .WithSummary("Saves a sector of footnote 8 of the outlook's mapping (the Secretariat): names and reasoning in Spanish and English and its ISCO-08 groups; send the version you read (409 otherwise).");

        api.MapGet("/observations.sdmx.csv", async Task<IResult> (string? dataset, string? measure, string? occupation, string? area, string? period, string? programme,
                HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, CancellationToken ct) =>
            {
                var (filter, errors) = await ObservationQuery.ParseAsync(db, measure, occupation, area, period, programme, dataset, null, text, ct);
                if (filter is null)
                {
                    return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                }

                var observations = (await ObservationQuery.VisibleObservationsAsync(db, http.User, auth, ct)).Apply(filter);
                return TypedResults.Stream(async stream =>
                {
                    await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                    await LabourSdmxCsv.WriteAsync(db, observations, writer, ct);
                }, LabourSdmxCsv.ContentType, "labour-market.csv");
            })
            .AllowAnonymous()
            .WithSummary("Observations as SDMX-CSV 1.0 (DATAFLOW, MEASURE, OCCUPATION (ISCO-08), SOURCE_OCCUPATION, REF_AREA (ISO3), SUBDIVISION, PROGRAMME, TIME_PERIOD, OBS_VALUE): "
                + "the values of one dataset and measure add up to the file's total.");

        api.MapPost("/datasets", async Task<IResult> (HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                var rights = await LabourDatasets.ImportRightsAsync(http.User, auth);
                if (!LabourDatasets.MayImportAny(rights))
                {
                    return TypedResults.Forbid();
                }

                var form = await LabourUpload.ReadAsync(http, ct);
                if (form?.Files.GetFile("file") is not { } file)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [text["LabourMarket.Error.NoFile"]] });
                }

                var (request, errors) = LabourUpload.Request(form, text);
                if (request is null)
                {
                    return TypedResults.ValidationProblem(errors);
                }

                await using var stream = await LabourUpload.BufferAsync(file, ct);
                var outcome = await LabourImport.ImportAsync(db, request(stream, Path.GetFileName(file.FileName)), rights, AuditActor.From(http), clock, LabourUpload.Language, null, ct);
                await cache.EvictByTagAsync(LabourMarketCache.Tag, ct);
                return outcome.ToCreated("dataset", created => $"/api/labour-market/datasets/{AuditTrail.Key(created.Id)}");
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Imports a file (multipart field 'file'; 'source' to name the publication, 'restricted' true to keep it for signed-in readers, 'replaces' a dataset id, "
                + "'column-KEY' the file's column for a field of the publication's reader that a new edition renamed or moved): whole or nothing. 400 names the file, sheet, row and column; 409 answers with the dataset that already holds the same file.");

        api.MapPost("/imports", async Task<IResult> (HttpContext http, MovilidadDb db, LabourImportStaging staging, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await LabourDatasets.MayImportAnyAsync(http.User, auth))
                {
                    return TypedResults.Forbid();
                }

                var form = await LabourUpload.ReadAsync(http, ct);
                if (form?.Files.GetFile("file") is not { } file)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [text["LabourMarket.Error.NoFile"]] });
                }

                var (request, errors) = LabourUpload.Request(form, text);
                if (request is null)
                {
                    return TypedResults.ValidationProblem(errors);
                }

                await using var upload = file.OpenReadStream();
                var outcome = await LabourImports.UploadAsync(db, staging, upload, Path.GetFileName(file.FileName), request(Stream.Null, file.FileName), AuditActor.From(http), clock, LabourUpload.Language, ct);
                return outcome.ToCreated("import", created => $"/api/labour-market/imports/{AuditTrail.Key(created.Id)}");
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Starts an import from the page's steps (multipart 'file', 'source', 'restricted', 'replaces'): the file is kept and inspected, not imported yet. 201 answers the header row, "
                + "the columns found by name and alias, the column mapping proposed (the one saved for the same headers, else one from the names) and the first rows read; 400 names file, sheet, row and column.");

        api.MapGet("/imports/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, LabourImportStaging staging, IAuthorizationService auth, CancellationToken ct) =>
            {
                if (!await LabourImports.MayHandleAsync(db, id, await LabourDatasets.ImportRightsAsync(http.User, auth), AuditActor.From(http), ct))
                {
                    return TypedResults.Forbid();
                }

                return await LabourImports.ViewAsync(db, staging, id, null, LabourUpload.Language, ct) is { } view ? TypedResults.Ok(view) : NotFoundProblem.Of("import", id);
            })
            .ProducesRead<LabourImportView>()
            .WithSummary("An import started from the page: status (mapping, queued, running, done, failed), progress (0 to 1) and rows read, the dataset it made or the errors that refused it; polled by the page.");

        api.MapPost("/imports/{id:int}/start", async Task<IResult> (int id, HttpContext http, MovilidadDb db, LabourImportStaging staging, LabourImportQueue queue, IAuthorizationService auth,
                IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                var rights = await LabourDatasets.ImportRightsAsync(http.User, auth);
                if (!await LabourImports.MayHandleAsync(db, id, rights, AuditActor.From(http), ct))
                {
                    return TypedResults.Forbid();
                }

                var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : FormCollection.Empty;
                var outcome = await LabourImports.StartAsync(db, staging, queue, id, form, text, rights, AuditActor.From(http), clock, LabourUpload.Language, ct);
                return outcome.ToHttp("import", id);
            })
            .WithSummary("Confirms an import and queues it: for a table read through a column mapping, the form gives a column per field (occupation, classification, country, subdivision, period, "
                + "programme, employer, measure-CODE) or a fixed value (FIELD-fixed); the mapping is saved for files with the same headers (audited). For a known publication, column-KEY names the column of a "
                + "field of its reader (layout.fields) that a new edition renamed or moved. 400 names each field of a bad mapping. A focal point confirms only their own imports; a template's rows "
                + "must then all be of their country (else the import fails naming the row and country, audited).");

        // The template is a few kilobytes: written in memory (the writers are synchronous), then sent.
        api.MapGet("/template.xlsx", (IStringLocalizer text) =>
            {
                using var stream = new MemoryStream();
                LabourTemplate.WriteXlsx(stream, text, LabourUpload.Language);
                return TypedResults.File(stream.ToArray(), LabourXlsx.ContentType, LabourTemplate.FileName("xlsx"));
            })
            .AllowAnonymous()
            .WithSummary("The platform's record template as XLSX: a data sheet with the header in the reader's language and two example rows, and an instructions sheet; the importer reads it back.");

        api.MapGet("/template.csv", () =>
            {
                using var stream = new MemoryStream();
                TemplateMapping.WriteTemplateCsv(stream, LabourUpload.Language);
                return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", LabourTemplate.FileName("csv"));
            })
            .AllowAnonymous()
            .WithSummary("The platform's record template as CSV (UTF-8): the header in the reader's language and two example rows; the importer reads it back.");

        api.MapDelete("/datasets/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                var rights = await LabourDatasets.ImportRightsAsync(http.User, auth);
                if (!LabourDatasets.MayImportAny(rights))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await LabourImport.DeleteAsync(db, id, rights, AuditActor.From(http), clock, ct);
                await cache.EvictByTagAsync(LabourMarketCache.Tag, ct);
                return outcome.ToHttp("dataset", id);
            })
            .WithSummary("Deletes a dataset and its observations (the Secretariat; a focal point for their country's sources), audited.");
        return app;
    }
}

/// <summary>An uploaded records file: the form read with its own size limit, the file buffered to a temporary file (the readers seek).</summary>
public static class LabourUpload
{
    /// <summary>The largest file accepted through the web (OFLC's yearly disclosure files are tens of megabytes).</summary>
    public const long MaxBytes = 150_000_000;

    private const string ColumnPrefix = "column-";

    public static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en";

    public static Task<IFormCollection?> ReadAsync(HttpContext http, CancellationToken ct) => MultipartForm.ReadAsync(http, MaxBytes, ct);

    /// <summary>The form's options (<c>source</c>, <c>restricted</c>, <c>replaces</c>, <c>column-KEY</c>), each malformed one an error naming it.</summary>
    public static (Func<Stream, string, LabourImportRequest>? Request, Dictionary<string, string[]> Errors) Request(IFormCollection form, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RecordSource? source = null;
        if (form["source"].ToString() is { Length: > 0 } slug)
        {
            if (RecordSources.TryParse(slug, out var parsed))
            {
                source = parsed;
            }
            else
            {
                errors["source"] = [text["LabourMarket.Error.Source", slug.Length > 40 ? slug[..40] : slug, string.Join(", ", RecordSources.All.Select(s => s.Slug()))]];
            }
        }

        var restricted = false;
        if (form["restricted"].ToString() is { Length: > 0 } flag && !bool.TryParse(flag, out restricted) && flag != "on")
        {
            errors["restricted"] = [text["LabourMarket.Error.Restricted"]];
        }

        restricted |= form["restricted"].ToString() == "on";
        int? replaces = null;
        if (form["replaces"].ToString() is { Length: > 0 } id)
        {
            if (int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                replaces = number;
            }
            else
            {
                errors["replaces"] = [text["LabourMarket.Error.Dataset", id.Length > 40 ? id[..40] : id]];
            }
        }

        // column-KEY names the file's column for a field of the publication's reader (one a new edition renamed or moved); the reader refuses an unknown field or column.
        var columns = form.Keys.Where(k => k.StartsWith(ColumnPrefix, StringComparison.Ordinal) && form[k].ToString().Length > 0)
            .ToDictionary(k => k[ColumnPrefix.Length..], k => form[k].ToString(), StringComparer.Ordinal);
        return errors.Count > 0 ? (null, errors) : ((stream, name) => new LabourImportRequest(stream, name, source, restricted, replaces, Columns: columns.Count > 0 ? columns : null), errors);
    }

    public static async Task<Stream> BufferAsync(IFormFile file, CancellationToken ct)
    {
        var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, ct);
        }

        buffer.Position = 0;
        return buffer;
    }
}

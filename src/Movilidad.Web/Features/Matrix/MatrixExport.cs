using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Movilidad.Platform.Data;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Observability;
using Movilidad.Web.Infrastructure.Web;

namespace Movilidad.Web.Features.Matrix;

/// <summary>
/// Sends the follow-up matrix as a download. The workbook is the same for everyone who may read it (the whole matrix:
/// a focal point edits only their country's rows, at import) until the content changes, so it is written once per
/// database, visibility, language and filter and kept in the host's <see cref="ContentCache"/>, which a write on any node
/// expires (readers asking at the same time wait for the one being written). Only a filter naming a plan and line that
/// exist is kept, so no address can fill the memory. The answer is private to the reader and revalidated at each use:
/// its ETag is the hash of the workbook, so a conditional GET of the workbook the reader has is answered 304 without a
/// body. A workbook larger than <see cref="MaxKeptBytes"/> is written for each request to a temporary file and sent from there.
/// </summary>
public static class MatrixExport
{
    /// <summary>The largest workbook kept in memory (a 10,000-row matrix is about 2 MB).</summary>
    public const int MaxKeptBytes = 16 * 1024 * 1024;

    /// <summary>What the answer says about caching: the reader's browser may keep it, and asks again (conditionally) each time.</summary>
    public const string CacheControl = "private, no-cache";

    /// <summary>A written workbook (its bytes null when too large to keep), its ETag, when it was written and how many rows it has.</summary>
    private sealed record Workbook(byte[]? Bytes, string? ETag, DateTime ExportedAt, int Rows);

    private sealed record Key(string? Database, string Visibility, string Language, MatrixFilter Filter);

    public static async Task WriteAsync(HttpContext http, MovilidadDb db, TextLocalizer texts, TimeProvider clock, string? language, MatrixFilter filter, CancellationToken ct)
    {
        var lang = new MatrixLanguage(texts, language ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var cache = http.RequestServices.GetRequiredService<ContentCache>();
        var key = new Key(db.Database.GetConnectionString(), db.Visibility, lang.Code, filter);
        var workbook = await cache.GetOrComputeAsync(key, async () => await KnownAsync(db, filter, ct) ? await WriteWorkbookAsync(null, db, lang, clock, filter, ct) : null, ct);
        if (workbook?.Bytes is not null)
        {
            await SendAsync(http, lang, workbook, ct);
        }
        else
        {
            // An unknown plan or line (an empty matrix), or a workbook too large to keep: written for this answer alone.
            workbook = await WriteWorkbookAsync(http, db, lang, clock, filter, ct);
        }

        db.Logger("Movilidad.Exports").LogInformation("Matrix export in {Language} by account {AccountId}: {Rows} rows", lang.Code, AuditActor.From(http).AccountId, workbook.Rows);
        FileMetrics.Exported("matrix");
    }

    /// <summary>Whether the filter names a plan and a line (of that plan) that exist for this reader, or none.</summary>
    private static async Task<bool> KnownAsync(MovilidadDb db, MatrixFilter filter, CancellationToken ct) =>
        (filter.Plan is null || await db.Plans.AnyAsync(p => p.Key == filter.Plan, ct))
        && (filter.Line is not { } line || await db.PlanElements.AnyAsync(e => e.Id == line && e.LevelKey == "line" && (filter.Plan == null || e.Plan!.Key == filter.Plan), ct));

    /// <summary>
    /// Reads the rows and writes the workbook to a temporary file (never whole in memory); read back when small enough to
    /// keep. Given <paramref name="http"/>, also sends it (from memory, or from the file when too large to keep).
    /// </summary>
    private static async Task<Workbook> WriteWorkbookAsync(HttpContext? http, MovilidadDb db, MatrixLanguage lang, TimeProvider clock, MatrixFilter filter, CancellationToken ct)
    {
        var rows = await db.LoadAsync(filter, ct);
        var lists = MatrixLists.For(lang,
            await db.Currencies.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct),
            await db.Institutions.AsNoTracking().OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        FollowUpMatrix.ToExcel(buffer, rows, lists, lang, filter, now);
        buffer.Position = 0;
        if (buffer.Length <= MaxKeptBytes)
        {
            var bytes = new byte[buffer.Length];
            await buffer.ReadExactlyAsync(bytes, ct);
            var workbook = new Workbook(bytes, $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..32]}\"", now, rows.Count);
            if (http is not null)
            {
                await SendAsync(http, lang, workbook, ct);
            }

            return workbook;
        }

        if (http is not null)
        {
            Headers(http, lang, now);
            http.Response.ContentLength = buffer.Length;
            await buffer.CopyToAsync(http.Response.Body, ct);
        }

        return new Workbook(null, null, now, rows.Count);
    }

    /// <summary>The kept workbook, or 304 when the reader already has it (If-None-Match names its ETag).</summary>
    private static async Task SendAsync(HttpContext http, MatrixLanguage lang, Workbook workbook, CancellationToken ct)
    {
        http.Response.Headers.ETag = workbook.ETag;
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } known
            && known.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(workbook.ETag), useStrongComparison: false)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            http.Response.Headers.CacheControl = CacheControl;
            return;
        }

        Headers(http, lang, workbook.ExportedAt);
        http.Response.ContentLength = workbook.Bytes!.Length;
        await http.Response.Body.WriteAsync(workbook.Bytes, ct);
    }

    private static void Headers(HttpContext http, MatrixLanguage lang, DateTime exportedAt)
    {
        http.Response.ContentType = MatrixFormat.ContentType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = FollowUpMatrix.FileName(lang, exportedAt) }.ToString();
        http.Response.Headers.CacheControl = CacheControl;
    }
}

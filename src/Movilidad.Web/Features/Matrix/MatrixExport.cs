using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Observability;

namespace Movilidad.Web.Features.Matrix;

/// <summary>
/// Sends the follow-up matrix as a download. The workbook is the same for everyone who may read it until the content
/// changes, so it is written once per database, visibility, language and filter and kept while the process's
/// <see cref="DataVersion"/> stays the same (and at most <see cref="DataVersion.MaximumAge"/>, for writes of another
/// process); readers asking at the same time wait for the one being written instead of each writing their own. The
/// workbook is written to a temporary file; one larger than <see cref="MaxKeptBytes"/> is sent from there and not kept.
/// </summary>
public static class MatrixExport
{
    /// <summary>The largest workbook kept in memory (a 10,000-row matrix is about 2 MB).</summary>
    public const int MaxKeptBytes = 16 * 1024 * 1024;

    private sealed record Kept(long Version, DateTime At, DateTime ExportedAt, byte[]? Workbook, int Rows);

    private static readonly ConcurrentDictionary<(string? Database, bool ShowsUnpublished, string Language, MatrixFilter Filter), Kept> Cache = new();
    private static readonly ConcurrentDictionary<(string? Database, bool ShowsUnpublished, string Language, MatrixFilter Filter), SemaphoreSlim> Writing = new();

    public static async Task WriteAsync(HttpContext http, MovilidadDb db, TextLocalizer texts, TimeProvider clock, string? language, MatrixFilter filter, CancellationToken ct)
    {
        var lang = new MatrixLanguage(texts, language ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var key = (db.Database.GetConnectionString(), db.ShowsUnpublished, lang.Code, filter);
        var data = http.RequestServices.GetRequiredService<DataVersion>();
        var kept = Fresh(key, data);
        if (kept is null)
        {
            var gate = Writing.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            try
            {
                kept = Fresh(key, data) ?? await WriteKeptAsync(http, db, lang, clock, filter, key, data.Current, ct);
            }
            finally
            {
                gate.Release();
            }
        }

        if (kept.Workbook is { } workbook)
        {
            Headers(http, lang, kept.ExportedAt);
            http.Response.ContentLength = workbook.Length;
            await http.Response.Body.WriteAsync(workbook, ct);
        }

        db.Logger("Movilidad.Exports").LogInformation("Matrix export in {Language} by account {AccountId}: {Rows} rows", lang.Code, AuditActor.From(http).AccountId, kept.Rows);
        FileMetrics.Exported("matrix");
    }

    private static Kept? Fresh((string?, bool, string, MatrixFilter) key, DataVersion data) =>
        Cache.TryGetValue(key, out var kept) && kept.Version == data.Current && DateTime.UtcNow - kept.At < DataVersion.MaximumAge ? kept : null;

    /// <summary>Reads the rows and writes the workbook: kept when small enough; else sent from its temporary file (then nothing is kept).</summary>
    private static async Task<Kept> WriteKeptAsync(HttpContext http, MovilidadDb db, MatrixLanguage lang, TimeProvider clock, MatrixFilter filter,
        (string?, bool, string, MatrixFilter) key, long version, CancellationToken ct)
    {
        var rows = await db.LoadAsync(filter, ct);
        var lists = MatrixLists.For(lang,
            await db.Currencies.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct),
            await db.Institutions.AsNoTracking().OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;

        // Written to a temporary file, never whole in memory; read back into memory only when small enough to keep.
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        FollowUpMatrix.ToExcel(buffer, rows, lists, lang, filter, now);
        buffer.Position = 0;
        if (buffer.Length <= MaxKeptBytes)
        {
            var workbook = new byte[buffer.Length];
            await buffer.ReadExactlyAsync(workbook, ct);
            var kept = new Kept(version, DateTime.UtcNow, now, workbook, rows.Count);
            Cache[key] = kept;
            return kept;
        }

        Headers(http, lang, now);
        http.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(http.Response.Body, ct);
        return new Kept(version, DateTime.UtcNow, now, null, rows.Count);
    }

    private static void Headers(HttpContext http, MatrixLanguage lang, DateTime exportedAt)
    {
        http.Response.ContentType = MatrixFormat.ContentType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = FollowUpMatrix.FileName(lang, exportedAt) }.ToString();
        http.Response.Headers.CacheControl = "no-store";
    }
}

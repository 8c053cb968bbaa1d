using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Observability;

namespace Movilidad.Web.Features.Matrix;

/// <summary>Sends the follow-up matrix as a download, written straight to the response.</summary>
public static class MatrixExport
{
    public static async Task WriteAsync(HttpContext http, MovilidadDb db, TextLocalizer texts, TimeProvider clock, string? language, MatrixFilter filter, CancellationToken ct)
    {
        var lang = new MatrixLanguage(texts, language ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var rows = await db.LoadAsync(filter, ct);
        var lists = MatrixLists.For(lang,
            await db.Currencies.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct),
            await db.Institutions.AsNoTracking().OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        http.Response.ContentType = MatrixFormat.ContentType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = FollowUpMatrix.FileName(lang, now) }.ToString();
        http.Response.Headers.CacheControl = "no-store";

        // The packaging API writes synchronously; the workbook goes out part by part as it is written, never whole in memory.
        if (http.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        FollowUpMatrix.ToExcel(http.Response.Body, rows, lists, lang, filter, now);
        db.Logger("Movilidad.Exports").LogInformation("Matrix export in {Language} by account {AccountId}: {Rows} rows", lang.Code, AuditActor.From(http).AccountId, rows.Count);
        FileMetrics.Exported("matrix");
    }
}

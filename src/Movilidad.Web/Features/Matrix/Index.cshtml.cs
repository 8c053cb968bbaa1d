using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Matrix;

/// <summary>The follow-up matrix page: download it in a language for a plan or line, upload it edited and see what happened.</summary>
[RequestSizeLimit(MatrixUpload.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MatrixUpload.MaxBytes)]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, TextLocalizer texts, TimeProvider clock) : PageModel
{
    public sealed record PlanChoice(string Key, string Title, IReadOnlyList<Choice> Lines);

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    /// <summary>What to export: empty for every plan, "plan:KEY" or "line:ID".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];
    public bool CanImport { get; private set; }
    public MatrixOutcome? Outcome { get; private set; }
    public bool NoFile { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var filter = Scope switch
        {
            ['p', 'l', 'a', 'n', ':', .. var key] => new MatrixFilter(key, null),
            ['l', 'i', 'n', 'e', ':', .. var id] when int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) =>
                new MatrixFilter(null, line),
            _ => new MatrixFilter(null, null),
        };
        await MatrixExport.WriteAsync(HttpContext, db, texts, clock, Language is "en" ? "en" : "es", filter, ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!CanImport)
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0)
        {
            NoFile = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = await MatrixUpload.BufferAsync(Upload, ct);
        Outcome = await db.ImportAsync(stream, User, auth, texts, AuditActor.From(HttpContext), clock, ct);
        Response.StatusCode = Outcome switch
        {
            { Saved: true } => StatusCodes.Status200OK,
            { Conflicts.Count: > 0, Errors.Count: 0 } => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, MonitoringOperations.Read))
        {
            return Forbid();
        }

        CanImport = await auth.CanAsync(User, MatrixOperations.Import);
        Language ??= System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "es";
        var plans = await db.Plans.AsNoTracking().Where(p => p.Elements.Any(e => e.IsActionable)).OrderBy(p => p.SortOrder)
            .Select(p => new { p.Id, p.Key, p.Number, p.Title }).ToListAsync(ct);
        var lines = await db.PlanElements.AsNoTracking().Where(e => e.LevelKey == "line").OrderBy(e => e.SortOrder)
            .Select(e => new { e.Id, e.PlanId, e.Code, e.Title }).ToListAsync(ct);
        Plans = plans.Select(p => new PlanChoice(p.Key, $"{p.Number} · {p.Title.Current}",
            lines.Where(l => l.PlanId == p.Id).Select(l => new Choice(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{l.Code} {PageFormats.Shorten(l.Title.Current)}")).ToList())).ToList();
        return null;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Reports;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Reports;

/// <summary>One line of the report list.</summary>
public sealed record ReportSummary(int Id, int PlanId, string PlanNumber, Bilingual PlanTitle, string Semester, int Year, int Half, ReportStatus Status, DateTime? SubmittedAt, DateTime? ApprovedAt, int Version);

/// <summary>The semi-annual reports to the GRCM: prepared by the Secretariat, narratives by each country's focal point, approved by the Presidency.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization()
            .AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        reports.MapGet("/", async Task<IResult> (HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await auth.CanAsync(http.User, ReportOperations.Read) ? TypedResults.Ok(await db.ReportSummariesAsync(approvedOnly: false, ct)) : TypedResults.Forbid())
            .ProducesRead<List<ReportSummary>>()
            .WithSummary("The reports, newest semester first.");

        reports.MapPost("/", async Task<IResult> (ReportCreate create, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, ReportOperations.Prepare))
                {
                    return TypedResults.Forbid();
                }

                return (await db.CreateReportAsync(create, AuditActor.From(http), clock, ct)).ToCreated("report", created => $"/api/reports/{ReportEditing.Id(created.Id)}");
            })
            .ProducesWrite<ReportView>(StatusCodes.Status201Created)
            .WithSummary("Starts the report of a plan for a semester (2025-S2), as a draft. The Secretariat only.");

        reports.MapGet("/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, ReportOperations.Read))
                {
                    return TypedResults.Forbid();
                }

                var report = await db.Reports.AsNoTracking().Include(r => r.Narratives).SingleOrDefaultAsync(r => r.Id == id, ct);
                return report is null ? NotFoundProblem.Of("report", id) : TypedResults.Ok(ReportEditing.View(report));
            })
            .ProducesRead<ReportView>()
            .WithSummary("A report: its status, summary, narratives and versions.");

        reports.MapPut("/{id:int}/summary", async Task<IResult> (int id, SummaryEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, ReportOperations.Prepare))
                {
                    return TypedResults.Forbid();
                }

                return WriteResults.ToHttp(await db.SaveSummaryAsync(id, edit, AuditActor.From(http), clock, ct), "report", id);
            })
            .ProducesWrite<ReportView>()
            .WithSummary("Saves the Secretariat's summary of a draft report. Send the report's version you read; a stale one gets 409.");

        reports.MapPut("/{id:int}/narratives/{country}", async Task<IResult> (int id, string country, NarrativeEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var code = country.ToUpperInvariant();
                if (!await auth.CanAsync(http.User, ReportOperations.EditNarrative, new CountryScope(code)))
                {
                    return TypedResults.Forbid();
                }

                return WriteResults.ToHttp(await db.SaveNarrativeAsync(id, code, edit, AuditActor.From(http), clock, ct), "narrative", $"{id}/{code}");
            })
            .ProducesWrite<NarrativeView>()
            .WithSummary("Saves a country's narrative in a draft report (es, en or both). Only that country's focal point; version 0 for the first.");

        reports.MapPost("/{id:int}/submit", async Task<IResult> (int id, ReportMove move, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await MoveAsync(http, ReportOperations.Prepare, auth, () => db.SubmitAsync(id, move, AuditActor.From(http), clock, ct), id))
            .ProducesWrite<ReportView>()
            .WithSummary("Submits a draft report to the Pro-Tempore Presidency. The Secretariat only.");

        reports.MapPost("/{id:int}/approve", async Task<IResult> (int id, ReportMove move, HttpContext http, MovilidadDb db, IAuthorizationService auth, ReportAssembly assembly, TimeProvider clock, CancellationToken ct) =>
                await MoveAsync(http, ReportOperations.Approve, auth, () => db.ApproveAsync(id, move, assembly, AuditActor.From(http), clock, ct), id))
            .ProducesWrite<ReportView>()
            .WithSummary("Approves a submitted report and freezes its data. The Pro-Tempore Presidency only.");

        reports.MapPost("/{id:int}/return", async Task<IResult> (int id, ReportMove move, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await MoveAsync(http, ReportOperations.Approve, auth, () => db.ReturnAsync(id, move, AuditActor.From(http), clock, ct), id))
            .ProducesWrite<ReportView>()
            .WithSummary("Returns a submitted report to draft with a comment saying what to change. The Pro-Tempore Presidency only.");

        reports.MapGet("/{id:int}/document", async Task<IResult> (int id, string? format, string? language, HttpContext http, MovilidadDb db, IAuthorizationService auth,
                ReportAssembly assembly, TextLocalizer texts, TimeProvider clock, CancellationToken ct) =>
            {
                // The public reads approved reports, as their page shows them; any other is not found for it.
                if (!await auth.CanAsync(http.User, ReportOperations.Read)
                    && !await db.Reports.AsNoTracking().AnyAsync(r => r.Id == id && r.Status == ReportStatus.Approved, ct))
                {
                    return NotFoundProblem.Of("report", id);
                }

                var errors = new Dictionary<string, string[]>();
                if (format is not ("docx" or "pdf"))
                {
                    errors["format"] = [$"format is docx or pdf, not '{format}'."];
                }

                if (language is null || !ReportAssembly.Languages.Contains(language))
                {
                    errors["language"] = [$"language is es or en, not '{language}'."];
                }

                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors);
                }

                var file = await ReportFiles.RenderAsync(db, assembly, texts, id, format!, language!, clock, ct);
                return file is null ? NotFoundProblem.Of("report", id) : TypedResults.File(file.Content, file.ContentType, file.Name);
            })
            .ProducesFile("application/octet-stream")
            .AllowAnonymous()
            .WithSummary("The report as a Word (format=docx) or PDF (format=pdf) document in Spanish or English (language=es|en); an approved report as it was approved. Anyone reads an approved report; the others are for those who work on the plans.");
        return app;
    }

    private static async Task<IResult> MoveAsync(HttpContext http, Operation operation, IAuthorizationService auth, Func<Task<WriteOutcome<ReportView>>> move, int id) =>
        await auth.CanAsync(http.User, operation) ? WriteResults.ToHttp(await move(), "report", id) : TypedResults.Forbid();

    /// <summary>The reports (the approved ones alone when <paramref name="approvedOnly"/>, for the public), newest semester first.</summary>
    public static async Task<List<ReportSummary>> ReportSummariesAsync(this MovilidadDb db, bool approvedOnly, CancellationToken ct) =>
        await db.Reports.AsNoTracking().Where(r => !approvedOnly || r.Status == ReportStatus.Approved).OrderByDescending(r => r.Year).ThenByDescending(r => r.Half).ThenBy(r => r.Plan!.SortOrder)
            .Select(r => new ReportSummary(r.Id, r.PlanId, r.Plan!.Number, r.Plan.Title, r.Year.ToString(CultureInfo.InvariantCulture) + "-S" + r.Half.ToString(CultureInfo.InvariantCulture),
                r.Year, r.Half, r.Status, r.SubmittedAt, r.ApprovedAt, r.Version))
            .ToListAsync(ct);
}

/// <summary>A rendered report, ready to download.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string Name);

public static class ReportFiles
{
    public static async Task<ReportFile?> RenderAsync(MovilidadDb db, ReportAssembly assembly, TextLocalizer texts, int id, string format, string language, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        var head = await ReportAssembly.HeadAsync(db, id, ct);
        if (report is null || head is null)
        {
            return null;
        }

        var document = assembly.Build(head, await assembly.DataAsync(db, report, ct), language);
        var at = report.ApprovedAt ?? clock.GetUtcNow().UtcDateTime;
        var name = new ReportText(texts, language)["Report.FileName"] + "-" + report.Semester + "-" + language;
        return format == "pdf"
            ? new ReportFile(PdfReport.ToPdf(document, at), "application/pdf", name + ".pdf")
            : new ReportFile(DocxReport.ToDocx(document, at), DocxReport.ContentType, name + ".docx");
    }
}

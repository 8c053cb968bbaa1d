using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Reports;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Reports;

public sealed record ReportCreate(int PlanId, string Semester);

public sealed record SummaryEdit(int Version, Bilingual Summary);

public sealed record NarrativeEdit(int Version, Bilingual Text);

/// <summary>A move of the report's status: submit, approve, or return with a comment.</summary>
public sealed record ReportMove(int Version, string? Comment);

public sealed record NarrativeView(string Country, Bilingual Text, DateTime UpdatedAt, string? UpdatedBy, int Version);

/// <summary>A report as saved at one version: the API answers with it and the audit trail keeps one before and after each write.</summary>
public sealed record ReportView(
    int Id, int PlanId, string Semester, ReportStatus Status, Bilingual Summary, string? ReturnComment, DateTime CreatedAt, DateTime? SubmittedAt,
    DateTime? ApprovedAt, string? ApprovedBy, bool Frozen, int Version, IReadOnlyList<NarrativeView> Narratives);

/// <summary>Creates reports and moves them draft → submitted → approved (or back to draft); one transaction per write, with its audit entry.</summary>
public static class ReportEditing
{
    public const string EntityType = "report";
    public const string NarrativeEntityType = "report-narrative";

    public static ReportView View(Report r) => new(
        r.Id, r.PlanId, r.Semester.ToString(), r.Status, r.Summary, r.ReturnComment, r.CreatedAt, r.SubmittedAt, r.ApprovedAt, r.ApprovedBy,
        r.Snapshot is not null, r.Version, r.Narratives.OrderBy(n => n.CountryCode, StringComparer.Ordinal).Select(View).ToList());

    public static NarrativeView View(ReportNarrative n) => new(n.CountryCode, n.Text, n.UpdatedAt, n.UpdatedBy, n.Version);

    public static Task<Report?> FindReportAsync(this MovilidadDb db, int id, CancellationToken ct) =>
        db.Reports.Include(r => r.Narratives).SingleOrDefaultAsync(r => r.Id == id, ct);

    public static async Task<WriteOutcome<ReportView>> CreateReportAsync(this MovilidadDb db, ReportCreate create, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!await db.Plans.AnyAsync(p => p.Id == create.PlanId, ct))
        {
            errors["planId"] = [$"No plan has the id {create.PlanId}."];
        }

        if (!Semester.TryParse(create.Semester, out var semester))
        {
            errors["semester"] = [$"{create.Semester} is not a semester; write the year, -S and 1 or 2: 2025-S2."];
        }
        else if (await db.Reports.AnyAsync(r => r.PlanId == create.PlanId && r.Year == semester.Value.Year && r.Half == semester.Value.Half, ct))
        {
            errors["semester"] = [$"The plan already has a report for {semester}."];
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<ReportView>.Invalid(errors);
        }

        var report = new Report { PlanId = create.PlanId, Year = semester!.Value.Year, Half = semester.Value.Half, CreatedAt = clock.GetUtcNow().UtcDateTime };
        return await db.CreateAsync(Reports, report, actor, clock, ct);
    }

    /// <summary>How a report is written through the kernel; its trail keeps the report's own fields, each narrative has its own entries.</summary>
    private static readonly Editable<Report, ReportView> Reports = new(EntityType, FindReportAsync, View, r => Id(r.Id), Audited: v => v with { Narratives = [] });

    public static Task<WriteOutcome<ReportView>> SaveSummaryAsync(this MovilidadDb db, int id, SummaryEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Reports, id, edit.Version, AuditActions.Update, report =>
        {
            var errors = Editable(report);
            foreach (var (field, value) in new[] { ("summary.es", edit.Summary?.Es), ("summary.en", edit.Summary?.En) })
            {
                if (value?.Length > ReportConfiguration.SummaryMaxLength)
                {
                    errors[field] = [$"{field} is longer than {ReportConfiguration.SummaryMaxLength} characters."];
                }
            }

            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, report =>
        {
            report.Summary = new Bilingual(edit.Summary?.Es?.Trim() ?? string.Empty, edit.Summary?.En?.Trim() ?? string.Empty);
            return Task.CompletedTask;
        }, actor, clock, ct);

    /// <summary>Saves a country's narrative: version 0 writes the first one.</summary>
    public static async Task<WriteOutcome<NarrativeView>> SaveNarrativeAsync(this MovilidadDb db, int id, string country, NarrativeEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.FindReportAsync(id, ct);
        if (report is null || !(await db.MemberCountriesAsync(ct)).Contains(country))
        {
            return new WriteOutcome<NarrativeView>.NotFound();
        }

        var narrative = report.Narratives.SingleOrDefault(n => n.CountryCode == country);
        if ((narrative?.Version ?? 0) != edit.Version)
        {
            return new WriteOutcome<NarrativeView>.Conflict(narrative is null ? new NarrativeView(country, Bilingual.Empty, default, null, 0) : View(narrative));
        }

        var errors = Editable(report);
        foreach (var (field, value) in new[] { ("text.es", edit.Text?.Es), ("text.en", edit.Text?.En) })
        {
            if (value?.Length > ReportConfiguration.NarrativeMaxLength)
            {
                errors[field] = [$"{field} is longer than {ReportConfiguration.NarrativeMaxLength} characters."];
            }
        }

        if (string.IsNullOrWhiteSpace(edit.Text?.Es) && string.IsNullOrWhiteSpace(edit.Text?.En))
        {
            errors["text"] = ["Write the narrative in Spanish, in English or in both."];
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<NarrativeView>.Invalid(errors);
        }

        var before = narrative is null ? null : View(narrative);
        if (narrative is null)
        {
            narrative = new ReportNarrative { ReportId = id, CountryCode = country, Version = 1 };
            db.ReportNarratives.Add(narrative);
        }
        else
        {
            narrative.Version++;
        }

        narrative.Text = new Bilingual(edit.Text!.Es?.Trim() ?? string.Empty, edit.Text.En?.Trim() ?? string.Empty);
        narrative.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        narrative.UpdatedBy = actor.Name;
        try
        {
            await db.SaveAuditedAsync(actor, () => new AuditRecord(before is null ? AuditActions.Create : AuditActions.Update, NarrativeEntityType,
                $"{Id(id)}:{country}", before, View(narrative), country), clock, ct);
            return new WriteOutcome<NarrativeView>.Saved(View(narrative));
        }
        catch (DbUpdateException)
        {
            // Someone wrote the first narrative (unique index) or saved this one (concurrency token) in between.
            db.ChangeTracker.Clear();
            var current = await db.ReportNarratives.AsNoTracking().SingleOrDefaultAsync(n => n.ReportId == id && n.CountryCode == country, ct);
            return current is null ? throw new InvalidOperationException($"The narrative of {country} in report {id} could not be saved.") : new WriteOutcome<NarrativeView>.Conflict(View(current));
        }
    }

    public static async Task<WriteOutcome<ReportView>> SubmitAsync(this MovilidadDb db, int id, ReportMove move, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        await MoveAsync(db, id, move, ReportStatus.Draft, ReportStatus.Submitted, actor, clock, report =>
        {
            report.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Approves a submitted report and freezes its data: what is downloaded from then on no longer changes.</summary>
    public static async Task<WriteOutcome<ReportView>> ApproveAsync(this MovilidadDb db, int id, ReportMove move, ReportAssembly assembly, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        await MoveAsync(db, id, move, ReportStatus.Submitted, ReportStatus.Approved, actor, clock, async report =>
        {
            report.ApprovedAt = clock.GetUtcNow().UtcDateTime;
            report.ApprovedBy = actor.Name;
            report.Snapshot = JsonSerializer.Serialize(await assembly.CollectAsync(db, report, ct));
        }, ct);

    public static async Task<WriteOutcome<ReportView>> ReturnAsync(this MovilidadDb db, int id, ReportMove move, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(move.Comment))
        {
            return new WriteOutcome<ReportView>.Invalid(new Dictionary<string, string[]> { ["comment"] = ["Say what the Secretariat should change."] });
        }

        if (move.Comment.Length > ReportConfiguration.CommentMaxLength)
        {
            return new WriteOutcome<ReportView>.Invalid(new Dictionary<string, string[]> { ["comment"] = [$"comment is longer than {ReportConfiguration.CommentMaxLength} characters."] });
        }

        return await MoveAsync(db, id, move, ReportStatus.Submitted, ReportStatus.Draft, actor, clock, report =>
        {
            report.ReturnComment = move.Comment.Trim();
            report.SubmittedAt = null;
            return Task.CompletedTask;
        }, ct);
    }

    private static async Task<WriteOutcome<ReportView>> MoveAsync(
        MovilidadDb db, int id, ReportMove move, ReportStatus from, ReportStatus to, AuditActor actor, TimeProvider clock, Func<Report, Task> apply, CancellationToken ct)
    {
        var outcome = await db.EditAsync(Reports, id, move.Version, to == ReportStatus.Draft ? "return" : Kebab(to),
            report => Task.FromResult<IDictionary<string, string[]>>(report.Status == from
                ? new Dictionary<string, string[]>()
                : new Dictionary<string, string[]> { ["status"] = [$"The report is {Kebab(report.Status)}; only a {Kebab(from)} report can become {Kebab(to)}."] }),
            report =>
            {
                report.Status = to;
                return apply(report);
            }, actor, clock, ct);
        db.Logger("Movilidad.Reports").LogInformation("Report {ReportId} from {From} to {To} by account {AccountId}: {Outcome}",
            id, Kebab(from), Kebab(to), actor.AccountId, outcome.GetType().Name);
        return outcome;
    }

    /// <summary>Only a draft is written to; a submitted report waits for the Presidency and an approved one is frozen.</summary>
    private static Dictionary<string, string[]> Editable(Report report) =>
        report.Status == ReportStatus.Draft
            ? []
            : new Dictionary<string, string[]> { ["status"] = [$"The report is {Kebab(report.Status)}; only a draft can be changed."] };

    public static string Kebab(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.Approved => "approved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

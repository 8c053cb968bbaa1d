using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>A fraud report as its readers (the country's focal point, the Secretariat) see it, contact details included.</summary>
public sealed record FraudReportView(
    int Id, string Country, string RecruiterName, int? RecruiterId, string Description, string? ContactName, string? ContactEmail, string? ContactPhone,
    string Language, FraudReportStatus Status, string? TriageNote, DateTime ReceivedAt, DateTime? TriagedAt, string? TriagedBy, int Version);

/// <summary>What the reporter gets back: the report's number and where it went, nothing of what they wrote.</summary>
public sealed record FraudReportReceipt(int Id, string Country, FraudReportStatus Status, DateTime ReceivedAt);

/// <summary>A suspected fraud, as the public form and <c>POST /api/fraud-reports</c> send it.</summary>
public sealed record FraudReportForm(string? Country, string? RecruiterName, string? Description, string? ContactName, string? ContactEmail, string? ContactPhone, string? Token, string? Website);

/// <summary>The focal point's triage: the new status and a note.</summary>
public sealed record FraudTriage(int Version, FraudReportStatus Status, string? Note);

public sealed record DuplicateView(int Id, int RecruiterId, string RecruiterName, string RecruiterCountry, int OtherId, string OtherName, string OtherCountry,
    string Reason, double Similarity, DuplicateStatus Status, string? ReviewedBy, DateTime? ReviewedAt, int Version);

public enum DuplicateDecision
{
    Merge,
    KeepApart,
    Undo,
}

/// <summary>The decision on a proposed duplicate: merge, keep apart, or undo an earlier decision.</summary>
public sealed record DuplicateReview(int Version, DuplicateDecision Decision);

/// <summary>A sanction a focal point (or the Secretariat) records, with its source.</summary>
public sealed record SanctionForm(SanctionKind Kind, string? Country, string? Programme, string? Authority, DateOnly? Start, DateOnly? End, string? Source, string? Notes);

/// <summary>
/// The directory's writes, through the write kernel: fraud reports (created in public, triaged by the country's focal
/// point; the audit keeps neither the reporter's contact details nor the description), duplicate reviews (a merge is
/// undone by the same review), and sanctions recorded with their source.
/// </summary>
public static class RecruiterEditing
{
    public const int DescriptionMaxLength = 4000;
    public const int ContactMaxLength = 200;

    public static readonly Editable<FraudReport, FraudReportView> Reports = new(
        "fraud-report",
        (db, id, ct) => db.FraudReports.FirstOrDefaultAsync(f => f.Id == id, ct),
        View,
        f => f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        f => f.Country,
        v => new { v.Country, v.RecruiterId, v.Status, v.TriageNote, v.TriagedBy });

    public static readonly Editable<RecruiterDuplicate, RecruiterDuplicate> Duplicates = new(
        "recruiter-duplicate",
        (db, id, ct) => db.RecruiterDuplicates.FirstOrDefaultAsync(d => d.Id == id, ct),
        d => new RecruiterDuplicate { Id = d.Id, RecruiterId = d.RecruiterId, OtherId = d.OtherId, Reason = d.Reason, Similarity = d.Similarity, Status = d.Status, ProposedAt = d.ProposedAt, ReviewedBy = d.ReviewedBy, ReviewedAt = d.ReviewedAt, Version = d.Version },
        d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static FraudReportView View(FraudReport f) => new(f.Id, f.Country, f.RecruiterName, f.RecruiterId, f.Description, f.ContactName, f.ContactEmail, f.ContactPhone,
        f.Language, f.Status, f.TriageNote, f.ReceivedAt, f.TriagedAt, f.TriagedBy, f.Version);

    /// <summary>Errors by field (text keys) of a report; empty when it may be saved.</summary>
    public static async Task<Dictionary<string, string>> ValidateAsync(MovilidadDb db, FraudReportForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(form.Website))
        {
            errors[FraudReportGuard.HoneypotField] = "Fraud.Error.Honeypot";
        }

        if (string.IsNullOrWhiteSpace(form.Country) || !await db.Countries.AnyAsync(c => c.Alpha2 == form.Country, ct))
        {
            errors["country"] = "Fraud.Error.Country";
        }

        if (string.IsNullOrWhiteSpace(form.RecruiterName))
        {
            errors["recruiterName"] = "Fraud.Error.NameRequired";
        }
        else if (form.RecruiterName.Length > RecruiterNames.MaxLength)
        {
            errors["recruiterName"] = "Fraud.Error.NameTooLong";
        }

        if (string.IsNullOrWhiteSpace(form.Description))
        {
            errors["description"] = "Fraud.Error.DescriptionRequired";
        }
        else if (form.Description.Length > DescriptionMaxLength)
        {
            errors["description"] = "Fraud.Error.DescriptionTooLong";
        }

        if (form.ContactName?.Length > ContactMaxLength)
        {
            errors["contactName"] = "Fraud.Error.ContactTooLong";
        }

        if (!string.IsNullOrWhiteSpace(form.ContactEmail) && (form.ContactEmail.Length > ContactMaxLength || !MailAddress.TryCreate(form.ContactEmail.Trim(), out _)))
        {
            errors["contactEmail"] = "Fraud.Error.Email";
        }

        if (!string.IsNullOrWhiteSpace(form.ContactPhone) && (form.ContactPhone.Length > 40 || !form.ContactPhone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.')))
        {
            errors["contactPhone"] = "Fraud.Error.Phone";
        }

        return errors;
    }

    /// <summary>Saves a validated report, matched to the directory entry with the same name when there is exactly one.</summary>
    public static async Task<FraudReportReceipt> CreateAsync(MovilidadDb db, FraudReportForm form, string language, TimeProvider clock, CancellationToken ct)
    {
        var key = RecruiterNames.MatchKey(form.RecruiterName!);
        var matched = await db.Recruiters.Where(r => r.MergedIntoId == null && (r.MatchKey == key || r.Names.Any(n => n.MatchKey == key))).Select(r => r.Id).Take(2).ToListAsync(ct);
        var report = new FraudReport
        {
            Country = form.Country!,
            RecruiterName = form.RecruiterName!.Trim(),
            RecruiterId = matched.Count == 1 ? matched[0] : null,
            Description = form.Description!.Trim(),
            ContactName = Blank(form.ContactName),
            ContactEmail = Blank(form.ContactEmail),
            ContactPhone = Blank(form.ContactPhone),
            Language = language == "en" ? "en" : "es",
            Status = FraudReportStatus.Received,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The reporter has no account and their address is not kept in the trail.
        var saved = await db.CreateAsync(Reports, report, new AuditActor(null, "public-form", null, "web"), clock, ct);
        var view = ((WriteOutcome<FraudReportView>.Saved)saved).Value;
        return new FraudReportReceipt(view.Id, view.Country, view.Status, view.ReceivedAt);
    }

    public static Task<WriteOutcome<FraudReportView>> TriageAsync(MovilidadDb db, int id, FraudTriage triage, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Reports, id, triage.Version, "triage", report =>
        {
            var errors = new FieldErrors();
            if (triage.Note?.Length > DescriptionMaxLength)
            {
                errors.Add("note", $"At most {DescriptionMaxLength} characters.");
            }

            if (triage.Status == FraudReportStatus.Received && report.Status != FraudReportStatus.Received)
            {
                errors.Add("status", "A triaged report does not go back to received.");
            }

            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, report =>
        {
            report.Status = triage.Status;
            report.TriageNote = Blank(triage.Note);
            report.TriagedAt = clock.GetUtcNow().UtcDateTime;
            report.TriagedBy = actor.Name;
            return Task.CompletedTask;
        }, actor, clock, ct);

    /// <summary>Merges (the other entry points at the first and leaves the directory), keeps apart, or undoes either.</summary>
    public static Task<WriteOutcome<RecruiterDuplicate>> ReviewAsync(MovilidadDb db, int id, DuplicateReview review, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Duplicates, id, review.Version, review.Decision switch
        {
            DuplicateDecision.Merge => "merge",
            DuplicateDecision.KeepApart => "keep-apart",
            _ => "undo",
        }, async duplicate =>
        {
            var errors = new FieldErrors();
            var pair = await db.Recruiters.Where(r => r.Id == duplicate.RecruiterId || r.Id == duplicate.OtherId).ToListAsync(ct);
            switch (review.Decision)
            {
                case DuplicateDecision.Merge when duplicate.Status != DuplicateStatus.Proposed:
                case DuplicateDecision.KeepApart when duplicate.Status != DuplicateStatus.Proposed:
                    errors.Add("decision", $"This pair was already reviewed ({duplicate.Status}): undo that first.");
                    break;
                case DuplicateDecision.Undo when duplicate.Status == DuplicateStatus.Proposed:
                    errors.Add("decision", "This pair has not been reviewed: there is nothing to undo.");
                    break;
                case DuplicateDecision.Merge when pair.Any(r => r.MergedIntoId is not null):
                    errors.Add("decision", "One of the two was merged into another entry: review that pair first.");
                    break;
            }

            return errors;
        }, async duplicate =>
        {
            var other = await db.Recruiters.FirstAsync(r => r.Id == duplicate.OtherId, ct);
            if (review.Decision == DuplicateDecision.Merge)
            {
                other.MergedIntoId = duplicate.RecruiterId;
                other.Version++;
            }
            else if (review.Decision == DuplicateDecision.Undo && duplicate.Status == DuplicateStatus.Merged)
            {
                other.MergedIntoId = null;
                other.Version++;
            }

            duplicate.Status = review.Decision switch
            {
                DuplicateDecision.Merge => DuplicateStatus.Merged,
                DuplicateDecision.KeepApart => DuplicateStatus.KeptApart,
                _ => DuplicateStatus.Proposed,
            };
            duplicate.ReviewedBy = review.Decision == DuplicateDecision.Undo ? null : actor.Name;
            duplicate.ReviewedAt = review.Decision == DuplicateDecision.Undo ? null : clock.GetUtcNow().UtcDateTime;
        }, actor, clock, ct);

    /// <summary>Errors by field of a sanction; empty when it may be saved.</summary>
    public static async Task<FieldErrors> ValidateAsync(MovilidadDb db, SanctionForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(form.Country) || !await db.Countries.AnyAsync(c => c.Alpha2 == form.Country, ct))
        {
            errors.Add("country", "An ISO 3166-1 alpha-2 country code is required.");
        }

        if (string.IsNullOrWhiteSpace(form.Authority) || form.Authority.Length > RecruiterConfigurationLimits.Name)
        {
            errors.Add("authority", $"The authority that imposed it is required (at most {RecruiterConfigurationLimits.Name} characters).");
        }

        if (string.IsNullOrWhiteSpace(form.Source) || form.Source.Length > RecruiterConfigurationLimits.Source)
        {
            errors.Add("source", $"The source (a decision, a registry page, a published list) is required (at most {RecruiterConfigurationLimits.Source} characters).");
        }

        if (form.Programme?.Length > 32)
        {
            errors.Add("programme", "At most 32 characters.");
        }

        if (form.Notes?.Length > DescriptionMaxLength)
        {
            errors.Add("notes", $"At most {DescriptionMaxLength} characters.");
        }

        if (form.Start is { } start && form.End is { } end && end < start)
        {
            errors.Add("end", "The end is before the start.");
        }

        return errors;
    }

    /// <summary>Adds a validated sanction to a recruiter, audited under the sanction's country.</summary>
    public static async Task<WriteOutcome<SanctionView>> RecordSanctionAsync(MovilidadDb db, int recruiterId, SanctionForm form, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Recruiters.AnyAsync(r => r.Id == recruiterId, ct))
        {
            return new WriteOutcome<SanctionView>.NotFound();
        }

        var sanction = new RecruiterSanction
        {
            RecruiterId = recruiterId,
            Kind = form.Kind,
            Country = form.Country!,
            Programme = Blank(form.Programme),
            Authority = form.Authority!.Trim(),
            Start = form.Start,
            End = form.End,
            ListedName = await db.Recruiters.Where(r => r.Id == recruiterId).Select(r => r.Name).FirstAsync(ct),
            Source = form.Source!.Trim(),
            Notes = Blank(form.Notes),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = actor.Name,
        };
        db.RecruiterSanctions.Add(sanction);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        SanctionView View() => new(sanction.Id, sanction.Kind, sanction.Country, sanction.Programme, sanction.Authority, sanction.Start, sanction.End, sanction.InForceOn(today), sanction.ListedName, sanction.Source, sanction.Notes);
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Create, "recruiter-sanction", sanction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, View(), sanction.Country), clock, ct);
        return new WriteOutcome<SanctionView>.Saved(View());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The lengths the database keeps for the directory's texts.</summary>
public static class RecruiterConfigurationLimits
{
    public const int Name = 400;
    public const int Source = 1000;
}

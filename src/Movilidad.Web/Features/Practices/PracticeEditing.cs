using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Practices;

/// <summary>What a submitter writes, with the version they started from (0 to submit a new practice).</summary>
public sealed record PracticeEdit(
    int Version, int InstitutionId, Bilingual Title, Bilingual Summary, Bilingual Body,
    IReadOnlyList<int>? GcmObjectives, IReadOnlyList<int>? Elements, IReadOnlyList<string>? Countries);

public enum ReviewDecision
{
    Accept,
    Return,
    Reject,
}

/// <summary>A practice as saved at one version: the audit trail keeps one before and after each write and transition.</summary>
public sealed record PracticeSnapshot(
    int Id, int Version, Bilingual Title, Bilingual Summary, Bilingual Body, int InstitutionId, PracticeStatus Status, string? ReviewComment,
    int? SubmittedById, DateTime SubmittedAt, string? ConsentGivenBy, DateOnly? ConsentGivenOn, DateTime? ConsentRecordedAt, DateOnly? ScheduledMonth,
    DateTime? PublishedAt, IReadOnlyList<int> GcmObjectives, IReadOnlyList<int> Elements, IReadOnlyList<string> Countries);

/// <summary>
/// The pipeline: submitted → accepted, returned with a comment (then edited and resubmitted) or rejected; an accepted
/// practice gets its institution's consent and a month, and is published once that month has come.
/// </summary>
public static class PracticeWorkflow
{
    public const string EntityType = "practice";

    public static class Actions
    {
        public const string Submit = "submit";
        public const string Resubmit = "resubmit";
        public const string Accept = "accept";
        public const string Return = "return";
        public const string Reject = "reject";
        public const string Consent = "consent";
        public const string Schedule = "schedule";
        public const string Publish = AuditActions.Publish;
    }

    public static bool IsEditable(PracticeStatus status) => status is PracticeStatus.Submitted or PracticeStatus.Returned;

    public static PracticeSnapshot Snapshot(Practice p) => new(
        p.Id, p.Version, p.Title, p.Summary, p.Body, p.InstitutionId, p.Status, p.ReviewComment, p.SubmittedById, p.SubmittedAt,
        p.ConsentGivenBy, p.ConsentGivenOn, p.ConsentRecordedAt, p.ScheduledMonth, p.PublishedAt,
        p.GcmObjectives.Select(g => g.Objective).Order().ToList(),
        p.Elements.Select(e => e.ElementId).Order().ToList(),
        p.Countries.Select(c => c.CountryCode).Order(StringComparer.Ordinal).ToList());

    public static Task<Practice?> FindPracticeAsync(this MovilidadDb db, int id, CancellationToken ct) =>
        db.Practices.IgnoreQueryFilters().Include(p => p.GcmObjectives).Include(p => p.Elements).Include(p => p.Countries)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);

    public static int? ReaderId(ClaimsPrincipal reader) =>
        int.TryParse(reader.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static SubmitterScope ScopeOf(int? submittedById, ClaimsPrincipal reader) => new(submittedById is not null && submittedById == ReaderId(reader));

    /// <summary>Whether the reader submitted the practice; null when there is no such practice.</summary>
    public static async Task<SubmitterScope?> SubmitterScopeAsync(this MovilidadDb db, int id, ClaimsPrincipal reader, CancellationToken ct) =>
        await db.Practices.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.SubmittedById }).SingleOrDefaultAsync(ct) is { } owner
            ? ScopeOf(owner.SubmittedById, reader)
            : null;

    /// <summary>A month as typed (yyyy-mm) to its first day; null when it is not one, which <see cref="ScheduleAsync"/> names.</summary>
    public static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null;

    /// <summary>Published practices for everyone; all of them for the Secretariat and observers; their own for submitters.</summary>
    public static IQueryable<Practice> VisibleTo(this IQueryable<Practice> practices, ClaimsPrincipal reader)
    {
        if (Grants.Of(reader).Any(g => PracticePermissions.Rules.Decides(g, PracticeOperations.ReadUnpublished, null)))
        {
            return practices;
        }

        var id = ReaderId(reader) ?? -1;
        return practices.Where(p => p.Status == PracticeStatus.Published || p.SubmittedById == id);
    }

    public static async Task<Dictionary<string, string[]>> ValidateAsync(this MovilidadDb db, PracticeEdit edit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        void Text(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, $"{field} is required.");
            }
            else if (value.Length > max)
            {
                Add(field, $"{field} is longer than {max} characters.");
            }
        }

        Text("title.es", edit.Title?.Es, PracticeConfiguration.TitleMaxLength);
        Text("title.en", edit.Title?.En, PracticeConfiguration.TitleMaxLength);
        Text("summary.es", edit.Summary?.Es, PracticeConfiguration.SummaryMaxLength);
        Text("summary.en", edit.Summary?.En, PracticeConfiguration.SummaryMaxLength);
        Text("body.es", edit.Body?.Es, PracticeConfiguration.BodyMaxLength);
        Text("body.en", edit.Body?.En, PracticeConfiguration.BodyMaxLength);
        if (!await db.Institutions.AnyAsync(i => i.Id == edit.InstitutionId, ct))
        {
            Add("institutionId", $"No institution has the id {edit.InstitutionId}.");
        }

        var objectives = edit.GcmObjectives ?? [];
        if (objectives.Count == 0)
        {
            Add("gcmObjectives", "Name at least one Global Compact objective the practice implements.");
        }

        foreach (var (objective, i) in objectives.Select((o, i) => (o, i)).Where(p => p.o is < 1 or > 23))
        {
            Add($"gcmObjectives[{i}]", $"The Global Compact has objectives 1 to 23, not {objective}.");
        }

        var elements = edit.Elements ?? [];
        var knownElements = await db.PlanElements.Where(e => elements.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        foreach (var (id, i) in elements.Select((id, i) => (id, i)).Where(p => !knownElements.Contains(p.id)))
        {
            Add($"elements[{i}]", $"No plan element has the id {id}.");
        }

        var countries = edit.Countries ?? [];
        if (countries.Count == 0)
        {
            Add("countries", "Name at least one country where the practice takes place.");
        }

        var knownCountries = await db.Countries.Where(c => countries.Contains(c.Alpha2)).Select(c => c.Alpha2).ToListAsync(ct);
        foreach (var (code, i) in countries.Select((c, i) => (c, i)).Where(p => !knownCountries.Contains(p.c)))
        {
            Add($"countries[{i}]", $"{code} is not an ISO 3166 country code.");
        }

        return errors;
    }

    public static async Task<WriteOutcome<PracticeSnapshot>> SubmitAsync(this MovilidadDb db, PracticeEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ValidateAsync(edit, ct) is { Count: > 0 } errors)
        {
            return new WriteOutcome<PracticeSnapshot>.Invalid(errors);
        }

        var practice = new Practice { Status = PracticeStatus.Submitted, SubmittedAt = clock.GetUtcNow().UtcDateTime, SubmittedById = actor.AccountId };
        Apply(practice, edit);
        return await db.CreateAsync(Practices, practice, actor, clock, ct, Actions.Submit);
    }

    /// <summary>Saves the submitter's changes; a returned practice goes back to the Secretariat as submitted.</summary>
    public static Task<WriteOutcome<PracticeSnapshot>> ResubmitAsync(this MovilidadDb db, int id, PracticeEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.TransitionAsync(id, edit.Version, actor, clock, async practice =>
        {
            if (!IsEditable(practice.Status))
            {
                return (Actions.Resubmit, new() { ["status"] = [$"A practice that is {Kebab(practice.Status)} is no longer edited by its submitter."] });
            }

            if (await db.ValidateAsync(edit, ct) is { Count: > 0 } errors)
            {
                return (Actions.Resubmit, errors);
            }

            Apply(practice, edit);
            practice.Status = PracticeStatus.Submitted;
            return (Actions.Resubmit, []);
        }, ct);

    public static Task<WriteOutcome<PracticeSnapshot>> ReviewAsync(this MovilidadDb db, int id, int version, ReviewDecision decision, string? comment, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.TransitionAsync(id, version, actor, clock, practice =>
        {
            var action = decision switch
            {
                ReviewDecision.Accept => Actions.Accept,
                ReviewDecision.Return => Actions.Return,
                ReviewDecision.Reject => Actions.Reject,
                _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
            };
            var errors = new Dictionary<string, string[]>();
            if (practice.Status != PracticeStatus.Submitted)
            {
                errors["status"] = [$"Only a submitted practice is reviewed; this one is {Kebab(practice.Status)}."];
            }

            if (decision != ReviewDecision.Accept && string.IsNullOrWhiteSpace(comment))
            {
                errors["comment"] = ["comment is required: tell the submitter why the practice is returned or rejected."];
            }
            else if (comment?.Length > PracticeConfiguration.CommentMaxLength)
            {
                errors["comment"] = [$"comment is longer than {PracticeConfiguration.CommentMaxLength} characters."];
            }

            if (errors.Count == 0)
            {
                practice.Status = decision switch
                {
                    ReviewDecision.Accept => PracticeStatus.Accepted,
                    ReviewDecision.Return => PracticeStatus.Returned,
                    ReviewDecision.Reject => PracticeStatus.Rejected,
                    _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
                };
                practice.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            }

            return Task.FromResult((action, errors));
        }, ct);

    public static Task<WriteOutcome<PracticeSnapshot>> RecordConsentAsync(this MovilidadDb db, int id, int version, string? givenBy, DateOnly? givenOn, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.TransitionAsync(id, version, actor, clock, practice =>
        {
            var errors = new Dictionary<string, string[]>();
            if (practice.Status != PracticeStatus.Accepted)
            {
                errors["status"] = [$"Consent is recorded for an accepted practice; this one is {Kebab(practice.Status)}."];
            }

            if (string.IsNullOrWhiteSpace(givenBy))
            {
                errors["consentGivenBy"] = ["consentGivenBy is required: the name and position of the person who consented for the institution."];
            }
            else if (givenBy.Length > PracticeConfiguration.NameMaxLength)
            {
                errors["consentGivenBy"] = [$"consentGivenBy is longer than {PracticeConfiguration.NameMaxLength} characters."];
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (givenOn is null || givenOn > today || givenOn.Value.Year < 2000)
            {
                errors["consentGivenOn"] = ["consentGivenOn is the date the consent was given: today or earlier."];
            }

            if (errors.Count == 0)
            {
                practice.ConsentGivenBy = givenBy!.Trim();
                practice.ConsentGivenOn = givenOn;
                practice.ConsentRecordedAt = clock.GetUtcNow().UtcDateTime;
                practice.ConsentRecordedById = actor.AccountId;
            }

            return Task.FromResult((Actions.Consent, errors));
        }, ct);

    public static Task<WriteOutcome<PracticeSnapshot>> ScheduleAsync(this MovilidadDb db, int id, int version, DateOnly? month, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.TransitionAsync(id, version, actor, clock, async practice =>
        {
            var errors = new Dictionary<string, string[]>();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var first = month is { } m ? new DateOnly(m.Year, m.Month, 1) : (DateOnly?)null;
            if (practice.Status != PracticeStatus.Accepted)
            {
                errors["status"] = [$"An accepted practice is scheduled; this one is {Kebab(practice.Status)}."];
            }
            else if (first is null || first < new DateOnly(today.Year, today.Month, 1))
            {
                errors["month"] = ["month is this month or a later one (yyyy-mm)."];
            }
            else if (await db.Practices.Where(p => p.ScheduledMonth == first && p.Id != id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) is { } taken)
            {
                errors["month"] = [$"{first.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture)} already has practice {taken}: one practice a month."];
            }

            if (errors.Count == 0)
            {
                practice.ScheduledMonth = first;
            }

            return (Actions.Schedule, errors);
        }, ct);

    public static Task<WriteOutcome<PracticeSnapshot>> PublishAsync(this MovilidadDb db, int id, int version, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.TransitionAsync(id, version, actor, clock, practice =>
        {
            var errors = new Dictionary<string, string[]>();
            var now = clock.GetUtcNow().UtcDateTime;
            if (practice.Status != PracticeStatus.Accepted)
            {
                errors["status"] = [$"An accepted practice is published; this one is {Kebab(practice.Status)}."];
            }

            if (practice.ConsentRecordedAt is null)
            {
                errors["consentGivenBy"] = ["The submitting institution's consent is recorded before publication."];
            }

            if (practice.ScheduledMonth is not { } month)
            {
                errors["month"] = ["The practice is scheduled into a month before publication."];
            }
            else if (month > DateOnly.FromDateTime(now))
            {
                errors["month"] = [$"The practice is scheduled for {month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}: it is published in that month."];
            }

            if (errors.Count == 0)
            {
                practice.Status = PracticeStatus.Published;
                practice.PublishedAt = now;
            }

            return Task.FromResult((Actions.Publish, errors));
        }, ct);

    public static string Kebab(PracticeStatus status) => status switch
    {
        PracticeStatus.Submitted => "submitted",
        PracticeStatus.Returned => "returned",
        PracticeStatus.Rejected => "rejected",
        PracticeStatus.Accepted => "accepted",
        PracticeStatus.Published => "published",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>How a practice is written through the kernel.</summary>
    private static readonly Editable<Practice, PracticeSnapshot> Practices = new(EntityType, FindPracticeAsync, Snapshot, p => Id(p.Id));

    /// <summary>Reads the practice, checks its version, lets <paramref name="change"/> check and apply the move, and saves it with its audit entry.</summary>
    private static async Task<WriteOutcome<PracticeSnapshot>> TransitionAsync(
        this MovilidadDb db, int id, int version, AuditActor actor, TimeProvider clock,
        Func<Practice, Task<(string Action, Dictionary<string, string[]> Errors)>> change, CancellationToken ct)
    {
        var practice = await db.FindPracticeAsync(id, ct);
        if (practice is null)
        {
            return new WriteOutcome<PracticeSnapshot>.NotFound();
        }

        if (practice.Version != version)
        {
            return new WriteOutcome<PracticeSnapshot>.Conflict(Snapshot(practice));
        }

        var before = Snapshot(practice);
        var (action, errors) = await change(practice);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new WriteOutcome<PracticeSnapshot>.Invalid(errors);
        }

        practice.Version++;
        return await db.CommitAsync(Practices, id, practice, action, before, actor, clock, ct);
    }

    private static void Apply(Practice practice, PracticeEdit edit)
    {
        practice.InstitutionId = edit.InstitutionId;
        practice.Title = Trim(edit.Title);
        practice.Summary = Trim(edit.Summary);
        practice.Body = Trim(edit.Body);
        practice.GcmObjectives.Clear();
        practice.GcmObjectives.AddRange((edit.GcmObjectives ?? []).Distinct().Select(o => new PracticeGcmObjective { Objective = o }));
        var elements = (edit.Elements ?? []).Distinct().ToList();
        practice.Elements.RemoveAll(e => !elements.Contains(e.ElementId));
        practice.Elements.AddRange(elements.Where(e => practice.Elements.All(x => x.ElementId != e)).Select(e => new PracticeElement { ElementId = e }));
        var countries = (edit.Countries ?? []).Distinct(StringComparer.Ordinal).ToList();
        practice.Countries.RemoveAll(c => !countries.Contains(c.CountryCode));
        practice.Countries.AddRange(countries.Where(c => practice.Countries.All(x => x.CountryCode != c)).Select(c => new PracticeCountry { CountryCode = c }));
    }

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Bilingual Trim(Bilingual? text) => text is null ? Bilingual.Empty : new Bilingual(text.Es?.Trim() ?? string.Empty, text.En?.Trim() ?? string.Empty);
}

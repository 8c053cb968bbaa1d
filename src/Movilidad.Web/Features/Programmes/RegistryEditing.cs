using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Programmes;

/// <summary>
/// A programme or agreement as the API answers and the audit trail keeps it: the published content and, for those who
/// read drafts, the pending change with its stage and the Secretariat's comment.
/// </summary>
public sealed record RegistryEntryView(
    int Id, string Key, Bilingual Name, string? Status, IReadOnlyList<string> Countries, RegistryStage Stage,
    JsonObject? Content, JsonObject? Draft, string? ReviewComment, DateTime? PublishedAt, int Version)
{
    public static RegistryEntryView Of(RegistryEntry e) => new(
        e.Id, e.Key, e.Name, e.StatusCode, e.CountryList, e.Stage,
        e.Content is null ? null : RegistryContent.Parse(e.Content), e.Draft is null ? null : RegistryContent.Parse(e.Draft), e.ReviewComment, e.PublishedAt, e.Version);

    /// <summary>What someone who does not read drafts sees: the published content only.</summary>
    public RegistryEntryView Public() => this with { Draft = null, ReviewComment = null };
}

/// <summary>A new entry or a change: its whole content (as in <c>data/</c>, in JSON), and the version read for a change.</summary>
public sealed record RegistryChange(int Version, JsonObject? Content);

/// <summary>A step of the review without other data (submit, publish).</summary>
public sealed record RegistryStep(int Version);

/// <summary>The Secretariat returns a change to its author with a comment.</summary>
public sealed record RegistryReturn(int Version, string? Comment);

/// <summary>
/// The review of the registry: a change is saved as a draft (the published content stays as it is), sent for review,
/// and published by the Secretariat or returned to its author. Every step is validated, audited and version-checked.
/// </summary>
public static class RegistryEditing
{
    public static Editable<T, RegistryEntryView> Kind<T>()
        where T : RegistryEntry =>
        new(KindOf<T>() switch
            {
                RegistryKind.Programme => "programme",
                RegistryKind.Agreement => "agreement",
                RegistryKind.Standard => "competency-standard",
                RegistryKind.Convention => "ilo-convention",
                RegistryKind.EnrolmentOption => "enrolment-option",
                _ => "qualification-procedure",
            },
            (db, id, ct) => db.Set<T>().FirstOrDefaultAsync(e => e.Id == id, ct),
            RegistryEntryView.Of, e => e.Key, e => e.CountryList.Count > 0 ? e.CountryList[0] : null);

    public static RegistryKind KindOf<T>() =>
        typeof(T) == typeof(Programme) ? RegistryKind.Programme
        : typeof(T) == typeof(QualificationProcedure) ? RegistryKind.Procedure
        : typeof(T) == typeof(CompetencyStandard) ? RegistryKind.Standard
        : typeof(T) == typeof(IloConvention) ? RegistryKind.Convention
        : typeof(T) == typeof(EnrolmentOption) ? RegistryKind.EnrolmentOption
        : RegistryKind.Agreement;

    /// <summary>The countries a content names, as the scope of who may propose it.</summary>
    public static RegistryScope ScopeOf<T>(JsonObject content)
        where T : RegistryEntry, new()
    {
        var entry = new T();
        Describe(entry, content);
        return new RegistryScope(entry.CountryList);
    }

    public static void Describe(RegistryEntry entry, JsonObject content)
    {
        switch (entry)
        {
            case Programme p:
                RegistryContent.Describe(p, content);
                break;
            case Agreement a:
                RegistryContent.Describe(a, content);
                break;
            case QualificationProcedure q:
                ProcedureRules.Describe(q, content);
                break;
            case CompetencyStandard s:
                StandardRules.Describe(s, content);
                break;
            case IloConvention c:
                ConventionRules.Describe(c, content);
                break;
            case EnrolmentOption o:
                ConventionRules.Describe(o, content);
                break;
        }
    }

    /// <summary>
    /// Whether the reader may save this content as a new entry (<paramref name="entry"/> null) or as a change to one: a
    /// proposer of the countries it names (before and after the change); for an ILO convention, whose rows are the member states', a new convention or a
    /// change outside the rows is the Secretariat's, and a focal point changes only their own country's row. A form
    /// passes what it <paramref name="shown"/> (the content as its fields read back), so that only what was typed counts.
    /// </summary>
    public static async Task<bool> MayProposeAsync<T>(IAuthorizationService auth, ClaimsPrincipal user, T? entry, JsonObject content, JsonObject? shown = null)
        where T : RegistryEntry, new()
    {
        // A regional standard names no country: it is the Secretariat's, and so is turning a country's standard into one.
        if (KindOf<T>() == RegistryKind.Standard && RegistryContent.Text(content, "region") is not null)
        {
            return await auth.CanAsync(user, RegistryOperations.Review, ScopeOf<T>(content));
        }

        if (KindOf<T>() != RegistryKind.Convention)
        {
            // A change stays within what the proposer may propose: the entry's countries before it, and those it names after
            // it (unless it names none: then what is wrong with it is said by the validation).
            var after = ScopeOf<T>(content);
            return entry is null
                ? await auth.CanAsync(user, RegistryOperations.Propose, after)
                : await auth.CanAsync(user, RegistryOperations.Propose, new RegistryScope(entry.CountryList))
                    && (after.Countries.Count == 0 || await auth.CanAsync(user, RegistryOperations.Propose, after));
        }

        var before = entry?.Draft ?? entry?.Content;
        var change = ConventionRules.Touched(shown ?? (before is null ? null : RegistryContent.Parse(before)), content);
        if (change.Other)
        {
            return await auth.CanAsync(user, RegistryOperations.Review, ScopeOf<T>(content));
        }

        foreach (var country in change.Countries)
        {
            if (!await auth.CanAsync(user, RegistryOperations.Propose, new RegistryScope([country])))
            {
                return false;
            }
        }

        return await auth.CanAsync(user, RegistryOperations.Propose, new RegistryScope(entry!.CountryList));
    }

    public static async Task<FieldErrors> ValidateAsync<T>(MovilidadDb db, JsonObject? content, CancellationToken ct)
        where T : RegistryEntry
    {
        if (content is null)
        {
            var missing = new FieldErrors();
            missing.Add("content", "content is required: the entry as a JSON object.");
            return missing;
        }

        var references = (await db.SourceReferences.Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var countries = (await db.Countries.Select(c => c.Alpha2).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var codes = KindOf<T>() is RegistryKind.Procedure or RegistryKind.Standard or RegistryKind.EnrolmentOption ? await QualificationsLoader.CodesAsync(db, ct) : null;
        return RegistryContent.Validate(content, KindOf<T>(), references, countries, codes);
    }

    /// <summary>A new entry, as a draft that the Secretariat publishes.</summary>
    public static async Task<WriteOutcome<RegistryEntryView>> CreateAsync<T>(this MovilidadDb db, JsonObject? content, AuditActor actor, TimeProvider clock, CancellationToken ct)
        where T : RegistryEntry, new()
    {
        var errors = await ValidateAsync<T>(db, content, ct);
        if (errors.Count == 0 && await db.Set<T>().AnyAsync(e => e.Key == RegistryContent.Text(content, "key"), ct))
        {
            errors.Add("content.key", "content.key is already used by another entry.");
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<RegistryEntryView>.Invalid(errors);
        }

        var entry = new T { Draft = content!.ToJsonString(RegistryContent.Json), Stage = RegistryStage.Draft, ChangedById = actor.AccountId, ChangedAt = clock.GetUtcNow().UtcDateTime };
        Describe(entry, content);
        return await db.CreateAsync(Kind<T>(), entry, actor, clock, ct);
    }

    /// <summary>A change to an entry, saved as its draft; its key cannot change.</summary>
    public static Task<WriteOutcome<RegistryEntryView>> ProposeAsync<T>(this MovilidadDb db, int id, RegistryChange change, AuditActor actor, TimeProvider clock, CancellationToken ct)
        where T : RegistryEntry =>
        db.EditAsync(Kind<T>(), id, change.Version, "propose", async entry =>
        {
            var errors = await ValidateAsync<T>(db, change.Content, ct);
            if (errors.Count == 0 && RegistryContent.Text(change.Content, "key") != entry.Key)
            {
                errors.Add("content.key", $"content.key cannot change: it is {entry.Key}.");
            }

            return errors;
        }, entry =>
        {
            entry.Draft = change.Content!.ToJsonString(RegistryContent.Json);
            entry.Stage = RegistryStage.Draft;
            entry.ReviewComment = null;
            entry.ChangedById = actor.AccountId;
            entry.ChangedAt = clock.GetUtcNow().UtcDateTime;
            if (entry.Content is null)
            {
                Describe(entry, change.Content);
            }

            return Task.CompletedTask;
        }, actor, clock, ct);

    /// <summary>Sends a draft for the Secretariat's review.</summary>
    public static Task<WriteOutcome<RegistryEntryView>> SubmitAsync<T>(this MovilidadDb db, int id, int version, AuditActor actor, TimeProvider clock, CancellationToken ct)
        where T : RegistryEntry =>
        db.EditAsync(Kind<T>(), id, version, "submit", entry => Task.FromResult<IDictionary<string, string[]>>(Stage(entry, RegistryStage.Draft, "only a draft is sent for review.")), entry =>
        {
            entry.Stage = RegistryStage.InReview;
            return Task.CompletedTask;
        }, actor, clock, ct);

    /// <summary>The Secretariat publishes the pending change (a draft of its own or one in review): it replaces the published content.</summary>
    public static Task<WriteOutcome<RegistryEntryView>> PublishAsync<T>(this MovilidadDb db, int id, int version, AuditActor actor, TimeProvider clock, CancellationToken ct)
        where T : RegistryEntry =>
        db.EditAsync(Kind<T>(), id, version, "publish", entry =>
        {
            var errors = new FieldErrors();
            if (entry.Draft is null)
            {
                errors.Add("stage", "there is no change to publish.");
            }

            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, entry =>
        {
            entry.Content = entry.Draft;
            entry.Draft = null;
            entry.Stage = RegistryStage.Published;
            entry.ReviewComment = null;
            entry.PublishedAt = clock.GetUtcNow().UtcDateTime;
            Describe(entry, RegistryContent.Parse(entry.Content!));
            return Task.CompletedTask;
        }, actor, clock, ct);

    /// <summary>The Secretariat returns a change in review to its author, saying why.</summary>
    public static Task<WriteOutcome<RegistryEntryView>> ReturnAsync<T>(this MovilidadDb db, int id, int version, string? comment, AuditActor actor, TimeProvider clock, CancellationToken ct)
        where T : RegistryEntry =>
        db.EditAsync(Kind<T>(), id, version, "return", entry =>
        {
            var errors = Stage(entry, RegistryStage.InReview, "only a change in review is returned.");
            errors.Text("comment", comment, RegistryContent.CommentMaxLength, required: true);
            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, entry =>
        {
            entry.Stage = RegistryStage.Draft;
            entry.ReviewComment = comment!.Trim();
            return Task.CompletedTask;
        }, actor, clock, ct);

    private static FieldErrors Stage(RegistryEntry entry, RegistryStage expected, string message)
    {
        var errors = new FieldErrors();
        if (entry.Stage != expected)
        {
            errors.Add("stage", $"The entry is {entry.Stage}: {message}");
        }

        return errors;
    }
}

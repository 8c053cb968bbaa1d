using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Pledges;

public sealed record MilestoneEdit(string Title, DateOnly DueDate, bool Done);

/// <summary>What a pledger sets on a pledge, with the version they started from (0 to create); the lists of links replace the saved ones (none given: no links).</summary>
public sealed record PledgeEdit(
    int Version, Bilingual Title, Bilingual? Description, IReadOnlyList<int> Pledgers, int? MatchingPledgeId, IReadOnlyList<int>? GcmObjectives,
    IReadOnlyList<MilestoneEdit>? Milestones, IReadOnlyList<int>? Elements, IReadOnlyList<int>? Activities, IReadOnlyList<int>? Indicators = null);

/// <summary>One quarter's report, with the pledge's version it was written against.</summary>
public sealed record QuarterlyUpdateEdit(int Version, int Year, int Quarter, PledgeStatus Status, string? Narrative, string? EvidenceUrl);

/// <summary>An uploaded evidence file, as received.</summary>
public sealed record EvidenceFile(string FileName, string ContentType, byte[] Content);

public sealed record PublicationChange(int Version, bool IsPublished);

/// <summary>A pledger; <paramref name="Proposed"/> while a state named by another country waits for its own focal point, and who confirmed it.</summary>
public sealed record PledgerView(int Id, string Code, Bilingual Name, PledgerType Type, string? Country, bool Proposed = false, string? ConfirmedBy = null, DateTime? ConfirmedAt = null);

/// <summary>A proposed co-pledger confirmed, with the pledge's version the confirming person read.</summary>
public sealed record CoPledgerConfirmation(int Version);

public sealed record UpdateView(int Id, int Year, int Quarter, PledgeStatus Status, string Narrative, string? EvidenceUrl, string? EvidenceFileName, string? EvidenceContentType, int? EvidenceSize, DateTime RecordedAt);

/// <summary>A pledge as saved at one version: the API answers with it and the audit trail keeps one before and after each write.</summary>
public sealed record PledgeSnapshot(
    int Id, int Version, Bilingual Title, Bilingual Description, IReadOnlyList<PledgerView> Pledgers, int? MatchingPledgeId, bool IsPublished,
    IReadOnlyList<int> GcmObjectives, IReadOnlyList<MilestoneEdit> Milestones, IReadOnlyList<int> Elements, IReadOnlyList<int> Activities, IReadOnlyList<int> Indicators,
    IReadOnlyList<UpdateView> Updates, PledgeStatus Status, DateTime CreatedAt);

/// <summary>A year and quarter (1-4).</summary>
public readonly record struct YearQuarter(int Year, int Quarter) : IComparable<YearQuarter>
{
    public static YearQuarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    [JsonIgnore]
    public DateOnly Start => new(Year, ((Quarter - 1) * 3) + 1, 1);

    [JsonIgnore]
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    [JsonIgnore]
    public YearQuarter Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    /// <summary>The last quarter that has ended on <paramref name="today"/>: the one whose update is due.</summary>
    public static YearQuarter LastEnded(DateOnly today) => Of(today).Previous;

    public int CompareTo(YearQuarter other) => (Year, Quarter).CompareTo((other.Year, other.Quarter));

    public static bool operator <(YearQuarter a, YearQuarter b) => a.CompareTo(b) < 0;

    public static bool operator >(YearQuarter a, YearQuarter b) => a.CompareTo(b) > 0;

    public static bool operator <=(YearQuarter a, YearQuarter b) => a.CompareTo(b) <= 0;

    public static bool operator >=(YearQuarter a, YearQuarter b) => a.CompareTo(b) >= 0;

    /// <summary>"2026 T3" in Spanish (trimestre), "2026 Q3" in English.</summary>
    public string Label(CultureInfo culture) => string.Create(CultureInfo.InvariantCulture, $"{Year} {(culture.TwoLetterISOLanguageName == "es" ? "T" : "Q")}{Quarter}");
}

/// <summary>Records, edits, publishes pledges and their quarterly updates: one transaction per write, with its audit entry.</summary>
public static class PledgeEditing
{
    public const string EntityType = "pledge";

    /// <summary>Largest evidence file accepted, under the platform's request size limit.</summary>
    public const int MaxEvidenceBytes = 800 * 1024;

    /// <summary>The evidence files accepted and how each begins: PDF, PNG, JPEG, and Office Open XML documents (ZIP).</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> EvidenceTypes = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = [0x50, 0x4B, 0x03, 0x04],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = [0x50, 0x4B, 0x03, 0x04],
    };

    public static PledgeSnapshot Snapshot(Pledge p) => new(
        p.Id, p.Version, p.Title, p.Description,
        p.Pledgers.Where(x => x.Institution is not null).OrderBy(x => x.Institution!.Code, StringComparer.Ordinal)
            .Select(x => new PledgerView(x.InstitutionId, x.Institution!.Code, x.Institution.Name, Pledge.TypeOf(x.Institution.Kind), x.Institution.CountryCode, x.IsProposed, x.ConfirmedBy, x.ConfirmedAt)).ToList(),
        p.MatchingPledgeId, p.IsPublished,
        p.GcmObjectives.Select(g => g.Objective).Order().ToList(),
        p.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Id).Select(m => new MilestoneEdit(m.Title, m.DueDate, m.Done)).ToList(),
        p.Elements.Select(e => e.ElementId).Order().ToList(),
        p.Activities.Select(a => a.ActivityId).Order().ToList(),
        p.Indicators.Select(i => i.IndicatorId).Order().ToList(),
        p.Updates.OrderByDescending(u => u.Year).ThenByDescending(u => u.Quarter)
            .Select(u => new UpdateView(u.Id, u.Year, u.Quarter, u.Status, u.Narrative, u.EvidenceUrl, u.EvidenceFileName, u.EvidenceContentType, u.EvidenceSize, u.RecordedAt)).ToList(),
        p.Status, p.CreatedAt);

    /// <summary>A pledge with everything it owns. Links are read past the plans' filters so that a save never loses a link the reader cannot see.</summary>
    public static Task<Pledge?> FindPledgeAsync(this MovilidadDb db, int id, CancellationToken ct) =>
        db.Pledges.IgnoreQueryFilters().Include(p => p.Pledgers).ThenInclude(x => x.Institution).Include(p => p.GcmObjectives).Include(p => p.Milestones)
            .Include(p => p.Elements).Include(p => p.Activities).Include(p => p.Indicators).Include(p => p.Updates)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Whose the pledge with these pledgers is, seen by <paramref name="reader"/>.</summary>
    public static async Task<PledgeScope> PledgeScopeAsync(this MovilidadDb db, IReadOnlyCollection<int> pledgers, int? createdById, ClaimsPrincipal reader, CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().Where(i => pledgers.Contains(i.Id)).Select(i => new { i.Kind, i.CountryCode }).ToListAsync(ct);
        var readerId = int.TryParse(reader.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        return new PledgeScope(
            institutions.Where(i => i.Kind == InstitutionKind.MemberState && i.CountryCode is not null).Select(i => i.CountryCode!).Distinct().ToList(),
            institutions.Select(i => Pledge.TypeOf(i.Kind)).Distinct().ToList(),
            readerId is not null && readerId == createdById);
    }

    public static Task<PledgeScope> PledgeScopeAsync(this MovilidadDb db, Pledge pledge, ClaimsPrincipal reader, CancellationToken ct) =>
        db.PledgeScopeAsync(pledge.Pledgers.Select(p => p.InstitutionId).ToList(), pledge.CreatedById, reader, ct);

    public static async Task<Dictionary<string, string[]>> ValidateAsync(this MovilidadDb db, PledgeEdit edit, int? pledgeId, CancellationToken ct)
    {
        var errors = new FieldErrors();

        errors.Text("title.es", edit.Title?.Es, PledgeConfiguration.TitleMaxLength, required: true);
        errors.Text("title.en", edit.Title?.En, PledgeConfiguration.TitleMaxLength, required: true);
        errors.Text("description.es", edit.Description?.Es, PledgeConfiguration.TextMaxLength, required: false);
        errors.Text("description.en", edit.Description?.En, PledgeConfiguration.TextMaxLength, required: false);

        var pledgers = edit.Pledgers ?? [];
        if (pledgers.Count == 0)
        {
            errors.Add("pledgers", "Name at least one pledging institution (several for a joint pledge).");
        }

        var known = await db.Institutions.Where(i => pledgers.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        foreach (var (id, i) in pledgers.Select((id, i) => (id, i)).Where(p => !known.Contains(p.id)))
        {
            errors.Add($"pledgers[{i}]", $"No institution has the id {id}.");
        }

        if (pledgers.Distinct().Count() != pledgers.Count)
        {
            errors.Add("pledgers", "An institution is named twice.");
        }

        if (edit.MatchingPledgeId is { } matching)
        {
            if (matching == pledgeId)
            {
                errors.Add("matchingPledgeId", "A pledge cannot match itself.");
            }
            else if (!await db.Pledges.AnyAsync(p => p.Id == matching, ct))
            {
                errors.Add("matchingPledgeId", $"No pledge has the id {matching}.");
            }
        }

        foreach (var (objective, i) in (edit.GcmObjectives ?? []).Select((o, i) => (o, i)).Where(p => p.o is < 1 or > 23))
        {
            errors.Add($"gcmObjectives[{i}]", $"The Global Compact has objectives 1 to 23, not {objective}.");
        }

        foreach (var (milestone, i) in (edit.Milestones ?? []).Select((m, i) => (m, i)))
        {
            errors.Text($"milestones[{i}].title", milestone?.Title, PledgeConfiguration.MilestoneMaxLength, required: true);
            if (milestone is not null && milestone.DueDate.Year is < 2000 or > 2100)
            {
                errors.Add($"milestones[{i}].dueDate", "A milestone's due date is a date between 2000 and 2100.");
            }
        }

        var elements = edit.Elements ?? [];
        var knownElements = await db.PlanElements.Where(e => elements.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        foreach (var (id, i) in elements.Select((id, i) => (id, i)).Where(p => !knownElements.Contains(p.id)))
        {
            errors.Add($"elements[{i}]", $"No plan element has the id {id}.");
        }

        var activities = edit.Activities ?? [];
        var knownActivities = await db.Activities.Where(a => activities.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        foreach (var (id, i) in activities.Select((id, i) => (id, i)).Where(p => !knownActivities.Contains(p.id)))
        {
            errors.Add($"activities[{i}]", $"No activity has the id {id}.");
        }

        var indicators = edit.Indicators ?? [];
        var knownIndicators = await db.Indicators.Where(x => indicators.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
        foreach (var (id, i) in indicators.Select((id, i) => (id, i)).Where(p => !knownIndicators.Contains(p.id)))
        {
            errors.Add($"indicators[{i}]", $"No indicator has the id {id}.");
        }

        return errors;
    }

    /// <summary>How a pledge is written through the kernel: loaded with all it owns, filed under its state pledger's country.</summary>
    public static readonly Editable<Pledge, PledgeSnapshot> Pledges = new(EntityType, FindPledgeAsync, Snapshot, p => Id(p.Id), CountryOf);

    /// <summary>
    /// The member countries whose state the person may name as a pledger outright: null for the Secretariat (every one);
    /// a focal point their own countries. Any other state they name is only proposed, until its own focal point confirms.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> SpeaksForAsync(ClaimsPrincipal user, Microsoft.AspNetCore.Authorization.IAuthorizationService auth) =>
        await auth.CanAsync(user, PledgeOperations.Publish) ? null : user.FocalCountries().ToHashSet(StringComparer.Ordinal);

    public static async Task<WriteOutcome<PledgeSnapshot>> CreateAsync(this MovilidadDb db, PledgeEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct, IReadOnlySet<string>? speaksFor = null)
    {
        if (await db.ValidateAsync(edit, null, ct) is { Count: > 0 } errors)
        {
            return new WriteOutcome<PledgeSnapshot>.Invalid(errors);
        }

        var pledge = new Pledge { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = actor.AccountId };
        await ApplyAsync(db, pledge, edit, speaksFor, ct);
        return await db.CreateAsync(Pledges, pledge, actor, clock, ct);
    }

    public static Task<WriteOutcome<PledgeSnapshot>> SaveAsync(this MovilidadDb db, int id, PledgeEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct, IReadOnlySet<string>? speaksFor = null) =>
        db.EditAsync(Pledges, id, edit.Version, AuditActions.Update, async _ => await db.ValidateAsync(edit, id, ct), pledge => ApplyAsync(db, pledge, edit, speaksFor, ct), actor, clock, ct);

    /// <summary>The country of a pledger's state, when it is a member state of a country (who may confirm it).</summary>
    public static Task<string?> StateCountryAsync(this MovilidadDb db, int institutionId, CancellationToken ct) =>
        db.Institutions.AsNoTracking().Where(i => i.Id == institutionId && i.Kind == InstitutionKind.MemberState).Select(i => i.CountryCode).SingleOrDefaultAsync(ct);

    /// <summary>A focal point of the proposed co-pledger's country (or the Secretariat) confirms it: who and when are kept and audited.</summary>
    public static Task<WriteOutcome<PledgeSnapshot>> ConfirmCoPledgerAsync(this MovilidadDb db, int id, int institutionId, CoPledgerConfirmation confirmation, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Pledges, id, confirmation.Version, AuditActions.Confirm,
            pledge => Task.FromResult<IDictionary<string, string[]>>(pledge.Pledgers.SingleOrDefault(p => p.InstitutionId == institutionId) switch
            {
                null => new Dictionary<string, string[]> { ["institutionId"] = [$"The institution {institutionId} is not a pledger of this pledge."] },
                { IsProposed: false } => new Dictionary<string, string[]> { ["institutionId"] = [$"The institution {institutionId} is not a proposed co-pledger: it needs no confirmation."] },
                _ => new Dictionary<string, string[]>(),
            }),
            pledge =>
            {
                var pledger = pledge.Pledgers.Single(p => p.InstitutionId == institutionId);
                pledger.IsProposed = false;
                pledger.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
                pledger.ConfirmedById = actor.AccountId;
                pledger.ConfirmedBy = actor.Name;
                return Task.CompletedTask;
            },
            actor, clock, ct);

    public static Task<WriteOutcome<PledgeSnapshot>> PublishAsync(this MovilidadDb db, int id, PublicationChange change, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Pledges, id, change.Version, AuditActions.Publish, pledge => pledge.IsPublished = change.IsPublished, actor, clock, ct);

    /// <summary>
    /// Records one quarter's update (a second one for the same quarter replaces it; a new file replaces the old one, no
    /// file keeps it). No quarter that has not started, none after a withdrawal.
    /// </summary>
    public static async Task<WriteOutcome<PledgeSnapshot>> RecordUpdateAsync(
        this MovilidadDb db, int id, QuarterlyUpdateEdit edit, EvidenceFile? file, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var pledge = await db.FindPledgeAsync(id, ct);
        if (pledge is null)
        {
            return new WriteOutcome<PledgeSnapshot>.NotFound();
        }

        if (pledge.Version != edit.Version)
        {
            return new WriteOutcome<PledgeSnapshot>.Conflict(Snapshot(pledge));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (CheckUpdate(pledge, edit, file, DateOnly.FromDateTime(now)) is { Count: > 0 } errors)
        {
            return new WriteOutcome<PledgeSnapshot>.Invalid(errors);
        }

        var before = Snapshot(pledge);
        var update = pledge.Updates.SingleOrDefault(u => u.Year == edit.Year && u.Quarter == edit.Quarter);
        if (update is null)
        {
            update = new PledgeUpdate { Year = edit.Year, Quarter = edit.Quarter };
            pledge.Updates.Add(update);
        }

        update.Status = edit.Status;
        update.Narrative = edit.Narrative!.Trim();
        update.EvidenceUrl = string.IsNullOrWhiteSpace(edit.EvidenceUrl) ? null : edit.EvidenceUrl.Trim();
        update.RecordedAt = now;
        update.RecordedById = actor.AccountId;
        if (file is not null)
        {
            update.EvidenceFileName = Path.GetFileName(file.FileName);
            update.EvidenceContentType = file.ContentType.ToLowerInvariant();
            update.EvidenceSize = file.Content.Length;
        }

        pledge.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await db.CommitAsync(Pledges, id, pledge, AuditActions.Update, before, actor, clock, ct);
        if (outcome is WriteOutcome<PledgeSnapshot>.Saved && file is not null)
        {
            await db.PledgeEvidence.Where(e => e.UpdateId == update.Id).ExecuteDeleteAsync(ct);
            db.PledgeEvidence.Add(new PledgeEvidence { UpdateId = update.Id, Content = file.Content });
            await db.SaveChangesAsync(ct);
        }

        if (outcome is WriteOutcome<PledgeSnapshot>.Saved)
        {
            await transaction.CommitAsync(ct);
        }

        return outcome;
    }

    public static Dictionary<string, string[]> CheckUpdate(Pledge pledge, QuarterlyUpdateEdit edit, EvidenceFile? file, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (edit.Quarter is < 1 or > 4)
        {
            errors["quarter"] = ["The quarter is 1, 2, 3 or 4."];
        }
        else if (edit.Year is < 2000 or > 2100 || new YearQuarter(edit.Year, edit.Quarter) > YearQuarter.Of(today))
        {
            errors["year"] = [$"{edit.Year} Q{edit.Quarter} has not started: report on the current quarter or one that has ended."];
        }
        else if (pledge.Updates.Where(u => u.Status == PledgeStatus.Withdrawn).Select(u => new YearQuarter(u.Year, u.Quarter)).Order().FirstOrDefault() is { Year: > 0 } withdrawn
            && new YearQuarter(edit.Year, edit.Quarter) > withdrawn)
        {
            errors["year"] = [$"The pledge was withdrawn in {withdrawn.Year} Q{withdrawn.Quarter}: no later quarter is reported."];
        }

        if (!Enum.IsDefined(edit.Status))
        {
            errors["status"] = ["The status is not-started, in-progress, fulfilled or withdrawn."];
        }

        if (string.IsNullOrWhiteSpace(edit.Narrative))
        {
            errors["narrative"] = ["narrative is required: say what was done this quarter."];
        }
        else if (edit.Narrative.Length > PledgeConfiguration.TextMaxLength)
        {
            errors["narrative"] = [$"narrative is longer than {PledgeConfiguration.TextMaxLength} characters."];
        }

        if (!string.IsNullOrWhiteSpace(edit.EvidenceUrl)
            && (edit.EvidenceUrl.Length > PledgeConfiguration.UrlMaxLength || !Uri.TryCreate(edit.EvidenceUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            errors["evidenceUrl"] = ["The evidence link is a full web address beginning with https:// or http://."];
        }

        if (file is not null)
        {
            if (file.Content.Length == 0)
            {
                errors["evidenceFile"] = ["The evidence file is empty."];
            }
            else if (file.Content.Length > MaxEvidenceBytes)
            {
                errors["evidenceFile"] = [$"The evidence file is larger than {MaxEvidenceBytes / 1024} KB."];
            }
            else if (!EvidenceTypes.TryGetValue(file.ContentType, out var magic) || !file.Content.AsSpan().StartsWith(magic))
            {
                errors["evidenceFile"] = ["The evidence file is a PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx) file, and its content must be of that type."];
            }
            else if (string.IsNullOrWhiteSpace(Path.GetFileName(file.FileName)) || Path.GetFileName(file.FileName).Length > PledgeConfiguration.FileNameMaxLength)
            {
                errors["evidenceFile"] = [$"The evidence file's name is empty or longer than {PledgeConfiguration.FileNameMaxLength} characters."];
            }
        }

        return errors;
    }

    private static async Task ApplyAsync(MovilidadDb db, Pledge pledge, PledgeEdit edit, IReadOnlySet<string>? speaksFor, CancellationToken ct)
    {
        pledge.Title = Trim(edit.Title);
        pledge.Description = Trim(edit.Description);
        pledge.MatchingPledgeId = edit.MatchingPledgeId;
        var ids = edit.Pledgers.Distinct().ToList();
        var institutions = await db.Institutions.Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        pledge.Pledgers.RemoveAll(p => !ids.Contains(p.InstitutionId));
        pledge.Pledgers.AddRange(institutions.Where(i => pledge.Pledgers.All(p => p.InstitutionId != i.Id)).Select(i => new PledgePledger
        {
            InstitutionId = i.Id,
            Institution = i,
            IsProposed = speaksFor is not null && i.Kind == InstitutionKind.MemberState && i.CountryCode is { } country && !speaksFor.Contains(country),
        }));
        pledge.GcmObjectives.Clear();
        pledge.GcmObjectives.AddRange((edit.GcmObjectives ?? []).Distinct().Select(o => new PledgeGcmObjective { Objective = o }));
        pledge.Milestones.Clear();
        pledge.Milestones.AddRange((edit.Milestones ?? []).Select(m => new PledgeMilestone { Title = m.Title.Trim(), DueDate = m.DueDate, Done = m.Done }));
        var elements = (edit.Elements ?? []).Distinct().ToList();
        pledge.Elements.RemoveAll(e => !elements.Contains(e.ElementId));
        pledge.Elements.AddRange(elements.Where(e => pledge.Elements.All(x => x.ElementId != e)).Select(e => new PledgeElement { ElementId = e }));
        var activities = (edit.Activities ?? []).Distinct().ToList();
        pledge.Activities.RemoveAll(a => !activities.Contains(a.ActivityId));
        pledge.Activities.AddRange(activities.Where(a => pledge.Activities.All(x => x.ActivityId != a)).Select(a => new PledgeActivity { ActivityId = a }));
        var indicators = (edit.Indicators ?? []).Distinct().ToList();
        pledge.Indicators.RemoveAll(i => !indicators.Contains(i.IndicatorId));
        pledge.Indicators.AddRange(indicators.Where(i => pledge.Indicators.All(x => x.IndicatorId != i)).Select(i => new PledgeIndicator { IndicatorId = i }));
    }

    /// <summary>The country an audit entry is filed under: the state pledger's, when exactly one country pledges.</summary>
    private static string? CountryOf(Pledge pledge)
    {
        var countries = pledge.Pledgers.Where(p => p.Institution?.Kind == InstitutionKind.MemberState).Select(p => p.Institution!.CountryCode).Distinct().ToList();
        return countries.Count == 1 ? countries[0] : null;
    }

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Bilingual Trim(Bilingual? text) => text is null ? Bilingual.Empty : new Bilingual(text.Es?.Trim() ?? string.Empty, text.En?.Trim() ?? string.Empty);
}

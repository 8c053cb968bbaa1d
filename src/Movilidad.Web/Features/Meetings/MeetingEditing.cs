using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Meetings;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Writes;
using Movilidad.Web.Features.Monitoring;

namespace Movilidad.Web.Features.Meetings;

/// <summary>Some participants: an institution of the list (<c>institutionId</c>) and/or its name, the kind of actor, and how many people came.</summary>
public sealed record ParticipantInput(int? InstitutionId, string? Name, string? Actor, int People);

/// <summary>An agreement: its text (one language may be empty), owner (an institution and/or a name) and due date; <c>id</c> keeps a saved one.</summary>
public sealed record AgreementInput(int? Id, Bilingual? Text, int? OwnerId, string? OwnerName, DateOnly? DueDate);

/// <summary>
/// A meeting as it is recorded or changed (version 0 for a new one): kind (working-group-meeting, grcm, vice-ministerial,
/// workshop, national-forum, civil-society-table), title, date, place or virtual, convener (working-group with
/// <c>workingGroupId</c>, presidency, country with <c>country</c>, table with <c>table</c>), participants by institution
/// and kind of actor, the total and how many women and men, agenda, minutes and agreements.
/// </summary>
public sealed record MeetingInput(
    int Version, string? Kind, Bilingual? Title, DateOnly? Date, string? Place, bool IsVirtual, string? Convener, int? WorkingGroupId, string? Country, string? Table,
    int? ParticipantsTotal, int? Women, int? Men, Bilingual? Agenda, Bilingual? Minutes, IReadOnlyList<ParticipantInput>? Participants, IReadOnlyList<AgreementInput>? Agreements);

public sealed record ParticipantView(int? InstitutionId, string? Name, string? Country, string Actor, int People);

public sealed record AgreementView(int Id, Bilingual Text, int? OwnerId, string? OwnerName, DateOnly? DueDate, int? ActivityId);

public sealed record MeetingFileView(int Id, string Name, string ContentType, long Size, string Sha256, DateTime UploadedAt);

/// <summary>A meeting as saved at one version: what the API answers and the audit trail keeps before and after each write.</summary>
public sealed record MeetingView(
    int Id, int Version, string Kind, Bilingual Title, DateOnly Date, string? Place, bool IsVirtual, string Convener, int? WorkingGroupId, string? Country, string? Table,
    int? ParticipantsTotal, int? Women, int? Men, Bilingual Agenda, Bilingual Minutes, IReadOnlyList<ParticipantView> Participants, IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<MeetingFileView> Files, int? RecordedById, DateTime RecordedAt);

/// <summary>What turns an agreement into an activity: the actionable plan element it goes under, its code (one is made when left out) and the countries that take part (the meeting's when left out).</summary>
public sealed record AgreementActivityInput(int Version, int ActionId, string? Code, IReadOnlyList<string>? Countries);

/// <summary>Recording and changing meetings through the write kernel: authorised by the meeting's scope, validated by field, version-checked, audited.</summary>
public static class MeetingEditing
{
    public const string EntityType = "meeting";

    public static MeetingView View(Meeting m) => new(
        m.Id, m.Version, RepositoryVocabulary.Kebab(m.Kind), m.Title, m.Date, m.Place, m.IsVirtual, RepositoryVocabulary.Kebab(m.Convener), m.WorkingGroupId, m.CountryCode, m.Table,
        m.ParticipantsTotal, m.Women, m.Men, m.Agenda, m.Minutes,
        m.Participants.OrderBy(p => p.Id).Select(p => new ParticipantView(p.InstitutionId, p.Name, p.CountryCode, RepositoryVocabulary.Kebab(p.Actor), p.People)).ToList(),
        m.Agreements.OrderBy(a => a.Id).Select(a => new AgreementView(a.Id, a.Text, a.OwnerId, a.OwnerName, a.DueDate, a.ActivityId)).ToList(),
        m.Files.OrderBy(f => f.Id).Select(f => new MeetingFileView(f.Id, f.Name, f.ContentType, f.Size, f.Sha256, f.UploadedAt)).ToList(),
        m.RecordedById, m.RecordedAt);

    public static Task<Meeting?> FindAsync(MovilidadDb db, int id, CancellationToken ct) =>
        db.Meetings.Include(m => m.Participants).Include(m => m.Agreements).Include(m => m.Files).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, ct);

    public static readonly Editable<Meeting, MeetingView> Meetings = new(EntityType, FindAsync, View, m => Meeting.IdText(m.Id), m => m.CountryCode);

    public static MeetingScope Scope(Meeting m) => new(m.Kind, m.WorkingGroupId, m.CountryCode);

    /// <summary>The scope the meeting would have once saved as <paramref name="input"/> (an unreadable kind counts as a workshop: it is refused by validation anyway).</summary>
    public static MeetingScope Scope(MeetingInput input) => new(
        RepositoryVocabulary.Parse<MeetingKind>(input.Kind) ?? MeetingKind.Workshop,
        RepositoryVocabulary.Parse<MeetingConvener>(input.Convener) == MeetingConvener.WorkingGroup ? input.WorkingGroupId : null,
        RepositoryVocabulary.Parse<MeetingConvener>(input.Convener) == MeetingConvener.Country ? input.Country : null);

    private static string Values<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(RepositoryVocabulary.Kebab));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static async Task<FieldErrors> ValidateAsync(MovilidadDb db, MeetingInput input, Meeting? saved, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = RepositoryVocabulary.Parse<MeetingKind>(input.Kind);
        var convener = RepositoryVocabulary.Parse<MeetingConvener>(input.Convener);
        if (kind is null)
        {
            errors.Add("kind", "kind is one of " + Values<MeetingKind>() + ".");
        }

        if (convener is null)
        {
            errors.Add("convener", "convener is one of " + Values<MeetingConvener>() + ".");
        }

        errors.Text("title.es", input.Title?.Es, MeetingLimits.Title, required: false);
        errors.Text("title.en", input.Title?.En, MeetingLimits.Title, required: false);
        if (string.IsNullOrWhiteSpace(input.Title?.Es) && string.IsNullOrWhiteSpace(input.Title?.En))
        {
            errors.Add("title.es", "Give the title in Spanish, in English or both.");
        }

        if (input.Date is not { } date)
        {
            errors.Add("date", "date is the day the meeting was or will be held, as yyyy-mm-dd.");
        }
        else if (date.Year is < 1990 or > 2100)
        {
            errors.Add("date", "date is a day between 1990 and 2100.");
        }

        errors.Text("place", input.Place, MeetingLimits.Place, required: false);
        if (!input.IsVirtual && string.IsNullOrWhiteSpace(input.Place))
        {
            errors.Add("place", "Give the place (city and venue), or mark the meeting as virtual.");
        }

        switch (convener)
        {
            case MeetingConvener.WorkingGroup when input.WorkingGroupId is null:
                errors.Add("workingGroupId", "Name the convening working group (workingGroupId).");
                break;
            case MeetingConvener.WorkingGroup when !await db.Institutions.AnyAsync(i => i.Id == input.WorkingGroupId && i.Kind == InstitutionKind.WorkingGroup, ct):
                errors.Add("workingGroupId", $"No working group has the id {Int(input.WorkingGroupId!.Value)}.");
                break;
            case MeetingConvener.Country when !(await db.MemberCountriesAsync(ct)).Contains(input.Country ?? string.Empty):
                errors.Add("country", $"{input.Country} is not a CRM member country: name the country whose forum convenes.");
                break;
            case MeetingConvener.Table when string.IsNullOrWhiteSpace(input.Table):
                errors.Add("table", "Name the civil-society working table that convenes.");
                break;
            default:
                break;
        }

        errors.Text("table", input.Table, MeetingLimits.Table, required: false);
        if ((kind, convener) is (MeetingKind.NationalForum, not MeetingConvener.Country and not null))
        {
            errors.Add("convener", "A national forum is convened by its country (convener country).");
        }
        else if ((kind, convener) is (MeetingKind.CivilSocietyTable, not MeetingConvener.Table and not null))
        {
            errors.Add("convener", "A civil-society working table's meeting is convened by the table (convener table).");
        }
        else if ((kind, convener) is (MeetingKind.WorkingGroupMeeting, not MeetingConvener.WorkingGroup and not null))
        {
            errors.Add("convener", "A working-group meeting is convened by the working group (convener working-group).");
        }

        foreach (var (field, count) in new[] { ("participantsTotal", input.ParticipantsTotal), ("women", input.Women), ("men", input.Men) })
        {
            if (count is < 0 or > MeetingLimits.People)
            {
                errors.Add(field, $"{field} is a number of people from 0 to {MeetingLimits.People.ToString("N0", CultureInfo.InvariantCulture)}.");
            }
        }

        var bySex = (long)(input.Women ?? 0) + (input.Men ?? 0);
        if (input.ParticipantsTotal is { } total && total >= 0 && bySex > total)
        {
            errors.Add("participantsTotal", $"The participants by sex ({Int(input.Women ?? 0)} women and {Int(input.Men ?? 0)} men) are more than the total ({Int(total)}).");
        }

        errors.Text("agenda.es", input.Agenda?.Es, MeetingLimits.Text, required: false);
        errors.Text("agenda.en", input.Agenda?.En, MeetingLimits.Text, required: false);
        errors.Text("minutes.es", input.Minutes?.Es, MeetingLimits.Text, required: false);
        errors.Text("minutes.en", input.Minutes?.En, MeetingLimits.Text, required: false);

        var participants = input.Participants ?? [];
        var agreements = input.Agreements ?? [];
        foreach (var i in Enumerable.Range(0, participants.Count).Where(i => participants[i] is null))
        {
            errors.Add($"participants[{Int(i)}]", "A row of participants is empty.");
        }

        foreach (var i in Enumerable.Range(0, agreements.Count).Where(i => agreements[i] is null))
        {
            errors.Add($"agreements[{Int(i)}]", "An agreement is empty.");
        }

        if (errors.Keys.Any(k => k.EndsWith(']')))
        {
            return errors;
        }

        if (participants.Count > MeetingLimits.Rows || agreements.Count > MeetingLimits.Rows)
        {
            errors.Add(participants.Count > MeetingLimits.Rows ? "participants" : "agreements", $"A meeting has at most {Int(MeetingLimits.Rows)} rows of participants and of agreements.");
            return errors;
        }

        var named = participants.Select(p => p.InstitutionId).Concat(agreements.Select(a => a.OwnerId)).OfType<int>().Distinct().ToList();
        var known = await db.Institutions.Where(i => named.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        foreach (var (p, i) in participants.Select((p, i) => (p, i)))
        {
            var at = $"participants[{Int(i)}]";
            if (RepositoryVocabulary.Parse<ActorKind>(p.Actor) is null)
            {
                errors.Add(at + ".actor", $"{p.Actor} is not a kind of actor: {Values<ActorKind>()}.");
            }

            if (p.InstitutionId is { } institution && !known.Contains(institution))
            {
                errors.Add(at + ".institutionId", $"No institution has the id {Int(institution)}.");
            }
            else if (p.InstitutionId is null && string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add(at + ".name", "Name the institution: one of the list (institutionId), its name, or both.");
            }

            errors.Text(at + ".name", p.Name, MeetingLimits.Name, required: false);
            if (p.People is < 1 or > MeetingLimits.People)
            {
                errors.Add(at + ".people", "people is how many people of the institution took part, at least 1.");
            }
        }

        if (input.ParticipantsTotal is { } all && participants.Sum(p => (long)p.People) > all)
        {
            errors.Add("participants", $"The participants by institution add up to {participants.Sum(p => (long)p.People).ToString(CultureInfo.InvariantCulture)}, more than the total ({Int(all)}).");
        }

        var savedAgreements = saved?.Agreements ?? [];
        foreach (var (a, i) in agreements.Select((a, i) => (a, i)))
        {
            var at = $"agreements[{Int(i)}]";
            if (a.Id is { } id && savedAgreements.All(s => s.Id != id))
            {
                errors.Add(at + ".id", $"This meeting has no agreement with the id {Int(id)}; leave id out for a new one.");
            }

            errors.Text(at + ".text.es", a.Text?.Es, MeetingLimits.Agreement, required: false);
            errors.Text(at + ".text.en", a.Text?.En, MeetingLimits.Agreement, required: false);
            if (string.IsNullOrWhiteSpace(a.Text?.Es) && string.IsNullOrWhiteSpace(a.Text?.En))
            {
                errors.Add(at + ".text.es", "Write the agreement in Spanish, in English or both.");
            }

            if (a.OwnerId is { } owner && !known.Contains(owner))
            {
                errors.Add(at + ".ownerId", $"No institution has the id {Int(owner)}.");
            }

            errors.Text(at + ".ownerName", a.OwnerName, MeetingLimits.Name, required: false);
        }

        foreach (var kept in savedAgreements.Where(s => s.ActivityId is not null && agreements.All(a => a.Id != s.Id)))
        {
            errors.Add("agreements", $"The agreement {Int(kept.Id)} became the activity {Int(kept.ActivityId!.Value)}: it stays with the meeting.");
        }

        return errors;
    }

    private static Bilingual Trim(Bilingual? text) => new(text?.Es?.Trim() ?? string.Empty, text?.En?.Trim() ?? string.Empty);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static async Task ApplyAsync(MovilidadDb db, Meeting meeting, MeetingInput input, CancellationToken ct)
    {
        meeting.Kind = RepositoryVocabulary.Parse<MeetingKind>(input.Kind)!.Value;
        meeting.Convener = RepositoryVocabulary.Parse<MeetingConvener>(input.Convener)!.Value;
        meeting.Title = Trim(input.Title);
        meeting.Date = input.Date!.Value;
        meeting.IsVirtual = input.IsVirtual;
        meeting.Place = Blank(input.Place);
        meeting.WorkingGroupId = meeting.Convener == MeetingConvener.WorkingGroup ? input.WorkingGroupId : null;
        meeting.CountryCode = meeting.Convener == MeetingConvener.Country ? input.Country : null;
        meeting.Table = meeting.Convener == MeetingConvener.Table ? Blank(input.Table) : null;
        meeting.ParticipantsTotal = input.ParticipantsTotal;
        meeting.Women = input.Women;
        meeting.Men = input.Men;
        meeting.Agenda = Trim(input.Agenda);
        meeting.Minutes = Trim(input.Minutes);

        var participants = input.Participants ?? [];
        var ids = participants.Select(p => p.InstitutionId).OfType<int>().Distinct().ToList();
        var countries = await db.Institutions.Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.CountryCode }).ToDictionaryAsync(i => i.Id, i => i.CountryCode, ct);
        meeting.Participants.Clear();
        meeting.Participants.AddRange(participants.Select(p => new MeetingParticipant
        {
            InstitutionId = p.InstitutionId, Name = Blank(p.Name), Actor = RepositoryVocabulary.Parse<ActorKind>(p.Actor)!.Value, People = p.People,
            CountryCode = p.InstitutionId is { } id ? countries.GetValueOrDefault(id) : null,
        }));

        var agreements = input.Agreements ?? [];
        meeting.Agreements.RemoveAll(s => agreements.All(a => a.Id != s.Id));
        foreach (var a in agreements)
        {
            var agreement = a.Id is { } id ? meeting.Agreements.Single(s => s.Id == id) : new MeetingAgreement();
            agreement.Text = Trim(a.Text);
            agreement.OwnerId = a.OwnerId;
            agreement.OwnerName = Blank(a.OwnerName);
            agreement.DueDate = a.DueDate;
            if (a.Id is null)
            {
                meeting.Agreements.Add(agreement);
            }
        }
    }

    /// <summary>Records a meeting when <paramref name="may"/> allows editing a meeting of its scope.</summary>
    public static async Task<WriteOutcome<MeetingView>> CreateAsync(MovilidadDb db, MeetingInput input, Func<Operation, MeetingScope, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (!await may(MeetingOperations.Edit, Scope(input)))
        {
            return new WriteOutcome<MeetingView>.Forbidden();
        }

        var errors = await ValidateAsync(db, input, null, ct);
        if (errors.Count > 0)
        {
            return new WriteOutcome<MeetingView>.Invalid(errors);
        }

        var meeting = new Meeting { RecordedById = actor.AccountId, RecordedAt = clock.GetUtcNow().UtcDateTime };
        await ApplyAsync(db, meeting, input, ct);
        return await db.CreateAsync(Meetings, meeting, actor, clock, ct);
    }

    /// <summary>Changes a meeting the reader may edit as saved; its new convener must be one the reader may edit too (a working group's member cannot hand it to another group).</summary>
    public static async Task<WriteOutcome<MeetingView>> EditAsync(MovilidadDb db, int id, MeetingInput input, Func<Operation, MeetingScope, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        // Read past the publication filter: a reader who may not see the meeting is refused (403), not told it is missing.
        var saved = await db.Meetings.AsNoTracking().IgnoreQueryFilters().Where(m => m.Id == id).Select(m => new MeetingScope(m.Kind, m.WorkingGroupId, m.CountryCode)).SingleOrDefaultAsync(ct);
        if (saved is null)
        {
            return new WriteOutcome<MeetingView>.NotFound();
        }

        if (!await may(MeetingOperations.Edit, saved))
        {
            return new WriteOutcome<MeetingView>.Forbidden();
        }

        return await db.EditAsync(Meetings, id, input.Version, AuditActions.Update, async meeting =>
        {
            var errors = await ValidateAsync(db, input, meeting, ct);
            if (errors.Count == 0 && Scope(input) != saved && !await may(MeetingOperations.Edit, Scope(input)))
            {
                errors.Add("convener", "You record the meetings of your own working group or country's forum only.");
            }

            return (IDictionary<string, string[]>)errors;
        }, meeting => ApplyAsync(db, meeting, input, ct), actor, clock, ct);
    }

    /// <summary>
    /// Turns an agreement into an activity of an actionable plan element, in one transaction: the activity is created
    /// through the follow-up's own rules (its validation, its audit) and the agreement keeps the activity's id, so each
    /// leads to the other. The reader must be allowed to edit the meeting and to create activities there.
    /// </summary>
    public static async Task<WriteOutcome<MeetingView>> AgreementToActivityAsync(
        MovilidadDb db, int id, int agreementId, AgreementActivityInput input, Func<Operation, object, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        // Read past the publication filter: a reader who may not see the meeting is refused (403), not told it is missing.
        var meeting = await db.Meetings.AsNoTracking().IgnoreQueryFilters().Include(m => m.Agreements).Include(m => m.Participants).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, ct);
        var agreement = meeting?.Agreements.SingleOrDefault(a => a.Id == agreementId);
        if (meeting is null || agreement is null)
        {
            return new WriteOutcome<MeetingView>.NotFound();
        }

        if (!await may(MeetingOperations.Edit, Scope(meeting)) || !await may(MonitoringOperations.EditActivity, await db.ActivityScopeAsync(meeting.WorkingGroupId, input.ActionId, ct)))
        {
            return new WriteOutcome<MeetingView>.Forbidden();
        }

        if (meeting.Version != input.Version)
        {
            return new WriteOutcome<MeetingView>.Conflict(View(meeting));
        }

        if (agreement.ActivityId is { } already)
        {
            return new WriteOutcome<MeetingView>.Invalid(new FieldErrors { ["agreementId"] = [$"This agreement already became the activity {Int(already)}."] });
        }

        var members = await db.MemberCountriesAsync(ct);
        var countries = input.Countries is { Count: > 0 } named ? named
            : meeting.Participants.Select(p => p.CountryCode).Append(meeting.CountryCode).OfType<string>().Where(members.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var es = string.IsNullOrWhiteSpace(agreement.Text.Es) ? agreement.Text.En : agreement.Text.Es;
        var en = string.IsNullOrWhiteSpace(agreement.Text.En) ? agreement.Text.Es : agreement.Text.En;
        var edit = new ActivityEdit(
            0, input.ActionId, string.IsNullOrWhiteSpace(input.Code) ? $"R{Int(meeting.Id)}-A{Int(agreement.Id)}" : input.Code.Trim(),
            new Bilingual(Shorten(es), Shorten(en)),
            new Bilingual(
                $"Acuerdo de la reunión «{(string.IsNullOrWhiteSpace(meeting.Title.Es) ? meeting.Title.En : meeting.Title.Es)}» del {meeting.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} (/meetings/{Int(meeting.Id)}): {es}",
                $"Agreement of the meeting \"{(string.IsNullOrWhiteSpace(meeting.Title.En) ? meeting.Title.Es : meeting.Title.En)}\" of {meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (/meetings/{Int(meeting.Id)}): {en}"),
            null, null, agreement.DueDate, meeting.WorkingGroupId, ActivityPriority.Medium, 0, agreement.OwnerId is { } owner ? [owner] : null, null, countries, null, null, null);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await db.CreateAsync(edit, actor, clock, ct);
        if (created is not WriteOutcome<ActivitySnapshot>.Saved(var activity))
        {
            return created switch
            {
                WriteOutcome<ActivitySnapshot>.Invalid invalid => new WriteOutcome<MeetingView>.Invalid(invalid.Errors),
                _ => new WriteOutcome<MeetingView>.Forbidden(),
            };
        }

        var linked = await db.EditAsync(Meetings, id, input.Version, AuditActions.Update,
            saved => saved.Agreements.Single(a => a.Id == agreementId).ActivityId = activity.Id, actor, clock, ct);
        if (linked is WriteOutcome<MeetingView>.Saved)
        {
            await transaction.CommitAsync(ct);
        }

        return linked;
    }

    private static string Shorten(string text) => text.Length <= ActivityConfiguration.TitleMaxLength ? text : text[..(ActivityConfiguration.TitleMaxLength - 1)] + "…";

    /// <summary>Attaches a file checked by content as the repository checks its uploads (magic bytes, structure, no macros or active content, size).</summary>
    public static async Task<WriteOutcome<MeetingView>> AttachAsync(
        MovilidadDb db, int id, int version, string fileName, byte[] content, Func<Operation, MeetingScope, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        // Read past the publication filter: a reader who may not see the meeting is refused (403), not told it is missing.
        var scope = await db.Meetings.AsNoTracking().IgnoreQueryFilters().Where(m => m.Id == id).Select(m => new MeetingScope(m.Kind, m.WorkingGroupId, m.CountryCode)).SingleOrDefaultAsync(ct);
        if (scope is null)
        {
            return new WriteOutcome<MeetingView>.NotFound();
        }

        if (!await may(MeetingOperations.Edit, scope))
        {
            return new WriteOutcome<MeetingView>.Forbidden();
        }

        var name = Path.GetFileName(fileName).Trim();
        var check = RepositoryFiles.Check(name, content);
        return await db.EditAsync(Meetings, id, version, AuditActions.Update, _ =>
        {
            var errors = new FieldErrors();
            if (name.Length is 0 or > MeetingLimits.FileName)
            {
                errors.Add("file", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es"
                    ? $"El archivo necesita un nombre de {Int(MeetingLimits.FileName)} caracteres como máximo."
                    : $"The file needs a name of at most {Int(MeetingLimits.FileName)} characters.");
            }
            else if (check.Kind is null)
            {
                errors.Add("file", Knowledge.RepositoryEditing.Message(check));
            }

            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, meeting =>
        {
            meeting.Files.Add(new MeetingFile
            {
                Name = name, ContentType = check.Kind!.ContentType, Size = content.Length, Sha256 = RepositoryFiles.Sha256(content),
                Content = new MeetingFileContent { Bytes = content }, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedById = actor.AccountId,
            });
            return Task.CompletedTask;
        }, actor, clock, ct);
    }
}

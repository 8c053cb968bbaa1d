using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Meetings;

/// <summary>A row of participants as typed (a blank row is left out).</summary>
public sealed class ParticipantRow
{
    public int? InstitutionId { get; set; }
    public string? Name { get; set; }
    public string? Actor { get; set; }
    public string? People { get; set; }

    public bool IsBlank => InstitutionId is null or 0 && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(People);
}

/// <summary>A row of agreements as typed (a blank row is left out).</summary>
public sealed class AgreementRow
{
    public int? Id { get; set; }
    public string? TextEs { get; set; }
    public string? TextEn { get; set; }
    public int? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public string? DueDate { get; set; }
    public int? ActivityId { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(TextEs) && string.IsNullOrWhiteSpace(TextEn);
}

/// <summary>The form of a meeting: every field of <see cref="MeetingInput"/>, dates and counts as typed, rows of participants and agreements.</summary>
public sealed class MeetingForm
{
    public int Version { get; set; }
    public string? Kind { get; set; } = "working-group-meeting";
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? Date { get; set; }
    public bool IsVirtual { get; set; }
    public string? Place { get; set; }
    public string? Convener { get; set; } = "working-group";
    public int? WorkingGroupId { get; set; }
    public string? Country { get; set; }
    public string? Table { get; set; }
    public string? ParticipantsTotal { get; set; }
    public string? Women { get; set; }
    public string? Men { get; set; }
    public string? AgendaEs { get; set; }
    public string? AgendaEn { get; set; }
    public string? MinutesEs { get; set; }
    public string? MinutesEn { get; set; }
    public List<ParticipantRow> Participants { get; set; } = [];
    public List<AgreementRow> Agreements { get; set; } = [];

    private static string Count(int? value) => value?.ToString(CultureInfo.CurrentCulture) ?? string.Empty;

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static MeetingForm From(MeetingView m) => new()
    {
        Version = m.Version, Kind = m.Kind, TitleEs = m.Title.Es, TitleEn = m.Title.En, Date = Day(m.Date), IsVirtual = m.IsVirtual, Place = m.Place, Convener = m.Convener,
        WorkingGroupId = m.WorkingGroupId, Country = m.Country, Table = m.Table, ParticipantsTotal = Count(m.ParticipantsTotal), Women = Count(m.Women), Men = Count(m.Men),
        AgendaEs = m.Agenda.Es, AgendaEn = m.Agenda.En, MinutesEs = m.Minutes.Es, MinutesEn = m.Minutes.En,
        Participants = [.. m.Participants.Select(p => new ParticipantRow { InstitutionId = p.InstitutionId, Name = p.Name, Actor = p.Actor, People = Count(p.People) })],
        Agreements = [.. m.Agreements.Select(a => new AgreementRow { Id = a.Id, TextEs = a.Text.Es, TextEn = a.Text.En, OwnerId = a.OwnerId, OwnerName = a.OwnerName, DueDate = Day(a.DueDate), ActivityId = a.ActivityId })],
    };

    /// <summary>The input the API takes, and the errors of what did not read as a date or a whole number.</summary>
    public (MeetingInput Input, FieldErrors Errors) ToInput()
    {
        var typed = new TypedFields(CultureInfo.CurrentCulture);
        var participants = Participants.Select((p, i) => (p, i)).Where(x => !x.p.IsBlank)
            .Select(x => new ParticipantInput(x.p.InstitutionId is > 0 ? x.p.InstitutionId : null, x.p.Name, x.p.Actor, typed.Count($"participants[{x.i}].people", x.p.People) ?? 0)).ToList();
        var agreements = Agreements.Select((a, i) => (a, i)).Where(x => !x.a.IsBlank)
            .Select(x => new AgreementInput(x.a.Id, new Bilingual(x.a.TextEs ?? string.Empty, x.a.TextEn ?? string.Empty), x.a.OwnerId is > 0 ? x.a.OwnerId : null, x.a.OwnerName,
                typed.Date($"agreements[{x.i}].dueDate", x.a.DueDate))).ToList();
        var input = new MeetingInput(
            Version, Kind, new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty), typed.Date("date", Date), Place, IsVirtual, Convener,
            WorkingGroupId is > 0 ? WorkingGroupId : null, string.IsNullOrWhiteSpace(Country) ? null : Country, Table,
            typed.Count("participantsTotal", ParticipantsTotal), typed.Count("women", Women), typed.Count("men", Men),
            new Bilingual(AgendaEs ?? string.Empty, AgendaEn ?? string.Empty), new Bilingual(MinutesEs ?? string.Empty, MinutesEn ?? string.Empty), participants, agreements);
        return (input, typed.Errors);
    }
}

/// <summary>Records a meeting (<c>/meetings/edit</c>) or changes one (<c>/meetings/edit/{id}</c>); who may is decided as in the API.</summary>
public class EditModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : MeetingsPage
{
    public const int BlankParticipants = 3;
    public const int BlankAgreements = 2;

    [BindProperty]
    public MeetingForm Form { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Choice> Institutions { get; private set; } = [];
    public IReadOnlyList<string> Countries { get; private set; } = [];

    /// <summary>Whether the reader records meetings at all (the Secretariat, working groups' members, focal points); which ones is decided on saving.</summary>
    private bool Records => Grants.Of(User).Any(g => g.Role is Role.Secretariat or Role.WorkingGroupMember or Role.FocalPoint);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!Records)
        {
            return Forbid();
        }

        if (id is { } existing)
        {
            if (await MeetingEditing.FindAsync(db, existing, ct) is not { } meeting)
            {
                return NotFound();
            }

            if (!await auth.CanAsync(User, MeetingOperations.Edit, MeetingEditing.Scope(meeting)))
            {
                return Forbid();
            }

            Form = MeetingForm.From(MeetingEditing.View(meeting));
        }
        else if (Grants.Of(User).FirstOrDefault(g => g.Role == Role.WorkingGroupMember) is { } member)
        {
            Form.WorkingGroupId = member.WorkingGroupId;
        }
        else if (User.FocalCountries().FirstOrDefault() is { } country)
        {
            (Form.Kind, Form.Convener, Form.Country) = ("national-forum", "country", country);
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!Records)
        {
            return Forbid();
        }

        var (input, typed) = Form.ToInput();
        if (typed.Count > 0)
        {
            return await RefuseAsync(typed, () => ShowAsync(ct));
        }

        var actor = AuditActor.From(HttpContext);
        var outcome = id is { } existing
            ? await MeetingEditing.EditAsync(db, existing, input, (operation, scope) => auth.CanAsync(User, operation, scope), actor, clock, ct)
            : await MeetingEditing.CreateAsync(db, input, (operation, scope) => auth.CanAsync(User, operation, scope), actor, clock, ct);
        return await PageAfterWriteAsync(outcome, saved => Task.FromResult<IActionResult>(Redirect("/meetings/" + Int(saved.Id))), () => ShowAsync(ct),
            current => Form.Version = current.Version);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadNamesAsync(db, ct);
        var institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.Code).Select(i => new { i.Id, i.Acronym, i.Name }).ToListAsync(ct);
        Institutions = institutions.Select(i => new Choice(Int(i.Id), $"{i.Acronym.Current} · {PageFormats.Shorten(i.Name.Current)}")).ToList();
        Countries = (await db.MemberCountriesAsync(ct)).OrderBy(CountryName, StringComparer.CurrentCulture).ToList();
        Form.Participants.AddRange(Enumerable.Range(0, Math.Max(0, BlankParticipants - Form.Participants.Count(p => p.IsBlank))).Select(_ => new ParticipantRow()));
        Form.Agreements.AddRange(Enumerable.Range(0, Math.Max(0, BlankAgreements - Form.Agreements.Count(a => a.IsBlank))).Select(_ => new AgreementRow()));
        return Page();
    }
}

using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Meetings;

namespace Movilidad.Web.Features.Meetings;

/// <summary>One body's register: its meetings (newest first), the institutions that took part (its members), the kinds of actor represented and the agreements recorded.</summary>
public sealed record BodyRegister(string Key, IReadOnlyList<MeetingSummary> Meetings, IReadOnlyList<string> Members, IReadOnlyList<ActorKind> Sectors, int Agreements);

/// <summary>
/// The registers of actions 1.7 and 1.8 (a national forum per member country) and of 003 3.4 (the civil-society working
/// tables), read from the meetings recorded: nothing is shipped, since the seeds name no forum or table, so a country
/// without a forum meeting is shown as a gap.
/// </summary>
public static class Registers
{
    public static async Task<IReadOnlyDictionary<string, BodyRegister>> ByBodyAsync(MovilidadDb db, MeetingKind kind, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Kind == kind).Include(m => m.Participants).Include(m => m.Agreements).AsSplitQuery()
            .OrderByDescending(m => m.Date).ToListAsync(ct);
        var institutionIds = meetings.SelectMany(m => m.Participants).Select(p => p.InstitutionId).OfType<int>().Distinct().ToList();
        var acronyms = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Acronym.Current, ct);
        return meetings.GroupBy(m => (kind == MeetingKind.NationalForum ? m.CountryCode : m.Table) ?? string.Empty).ToDictionary(
            g => g.Key,
            g => new BodyRegister(
                g.Key,
                g.Select(m => new MeetingSummary(m.Id, m.Kind, m.Title, m.Date, m.Place, m.IsVirtual, m.Convener, m.WorkingGroupId, m.CountryCode, m.Table, m.ParticipantsTotal, m.Agreements.Count)).ToList(),
                g.SelectMany(m => m.Participants).Select(p => p.InstitutionId is { } id && acronyms.TryGetValue(id, out var acronym) ? acronym : p.Name).OfType<string>()
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture).ToList(),
                g.SelectMany(m => m.Participants).Select(p => p.Actor).Distinct().Order().ToList(),
                g.Sum(m => m.Agreements.Count)),
            StringComparer.Ordinal);
    }
}

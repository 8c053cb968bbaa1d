using Movilidad.Platform.Data;

namespace Movilidad.Platform.Meetings;

/// <summary>Readers who do not work on the plans (the public, civil society) see the civil-society working tables' meetings only (003, 3.4: a platform that makes the tables' work visible).</summary>
internal sealed class MeetingPublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) => filters.Seen<Meeting>(m => m.Kind == MeetingKind.CivilSocietyTable);
}

using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Meetings;

namespace Movilidad.Web.Features.Meetings;

/// <summary>The civil-society dialogue mechanism's working tables (003, 3.4), public: each table's members, meetings and outputs (its agreements), as recorded.</summary>
[AllowAnonymous]
public class TablesModel(MovilidadDb db) : MeetingsPage
{
    public IReadOnlyDictionary<string, BodyRegister> Tables { get; private set; } = new Dictionary<string, BodyRegister>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadNamesAsync(db, ct);
        Tables = await Registers.ByBodyAsync(db, MeetingKind.CivilSocietyTable, ct);
    }
}

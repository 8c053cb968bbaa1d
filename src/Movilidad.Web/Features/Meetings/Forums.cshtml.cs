using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Meetings;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Meetings;

/// <summary>The national inter-institutional coordination forums (actions 1.7 and 1.8), one per member country: members, sectors represented, meetings and agreements; a country with none recorded is shown as a gap.</summary>
public class ForumsModel(MovilidadDb db, IAuthorizationService auth) : MeetingsPage
{
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyDictionary<string, BodyRegister> Forums { get; private set; } = new Dictionary<string, BodyRegister>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, MeetingOperations.Read))
        {
            return Forbid();
        }

        await LoadNamesAsync(db, ct);
        Countries = (await db.MemberCountriesAsync(ct)).OrderBy(CountryName, StringComparer.CurrentCulture).ToList();
        Forums = await Registers.ByBodyAsync(db, MeetingKind.NationalForum, ct);
        return Page();
    }
}

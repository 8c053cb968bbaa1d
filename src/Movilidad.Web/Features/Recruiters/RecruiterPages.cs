using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>What the directory's forms share: the member states whose recruiters and licences the reader may record.</summary>
public static class RecruiterPages
{
    public static async Task<IReadOnlyList<(string Code, string Name)>> RecordableCountriesAsync(MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct)
    {
        var allowed = new List<(string, string)>();
        foreach (var country in await CountryChoices.MembersAsync(db, ct))
        {
            if (await auth.CanAsync(user, RecruiterOperations.RecordSanctions, new CountryScope(country.Code)))
            {
                allowed.Add(country);
            }
        }

        return allowed;
    }
}

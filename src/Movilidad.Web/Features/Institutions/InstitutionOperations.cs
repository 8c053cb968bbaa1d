using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Institutions;

/// <summary>What people do with institutions; who may, in <see cref="InstitutionPermissions"/>.</summary>
public static class InstitutionOperations
{
    public static readonly Operation Edit = new("institutions.edit");
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Qualifications;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>The edit form of a competency standard (<c>/qualifications/standards/edit</c> for a new one) and its review: the registry's, as for procedures.</summary>
public class StandardEditModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryEditPage<CompetencyStandard>(db, auth, text, clock)
{
    public override string ListPath => "/qualifications/standards";

    public override string ListLabel => "Standards.Title";
}

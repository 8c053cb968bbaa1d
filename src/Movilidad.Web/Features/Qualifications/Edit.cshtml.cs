using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Qualifications;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>The edit form of a qualification procedure (<c>/qualifications/edit</c> for a new one) and its review: the registry's.</summary>
public class EditModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryEditPage<QualificationProcedure>(db, auth, text, clock)
{
    public override string ListPath => "/qualifications";

    public override string ListLabel => "Qualifications.Title";
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;

namespace Movilidad.Web.Features.Programmes;

/// <summary>The edit form of an agreement (<c>/agreements/edit</c> for a new one) and its review.</summary>
public class AgreementEditModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryEditPage<Agreement>(db, auth, text, clock)
{
    public override string ListPath => "/agreements";
}

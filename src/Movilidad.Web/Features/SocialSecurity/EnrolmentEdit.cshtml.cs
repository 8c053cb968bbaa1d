using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>The edit form of a voluntary enrolment option (<c>/social-security/enrolment/edit</c> for a new one) and its review: the registry's, by the option's country.</summary>
public class EnrolmentEditModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryEditPage<EnrolmentOption>(db, auth, text, clock)
{
    public override string ListPath => "/social-security/enrolment";

    public override string ListLabel => "SocialSecurity.Voluntary";
}

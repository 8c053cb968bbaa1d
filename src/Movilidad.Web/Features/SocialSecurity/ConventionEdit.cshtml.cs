using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>
/// The edit form of an ILO convention and its review (the registry's): a focal point changes their own country's row
/// (status, dates, sources), the Secretariat the rest, and nothing reaches the public before the Secretariat publishes it.
/// </summary>
public class ConventionEditModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryEditPage<IloConvention>(db, auth, text, clock)
{
    public override string ListPath => "/social-security/instruments";

    public override string ListHref => "/social-security";

    public override string ListLabel => "SocialSecurity.Title";

    public override string? RuleText => "SocialSecurity.ConventionEditRule";
}

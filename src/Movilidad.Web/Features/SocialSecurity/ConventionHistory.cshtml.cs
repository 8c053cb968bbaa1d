using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Data;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>The history tab of an ILO convention: every step of its review, for those who read its drafts.</summary>
public class ConventionHistoryModel(MovilidadDb db, IAuthorizationService authorization) : RegistryHistory<IloConvention>(db, authorization)
{
    public override string ListPath => "/social-security/instruments";
}

using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Data;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>The history tab of a voluntary enrolment option: every step of its review, for those who read its drafts.</summary>
public class EnrolmentHistoryModel(MovilidadDb db, IAuthorizationService authorization) : RegistryHistory<EnrolmentOption>(db, authorization)
{
    public override string ListPath => "/social-security/enrolment";
}

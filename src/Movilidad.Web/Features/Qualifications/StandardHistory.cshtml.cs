using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Qualifications;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>The history tab of a competency standard: every step of its review, for those who read its drafts.</summary>
public class StandardHistoryModel(MovilidadDb db, IAuthorizationService authorization) : RegistryHistory<CompetencyStandard>(db, authorization)
{
    public override string ListPath => "/qualifications/standards";
}

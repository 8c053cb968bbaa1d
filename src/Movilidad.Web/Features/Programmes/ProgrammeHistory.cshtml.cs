using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;

namespace Movilidad.Web.Features.Programmes;

/// <summary>The history tab of a programme.</summary>
public class ProgrammeHistoryModel(MovilidadDb db, IAuthorizationService authorization) : RegistryHistory<Programme>(db, authorization)
{
    public override string ListPath => "/programmes";
}

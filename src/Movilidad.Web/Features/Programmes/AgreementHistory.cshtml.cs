using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;

namespace Movilidad.Web.Features.Programmes;

/// <summary>The history tab of a agreement.</summary>
public class AgreementHistoryModel(MovilidadDb db, IAuthorizationService authorization) : RegistryHistory<Agreement>(db, authorization)
{
    public override string ListPath => "/agreements";
}

using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Demand;

/// <summary>
/// The Secretariat keeps every model; a country's focal point keeps the models of their country (action 1.6 asks each
/// country to apply the methodology to its own sectors, and the focal point is who answers for its figures), not the
/// regional ones nor another country's. Running a model changes no model, but it takes the server's cores for a while:
/// the people who work on the plans (presidency, focal points, working-group members, observers) run models, not
/// anonymous readers or civil-society accounts. Everyone reads the models and the stored runs: the methodology and its
/// numbers are public, and runs bind only public labour-market series.
/// </summary>
public sealed class DemandPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [DemandOperations.Manage, DemandOperations.Run];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        (operation == DemandOperations.Manage && resource is CountryScope scope && scope.IsFocalPoint(grant))
        || (operation == DemandOperations.Run && grant.WorksOnThePlans);
}

using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Monitoring;

/// <summary>Who reads the activities, edits them (their working group) and edits a country's share (its focal point).</summary>
public sealed class MonitoringPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [MonitoringOperations.Read, MonitoringOperations.EditActivity, MonitoringOperations.EditCountryShare];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == MonitoringOperations.Read ? grant.WorksOnThePlans
        : operation == MonitoringOperations.EditActivity ? grant.Role == Role.Presidency || (resource is WorkingGroupScope groups && groups.HasMember(grant))
        : resource is CountryScope country && country.IsFocalPoint(grant);
}

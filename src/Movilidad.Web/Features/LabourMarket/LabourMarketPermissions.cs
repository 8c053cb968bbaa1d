using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// The Secretariat imports every source; a focal point imports (replaces, deletes) the sources its own country publishes
/// (the US focal point OFLC files, Canada's the ESDC lists); anyone signed in reads restricted datasets; only the
/// Secretariat edits the outlook's sector mapping.
/// </summary>
public sealed class LabourMarketPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [LabourMarketOperations.Import, LabourMarketOperations.ReadRestricted, LabourMarketOperations.EditSectors];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == LabourMarketOperations.ReadRestricted
        || (operation == LabourMarketOperations.Import && resource is CountryScope scope && scope.IsFocalPoint(grant));
}

using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Indicators;

/// <summary>Who reads indicators and enters a country's values (its focal point); review, periods and definitions are the Secretariat's.</summary>
public sealed class IndicatorPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [IndicatorOperations.Read, IndicatorOperations.EnterValues, IndicatorOperations.Review, IndicatorOperations.LockPeriods, IndicatorOperations.Edit];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == IndicatorOperations.Read ? grant.WorksOnThePlans
        : operation == IndicatorOperations.EnterValues && resource is CountryScope country && country.IsFocalPoint(grant);
}

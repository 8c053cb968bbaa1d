using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Reports;

/// <summary>Who reads the semi-annual reports, writes a country's narrative (its focal point) and approves a report (the Presidency alone).</summary>
public sealed class ReportPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [ReportOperations.Read, ReportOperations.Prepare, ReportOperations.EditNarrative, ReportOperations.Approve];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == ReportOperations.Read ? grant.WorksOnThePlans
        : operation == ReportOperations.EditNarrative ? resource is CountryScope country && country.IsFocalPoint(grant)
        : operation == ReportOperations.Approve && grant.Role == Role.Presidency;

    /// <summary>The Secretariat prepares the report and the Presidency approves it: the one thing the Secretariat may not do itself.</summary>
    protected override bool SecretariatMay(Operation operation) => operation != ReportOperations.Approve;
}

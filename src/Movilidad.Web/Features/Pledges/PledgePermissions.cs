using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;
using System.Security.Claims;
using Movilidad.Platform.Pledges;

namespace Movilidad.Web.Features.Pledges;

/// <summary>Who reads unpublished pledges and edits which: a focal point their state's, observers and civil society the ones they recorded of their own kind.</summary>
public sealed class PledgePermissions : OperationRules
{
    /// <summary>The rules, for the queries that filter on them.</summary>
    public static readonly PledgePermissions Rules = new();

    public override IReadOnlyCollection<Operation> Operations { get; } = [PledgeOperations.ReadUnpublished, PledgeOperations.Edit, PledgeOperations.ConfirmCoPledger, PledgeOperations.Publish];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == PledgeOperations.ReadUnpublished
            ? grant.WorksOnThePlans || resource is PledgeScope { RecordedByReader: true }
            : operation == PledgeOperations.ConfirmCoPledger
            ? grant.Role == Role.FocalPoint && resource is CountryScope country && country.Country == grant.Country
            : operation == PledgeOperations.Edit && resource is PledgeScope pledge && grant.Role switch
            {
                Role.FocalPoint => pledge.StateCountries.Contains(grant.Country),
                Role.Observer => pledge.RecordedByReader && pledge.PledgerTypes.Count > 0 && pledge.PledgerTypes.All(t => t is PledgerType.UnAgency or PledgerType.Other),
                Role.CivilSociety => pledge.RecordedByReader && pledge.PledgerTypes.Count > 0 && pledge.PledgerTypes.All(t => t is PledgerType.CivilSociety or PledgerType.Other),
                _ => false,
            };

    /// <summary>True when the person holds a role that records pledges at all (whose pledges, <see cref="PledgeOperations.Edit"/> decides).</summary>
    public static bool RecordsPledges(ClaimsPrincipal user) =>
        Grants.Of(user).Any(g => g.Role is Role.Secretariat or Role.FocalPoint or Role.Observer or Role.CivilSociety);
}

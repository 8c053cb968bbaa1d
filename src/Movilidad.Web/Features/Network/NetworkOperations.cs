using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Network;

/// <summary>The operations of the UN Regional Network's follow-up; <see cref="NetworkPermissions"/> decides who may do them.</summary>
public static class NetworkOperations
{
    /// <summary>Read the updates not approved yet (submitted, returned) and the draft of the mid-term review.</summary>
    public static readonly Operation Read = new("network.read");

    /// <summary>Write a quarterly update of an activity: scope <see cref="InstitutionScope"/> of the agencies responsible for it.</summary>
    public static readonly Operation WriteUpdate = new("network.write-update");

    /// <summary>Approve or return an update, record and approve the mid-term review: scope <see cref="InstitutionScope"/> of the plan's co-chairs.</summary>
    public static readonly Operation CoChair = new("network.co-chair");
}

/// <summary>
/// The network's work plan (<c>003</c>) is the network's own: its agencies' people (a grant limited to their agency)
/// write the updates of the activities their agency is responsible for, and the co-chairs (the agencies the plan names
/// as co-leading the network) approve them and the mid-term review. The CRM's Secretariat reads, but does not write for
/// the network; everyone who works on the plans reads what is not approved yet.
/// </summary>
public sealed class NetworkPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [NetworkOperations.Read, NetworkOperations.WriteUpdate, NetworkOperations.CoChair];

    protected override bool SecretariatMay(Operation operation) => operation == NetworkOperations.Read;

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == NetworkOperations.Read
            ? grant.WorksOnThePlans || grant.Role == Role.NetworkAgency
            : resource is InstitutionScope scope && scope.HasAgency(grant);
}

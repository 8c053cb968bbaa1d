using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Practices;

/// <summary>Anyone signed in submits a practice; observers and its submitter read it unpublished; its submitter edits it; the Secretariat reviews.</summary>
public sealed class PracticePermissions : OperationRules
{
    /// <summary>The rules, for the queries that filter on them.</summary>
    public static readonly PracticePermissions Rules = new();

    public override IReadOnlyCollection<Operation> Operations { get; } = [PracticeOperations.Submit, PracticeOperations.ReadUnpublished, PracticeOperations.EditOwn, PracticeOperations.Review];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == PracticeOperations.Submit
        || (operation == PracticeOperations.ReadUnpublished && (grant.Role == Role.Observer || resource is SubmitterScope { IsSubmitter: true }))
        || (operation == PracticeOperations.EditOwn && resource is SubmitterScope { IsSubmitter: true });
}

using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>The operations of the knowledge repository; <see cref="RepositoryPermissions"/> decides who may do them.</summary>
public static class RepositoryOperations
{
    /// <summary>Propose an item: anyone signed in.</summary>
    public static readonly Operation Propose = new("repository.propose");

    /// <summary>Read items not yet published (a proposer reads their own: scope <see cref="ProposerScope"/>).</summary>
    public static readonly Operation ReadUnpublished = new("repository.read-unpublished");

    /// <summary>Edit a proposed or returned item, add a file version: scope <see cref="ProposerScope"/>.</summary>
    public static readonly Operation EditOwn = new("repository.edit-own");

    /// <summary>Review (gender checklist, lens, return with a reason), publish, edit published items and their assets: the Secretariat and curators.</summary>
    public static readonly Operation Curate = new("repository.curate");
}

/// <summary>Whether the reader proposed the item.</summary>
public sealed record ProposerScope(bool IsProposer);

/// <summary>Anyone signed in proposes; the proposer edits and reads their own; curators (granted by the Secretariat) and the Secretariat curate.</summary>
public sealed class RepositoryPermissions : OperationRules
{
    public static readonly RepositoryPermissions Rules = new();

    public override IReadOnlyCollection<Operation> Operations { get; } = [RepositoryOperations.Propose, RepositoryOperations.ReadUnpublished, RepositoryOperations.EditOwn, RepositoryOperations.Curate];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == RepositoryOperations.Propose
        || (grant.Role == Role.Curator && operation != RepositoryOperations.EditOwn)
        || (resource is ProposerScope { IsProposer: true } && (operation == RepositoryOperations.ReadUnpublished || operation == RepositoryOperations.EditOwn));
}

using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Comments;

/// <summary>Every role comments, on what it may read (CommentTargets checks the item's own read rule); the Secretariat moderates.</summary>
public sealed class CommentPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [CommentOperations.Write, CommentOperations.Moderate];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == CommentOperations.Write;
}

using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Comments;

/// <summary>The operations on comments; its feature's rules (<see cref="OperationRules"/>) decides who may do them.</summary>
public static class CommentOperations
{
    /// <summary>Comment on an item: every role, on the items it may read (checked per item by <see cref="CommentTargets"/>).</summary>
    public static readonly Operation Write = new("comments.write");

    /// <summary>Hide anyone's comment, with a reason: the Secretariat.</summary>
    public static readonly Operation Moderate = new("comments.moderate");
}

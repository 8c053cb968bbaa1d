using Movilidad.Platform.Auth;
using Movilidad.Platform.Meetings;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Meetings;

/// <summary>The operations on meetings; <see cref="MeetingPermissions"/> decides who may do them.</summary>
public static class MeetingOperations
{
    /// <summary>Read every meeting (the public reads the civil-society working tables' only, through the publication filter).</summary>
    public static readonly Operation Read = new("meetings.read");

    /// <summary>Record a meeting, change it, attach files and turn its agreements into activities: scope <see cref="MeetingScope"/> of the meeting as saved (and as it would be saved).</summary>
    public static readonly Operation Edit = new("meetings.edit");
}

/// <summary>What decides who edits a meeting: its kind, its convening working group and its country.</summary>
public sealed record MeetingScope(MeetingKind Kind, int? WorkingGroupId, string? Country);

/// <summary>
/// The brief's rule: the Secretariat records and edits every meeting; a working group's members their group's meetings;
/// a focal point their country's national forum. Everyone who works on the plans reads every meeting.
/// </summary>
public sealed class MeetingPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [MeetingOperations.Read, MeetingOperations.Edit];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == MeetingOperations.Read ? grant.WorksOnThePlans
        : resource is MeetingScope scope && grant.Role switch
        {
            Role.WorkingGroupMember => scope.WorkingGroupId is { } group && grant.WorkingGroupId == group,
            Role.FocalPoint => scope.Kind == MeetingKind.NationalForum && scope.Country is not null && scope.Country == grant.Country,
            _ => false,
        };
}

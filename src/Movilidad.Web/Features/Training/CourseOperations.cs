using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Training;

/// <summary>The operations of the training catalogue; <see cref="CoursePermissions"/> decides who may do them. Reading the catalogue is public.</summary>
public static class CourseOperations
{
    /// <summary>Record a new course: scope <see cref="CourseScope"/> of the course as it would be saved.</summary>
    public static readonly Operation Record = new("courses.record");

    /// <summary>Change a course: scope <see cref="CourseScope"/> of the course as saved (and as it would be saved).</summary>
    public static readonly Operation Edit = new("courses.edit");

    /// <summary>Say "I am interested" in a course, or withdraw it: anyone signed in.</summary>
    public static readonly Operation Interest = new("courses.interest");

    /// <summary>See how many people and who are interested in a course: scope <see cref="CourseScope"/> of the course as saved.</summary>
    public static readonly Operation ReadInterest = new("courses.read-interest");
}

/// <summary>The country of the course's providing institution (none for an international one) and whether the reader recorded the course.</summary>
public sealed record CourseScope(string? ProviderCountry, bool IsRecorder);

/// <summary>
/// The rule, "an institution's focal point or the provider records its courses": the Secretariat records and edits
/// every course; a focal point those of their own country's institutions (and the ones they recorded); an observer (the
/// UN agencies that provide most of the courses) records courses and edits the ones it recorded. Anyone signed in says
/// they are interested in a course; those who may edit it (its provider) see who is.
/// </summary>
public sealed class CoursePermissions : OperationRules
{
    public static readonly CoursePermissions Rules = new();

    public override IReadOnlyCollection<Operation> Operations { get; } = [CourseOperations.Record, CourseOperations.Edit, CourseOperations.Interest, CourseOperations.ReadInterest];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == CourseOperations.Interest
        || (resource is CourseScope scope && grant.Role switch
        {
            Role.FocalPoint => scope.ProviderCountry == grant.Country || (operation != CourseOperations.Record && scope.IsRecorder),
            Role.Observer => operation == CourseOperations.Record || scope.IsRecorder,
            _ => false,
        });
}

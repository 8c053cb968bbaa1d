using Movilidad.Platform.Data;

namespace Movilidad.Platform.Plans;

/// <summary>An unpublished plan, its elements and the links to its cross-cutting axes are seen only by those who read unpublished content; deleted elements by nobody.</summary>
internal sealed class PlanPublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) => filters
        .Seen<Plan>(p => p.IsPublished)
        .Seen<PlanElement>(e => e.Plan!.IsPublished, always: e => e.DeletedAt == null)

        // A link to an axis is seen only while the axis itself is: the same filter, so no link points at a hidden element.
        .Seen<AxisLink>(a => a.Axis!.Plan!.IsPublished, always: a => a.Axis!.DeletedAt == null);
}

using Movilidad.Platform.Data;

namespace Movilidad.Platform.Plans;

/// <summary>
/// An unpublished plan, its elements and the links to its cross-cutting axes are seen only by those who read unpublished
/// content, a working group's draft work plan only by that group and the Secretariat (what hangs under it follows, the
/// plan being filtered wherever it is reached); deleted elements by nobody.
/// </summary>
internal sealed class PlanPublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) => filters
        .SeenBy<Plan>((p, db) => p.IsPublished || (db.ShowsUnpublished
            && (db.SeesEveryDraft || p.Kind != PlanKind.WorkingGroupWorkPlan || (p.OwnerId != null && db.DraftGroups.Contains(p.OwnerId.Value)))))
        .Seen<PlanElement>(e => e.Plan!.IsPublished, always: e => e.DeletedAt == null)

        // A link to an axis is seen only while the axis itself is: the same filter, so no link points at a hidden element.
        .Seen<AxisLink>(a => a.Axis!.Plan!.IsPublished, always: a => a.Axis!.DeletedAt == null)

        // The same for a contribution to a Strategic Plan result or indicator: seen while its target is.
        .Seen<ResultContribution>(r => r.Result!.Plan!.IsPublished, always: r => r.Result!.DeletedAt == null)
        .Seen<IndicatorContribution>(i => i.Indicator!.Plan!.IsPublished);
}

using Movilidad.Platform.Data;

namespace Movilidad.Platform.Pledges;

/// <summary>A pledge's links to plan elements, activities and indicators are seen only while what they point at is.</summary>
internal sealed class PledgePublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) => filters
        .Seen<PledgeElement>(l => l.Element!.Plan!.IsPublished, always: l => l.Element!.DeletedAt == null)
        .Seen<PledgeActivity>(l => l.Activity!.Action!.Plan!.IsPublished, always: l => l.Activity!.DeletedAt == null)
        .Seen<PledgeIndicator>(l => l.Indicator!.Plan!.IsPublished);
}
